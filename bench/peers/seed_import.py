"""A RE-IMPLEMENTATION of civitai-tagger's import step (the seed this app
grew from), not its code: civitai-tagger's source is not on this machine.
What it does with a picked folder: every image in it, by name, is checked
with Pillow (`Image.open(path).verify()`), copied into the session folder
as img_001.ext, img_002.ext, ... in natural order (img2 before img10),
and given an empty caption file beside it.

usage: seed_import.py SOURCE_FOLDER SESSION_FOLDER
prints one JSON line: {"seconds": ..., "images": ..., "rejected": ...},
the time of the scan and import alone (not Python's start).
"""
import json
import re
import shutil
import sys
import time
from pathlib import Path

from PIL import Image

EXTENSIONS = {'.jpg', '.jpeg', '.png', '.webp', '.bmp', '.gif'}


def natural_key(path: Path) -> list:
    """img2.jpg before img10.jpg, as a person reads a folder"""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r'(\d+)', path.name)]


def import_folder(source: Path, session: Path) -> tuple[int, int]:
    session.mkdir(parents=True, exist_ok=True)
    names = sorted((p for p in source.iterdir() if p.is_file() and p.suffix.lower() in EXTENSIONS), key=natural_key)
    imported = rejected = 0
    for path in names:
        try:
            with Image.open(path) as image:
                image.verify()
        except Exception:
            rejected += 1
            continue
        imported += 1
        target = session / f'img_{imported:03d}{path.suffix.lower()}'
        shutil.copyfile(path, target)
        target.with_suffix('.txt').write_text('', encoding='utf-8')
    return imported, rejected


def main() -> None:
    source, session = Path(sys.argv[1]), Path(sys.argv[2])
    started = time.perf_counter()
    imported, rejected = import_folder(source, session)
    seconds = time.perf_counter() - started
    print(json.dumps({'seconds': seconds, 'images': imported, 'rejected': rejected}))


if __name__ == '__main__':
    main()
