import { constants as fsConstants } from 'node:fs';
import { copyFile, open, readFile } from 'node:fs/promises';
import type { OutputInfo, Sharp } from 'sharp';
import { isSrgbProfile } from '../core/export/icc-profile';
import { stripJpegMetadata } from '../core/export/strip-jpeg-metadata';
import { stripPngMetadata } from '../core/export/strip-png-metadata';
import { fileProblem, openRegularFile } from '../core/fs/regular-file';
import { readableImageError } from './export-image-errors';
import type { RenderResult, RenderTask } from '../core/export/export-protocol';
import { imageInfo, imageSharp, type ImageInfo } from './image-input';

/**
 * One image as a trainer should get it: shown the right way up (EXIF
 * orientation applied to the pixels), transparency flattened onto a colour
 * (trainers read RGB; a dropped alpha channel shows whatever colour hid under
 * it), metadata stripped unless kept, converted, fitted inside a longest side.
 */
export async function renderImage(task: RenderTask): Promise<RenderResult> {
  let inputBytes: number;
  try {
    // opened, not only stat'ed: a folder or a named pipe in an image's place is refused here, never waited on
    const { handle, stats } = await openRegularFile(task.input);
    await handle.close();
    inputBytes = stats.size;
  } catch (err) {
    return { ok: false, reason: `cannot read the file: ${fileProblem(err)}` };
  }

  let meta: ImageInfo;
  try {
    // the header alone; the pixel limit is checked here to name the size in the message
    meta = await imageInfo(task.input, { limitInputPixels: false });
  } catch (err) {
    return { ok: false, reason: readableImageError(err) };
  }
  if (!meta.width || !meta.height || !meta.format) return { ok: false, reason: 'no image size in the file header' };
  if (meta.width * meta.height > task.maxPixels) {
    return {
      ok: false,
      reason: `too large: ${meta.width}×${meta.height} is over the ${Math.round(task.maxPixels / 1e6)}-megapixel limit`,
    };
  }

  const rotated = (meta.orientation ?? 1) >= 5;
  const [shownW, shownH] = rotated ? [meta.height, meta.width] : [meta.width, meta.height];
  const converted = meta.format !== task.format;
  const needsResize = task.maxSide !== null && Math.max(shownW, shownH) > task.maxSide;
  const untouched = !converted && !needsResize && (meta.orientation ?? 1) === 1 && !meta.hasAlpha;

  // Original bytes only when nothing is to change, metadata included: copying
  // would carry EXIF, ICC and PNG text (prompts) along.
  if (task.keepMetadata && untouched) {
    if (task.maxBytes !== null && inputBytes > task.maxBytes) return tooBig(inputBytes, task.maxBytes);
    await copyFile(task.input, task.output, fsConstants.COPYFILE_EXCL);
    await syncFile(task.output);
    return { ok: true, width: shownW, height: shownH, bytes: inputBytes, copied: true, converted: false };
  }
  // Nothing to change but the metadata: drop it segment by segment, never re-encode a JPEG for it
  if (untouched) {
    const stripped = await withoutMetadata(task.input, meta);
    if (stripped !== null) {
      if (task.maxBytes !== null && stripped.length > task.maxBytes) return tooBig(stripped.length, task.maxBytes);
      await writeSynced(task.output, stripped);
      return { ok: true, width: shownW, height: shownH, bytes: stripped.length, copied: true, converted: false };
    }
  }

  let data: Buffer;
  let info: OutputInfo;
  try {
    let pipeline = imageSharp(task.input, { limitInputPixels: task.maxPixels })
      .rotate()
      .flatten({ background: task.background });
    if (needsResize) {
      pipeline = pipeline.resize({
        width: task.maxSide!,
        height: task.maxSide!,
        fit: 'inside',
        withoutEnlargement: true,
      });
    }
    if (task.keepMetadata) pipeline = pipeline.keepMetadata();
    pipeline = encode(pipeline, task);
    ({ data, info } = await pipeline.toBuffer({ resolveWithObject: true }));
  } catch (err) {
    return { ok: false, reason: readableImageError(err) };
  }
  if (task.maxBytes !== null && data.length > task.maxBytes) return tooBig(data.length, task.maxBytes);
  // written outside the try: a full disk must fail the export, not skip an image
  await writeSynced(task.output, data);
  return { ok: true, width: info.width, height: info.height, bytes: data.length, copied: false, converted };
}

/**
 * The file's own bytes less its metadata, or null when only re-encoding will
 * do: a webp with metadata, colours that are not sRGB (trainers ignore
 * profiles, so a Display P3 or CMYK picture is converted), or a file whose
 * structure cannot be walked.
 */
async function withoutMetadata(input: string, meta: ImageInfo): Promise<Buffer | null> {
  if (meta.space !== 'srgb' && meta.space !== 'b-w') return null;
  if (meta.icc && !isSrgbProfile(meta.icc)) return null;
  if (meta.format === 'jpeg') return stripJpegMetadata(await readFile(input), { dropIcc: true });
  if (meta.format === 'png') return stripPngMetadata(await readFile(input), { dropIcc: true });
  // a webp's chunks are not walked here: one with nothing to strip is copied, one with metadata re-encoded
  if (meta.format === 'webp' && !meta.tagged && !meta.icc) return readFile(input);
  return null;
}

function encode(pipeline: Sharp, task: RenderTask): Sharp {
  switch (task.format) {
    case 'jpeg':
      // full-resolution colour at high quality: chroma subsampling blurs fine detail a LoRA learns from
      return pipeline.jpeg({ quality: task.quality, chromaSubsampling: task.quality >= 90 ? '4:4:4' : '4:2:0' });
    case 'webp':
      return pipeline.webp({ quality: task.quality });
    case 'png':
      return pipeline.png();
  }
}

function tooBig(bytes: number, limit: number): RenderResult {
  const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
  return { ok: false, reason: `the file is ${mb(bytes)}, over the ${mb(limit)} limit` };
}

async function writeSynced(path: string, data: Buffer): Promise<void> {
  const file = await open(path, 'wx');
  try {
    await file.writeFile(data);
    await file.sync();
  } finally {
    await file.close();
  }
}

async function syncFile(path: string): Promise<void> {
  const file = await open(path, 'r+');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}
