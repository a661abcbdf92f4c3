"""TagGUI's own folder load, timed: `ImageListModel.load_directory` from a
checkout of jhc13/taggui, headless (QT_QPA_PLATFORM=offscreen), in this
process, which the bench starts fresh for each load.

usage: taggui_load.py TAGGUI_CHECKOUT FOLDER
prints one JSON line: {"seconds": ..., "images": ..., "tagged": ...}
Exits 3 with the reason on stderr when a module TagGUI needs is missing.
"""
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')


def main() -> None:
    checkout, folder = Path(sys.argv[1]), Path(sys.argv[2])
    # TagGUI runs from its taggui/ folder (run_gui.py), and imports its modules from there
    sys.path.insert(0, str(checkout / 'taggui'))
    try:
        from PySide6.QtWidgets import QApplication
        from models.image_list_model import ImageListModel
        from utils.settings import DEFAULT_SETTINGS
    except ImportError as error:
        print(f'missing: {error.name}', file=sys.stderr)
        sys.exit(3)
    app = QApplication([])  # as TagGUI's own start-up makes it before any model
    # TagGUI's defaults: ',' and a space after it (get_tag_separator), thumbnails 200 wide
    model = ImageListModel(DEFAULT_SETTINGS['image_list_image_width'], DEFAULT_SETTINGS['tag_separator'] + ' ')
    started = time.perf_counter()
    model.load_directory(folder)
    seconds = time.perf_counter() - started
    tagged = sum(1 for image in model.images if image.tags)
    print(json.dumps({'seconds': seconds, 'images': len(model.images), 'tagged': tagged}))
    del app


if __name__ == '__main__':
    main()
