#!/usr/bin/env python3
"""The reference WD14 tagging pipeline, for LoRA Tagger's tests and bench.

Pre-processing as SmilingWolf's demo app.py does it with Pillow (kohya's
tag_images_by_wd14_tagger.py and TagGUI copy it), plus the EXIF orientation
the app applies: RGBA composited onto white, padded to a centred white
square, resized with bicubic to the model's input size, BGR, float32 0-255.
Then onnxruntime on CPU, in batches.

usage: wd14_reference.py --model model.onnx [--threads N] [--batch N]
                         [--out probs.f32] IMAGE...

Writes the probabilities (float32, one row per image, in the order given;
a row of NaN for an image that could not be read) to --out, and prints one
JSON line: images, failed, seconds (after the model is loaded), of which
preprocess_seconds, images_per_sec, peak_rss_mb.
"""
import argparse
import json
import resource
import sys
import time

import numpy as np
import onnxruntime as ort
from PIL import Image, ImageOps


def prepare(path, size):
    image = Image.open(path)
    image = ImageOps.exif_transpose(image)
    image = image.convert("RGBA")
    canvas = Image.new("RGBA", image.size, (255, 255, 255))
    canvas.alpha_composite(image)
    image = canvas.convert("RGB")
    side = max(image.size)
    square = Image.new("RGB", (side, side), (255, 255, 255))
    square.paste(image, ((side - image.size[0]) // 2, (side - image.size[1]) // 2))
    if side != size:
        square = square.resize((size, size), Image.BICUBIC)
    pixels = np.asarray(square, dtype=np.float32)
    return pixels[:, :, ::-1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--out")
    parser.add_argument("images", nargs="*")
    args = parser.parse_args()

    options = ort.SessionOptions()
    if args.threads > 0:
        options.intra_op_num_threads = args.threads
    session = ort.InferenceSession(args.model, options, providers=["CPUExecutionProvider"])
    model_input = session.get_inputs()[0]
    _, height, _, _ = model_input.shape
    fixed = model_input.shape[0] if isinstance(model_input.shape[0], int) else None
    batch = fixed or args.batch
    tags = session.get_outputs()[0].shape[-1]

    rows = np.full((len(args.images), tags), np.nan, dtype=np.float32)
    failed = 0
    preparing = 0.0
    started = time.perf_counter()
    for first in range(0, len(args.images), batch):
        paths = args.images[first:first + batch]
        prepared = []
        batch_started = time.perf_counter()
        for i, path in enumerate(paths):
            try:
                prepared.append((first + i, prepare(path, height)))
            except Exception as err:  # an unreadable image is skipped, as in the app
                failed += 1
                print(f"{path}: {err}", file=sys.stderr)
        if not prepared:
            continue
        stack = np.stack([p for _, p in prepared])
        preparing += time.perf_counter() - batch_started
        if fixed and len(prepared) < fixed:
            stack = np.concatenate([stack, np.zeros((fixed - len(prepared),) + stack.shape[1:], dtype=np.float32)])
        probs = session.run(None, {model_input.name: stack})[0]
        for row, (index, _) in enumerate(prepared):
            rows[index] = probs[row]
    seconds = time.perf_counter() - started

    if args.out:
        rows.tofile(args.out)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({
        "images": len(args.images),
        "failed": failed,
        "seconds": seconds,
        "preprocess_seconds": preparing,
        "images_per_sec": (len(args.images) - failed) / seconds if seconds > 0 else 0,
        "peak_rss_mb": peak_kb / 1024,
    }))


if __name__ == "__main__":
    main()
