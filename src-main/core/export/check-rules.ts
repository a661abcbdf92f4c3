import type { CaptionMode, CheckLine, ExportOptions } from '../../../src-shared/contract/export';
import type { Fingerprint } from './export-protocol';
import { captionEncodingLines } from './caption-encodings';
import { isOtherMode } from './caption-mode';
import {
  CIVITAI_MAX_FILE_BYTES,
  CIVITAI_MAX_IMAGES,
  CLIP_TOKEN_LIMIT,
  EXTREME_ASPECT,
  HUGE_CAPTION_CHARS,
  MIN_USEFUL_SIDE,
  megabytes,
} from './export-limits';
import type { ExportSource } from './export-source';
import { groupNearDuplicates } from './near-duplicates';
import { SIZE_NOT_KNOWN } from '../scan/walk-folder';
import { plural, type TargetSpec } from './targets/target-spec';

/** one image the check looks at, with what the worker learnt about it */
export interface CheckedImage {
  source: ExportSource;
  fingerprint: Fingerprint | null;
}

export interface CheckInput {
  images: readonly CheckedImage[];
  /** marked to skip: reported once, checked no further */
  skipped: readonly ExportSource[];
  mode: CaptionMode;
  options: ExportOptions;
  spec: TargetSpec;
  clipCount?: ((text: string) => number) | undefined;
}

/** The size as shown: from the worker when it could read the image, else the session's probe. */
export function shownSize(img: CheckedImage): { width: number; height: number } | null {
  if (img.fingerprint?.ok) return { width: img.fingerprint.width, height: img.fingerprint.height };
  const { width, height } = img.source;
  return width && height ? { width, height } : null;
}

/**
 * Every finding of the pre-export check, errors first. Pure: the pixels were
 * read beforehand, so each rule is a plain look at the numbers.
 */
export function checkRules(input: CheckInput): CheckLine[] {
  const lines = [
    ...tooMany(input),
    ...unreadable(input),
    ...tooLargeFiles(input),
    ...missingCaptions(input),
    ...duplicates(input),
    ...stemClashes(input),
    ...sizes(input),
    ...captions(input),
    ...captionEncodingLines(input.images.map((i) => i.source)),
    ...skippedLine(input),
  ];
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return lines.sort((a, b) => rank[a.severity] - rank[b.severity]);
}

const ids = (images: readonly CheckedImage[]) => images.map((i) => i.source.id);

function line(kind: CheckLine['kind'], severity: CheckLine['severity'], message: string, imageIds: number[], groups?: number[][]): CheckLine[] {
  if (imageIds.length === 0) return [];
  return [groups ? { kind, severity, message, imageIds, groups } : { kind, severity, message, imageIds }];
}

function tooMany({ images, spec, options }: CheckInput): CheckLine[] {
  if (options.target !== 'civitai' || images.length <= CIVITAI_MAX_IMAGES) return [];
  const over = images.length - CIVITAI_MAX_IMAGES;
  return line(
    'too-many-images',
    'error',
    `${spec.label} takes at most ${CIVITAI_MAX_IMAGES.toLocaleString('en-US')} images; ${images.length.toLocaleString('en-US')} would be exported. Mark ${plural(over, 'image')} to skip.`,
    ids(images),
  );
}

function unreadable({ images }: CheckInput): CheckLine[] {
  const byReason = new Map<string, number[]>();
  for (const img of images) {
    if (img.fingerprint?.ok !== false) continue;
    const list = byReason.get(img.fingerprint.reason);
    if (list) list.push(img.source.id);
    else byReason.set(img.fingerprint.reason, [img.source.id]);
  }
  return [...byReason].flatMap(([reason, list]) =>
    line('unreadable', 'error', `${plural(list.length, 'image')} cannot be read and will be left out: ${reason}.`, list),
  );
}

function tooLargeFiles({ images, options }: CheckInput): CheckLine[] {
  // the index's size, or the check's read where the index has none yet (a first open's header check under way)
  const big = images.filter((i) => (i.source.bytes === SIZE_NOT_KNOWN && i.fingerprint?.ok ? i.fingerprint.bytes : i.source.bytes) > CIVITAI_MAX_FILE_BYTES);
  const limit = megabytes(CIVITAI_MAX_FILE_BYTES);
  return options.target === 'civitai'
    ? line(
        'file-too-large',
        'error',
        `${plural(big.length, 'file')} over ${limit}, Civitai's limit per file: a longest side of 2048 or jpg/webp brings them under it; otherwise they are left out.`,
        ids(big),
      )
    : line('file-too-large', 'info', `${plural(big.length, 'file')} over ${limit}: too large for Civitai's trainer.`, ids(big));
}

function missingCaptions({ images, options }: CheckInput): CheckLine[] {
  const bare = images.filter((i) => i.source.captionText.replace(/^\uFEFF/, '').trim() === '');
  const what =
    options.target === 'kohya'
      ? `no .txt is written for them, and kohya trains them on the class name "${options.kohya.name}"`
      : 'they are exported without a .txt file';
  return line('no-caption', 'warning', `${plural(bare.length, 'image')} without a caption: ${what}.`, ids(bare));
}

function duplicates({ images }: CheckInput): CheckLine[] {
  const readable = images.flatMap((i) => (i.fingerprint?.ok ? [{ id: i.source.id, fp: i.fingerprint }] : []));
  const exact = groupsOf(readable, ({ fp }) => fp.sha256, ({ id }) => id);

  const shaOf = new Map(readable.map(({ id, fp }) => [id, fp.sha256]));
  const near = groupNearDuplicates(readable.map(({ id, fp }) => ({ key: id, dhash: fp.dhash, mean: fp.mean })))
    // a group made only of identical files is already reported above
    .filter((g) => new Set(g.map((id) => shaOf.get(id))).size > 1);

  return [
    ...line(
      'duplicate',
      'warning',
      `${plural(exact.length, 'set')} of identical files: each copy trains the same picture again.`,
      exact.flat(),
      exact,
    ),
    ...line(
      'near-duplicate',
      'warning',
      `${plural(near.length, 'set')} of nearly identical pictures (resized, recompressed or lightly edited copies).`,
      near.flat(),
      near,
    ),
  ];
}

function stemClashes({ images }: CheckInput): CheckLine[] {
  const groups = groupsOf(images, (img) => captionKey(img.source.relPath), (img) => img.source.id);
  return line(
    'stem-clash',
    'warning',
    `${plural(groups.length, 'set')} of images share a name stem (a.png, a.jpg) and so one caption file in the dataset folder; the export names them apart, each with that caption.`,
    groups.flat(),
    groups,
  );
}

/** groups of two or more items sharing a key, in first-seen order */
function groupsOf<T>(items: readonly T[], key: (item: T) => string, id: (item: T) => number): number[][] {
  const groups = new Map<string, number[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(id(item));
    else groups.set(k, [id(item)]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** 'sub/A.png' → 'sub/a': the caption file every trainer pairs with the image, ignoring case */
function captionKey(relPath: string): string {
  const slash = relPath.lastIndexOf('/');
  const dot = relPath.lastIndexOf('.');
  return (dot > slash + 1 ? relPath.slice(0, dot) : relPath).toLowerCase();
}

function sizes({ images, options }: CheckInput): CheckLine[] {
  // kohya's resolution is the one a user chooses here: it buckets by area, so an image with fewer
  // pixels than resolution² is upscaled. Other targets choose none; under MIN_USEFUL_SIDE blurs anywhere.
  const resolution = options.target === 'kohya' ? options.kohya.resolution : null;
  const small: number[] = [];
  const extreme: number[] = [];
  for (const img of images) {
    const size = shownSize(img);
    if (!size) continue;
    const underResolution = resolution !== null && size.width * size.height < resolution * resolution;
    if (underResolution || Math.min(size.width, size.height) < MIN_USEFUL_SIDE) small.push(img.source.id);
    const aspect = size.width / size.height;
    if (aspect > EXTREME_ASPECT || aspect < 1 / EXTREME_ASPECT) extreme.push(img.source.id);
  }
  const smallText =
    resolution === null
      ? `${plural(small.length, 'image')} under ${MIN_USEFUL_SIDE} px on a side: upscaled in training, they teach blur.`
      : `${plural(small.length, 'image')} smaller than the training resolution of ${resolution} px (fewer pixels than ${resolution}×${resolution}): kohya upscales them to their bucket, which teaches blur.`;
  return [
    ...line('too-small', 'warning', smallText, small),
    ...line(
      'extreme-aspect',
      'warning',
      `${plural(extreme.length, 'image')} wider than ${EXTREME_ASPECT}:1 or taller than 1:${EXTREME_ASPECT}: trainers crop or squash them.`,
      extreme,
    ),
  ];
}

function captions({ images, mode, options, spec, clipCount }: CheckInput): CheckLine[] {
  const long: number[] = [];
  const huge: number[] = [];
  let largest = 0;
  const otherMode: number[] = [];
  for (const img of images) {
    const text = img.source.captionText;
    if (text.length > HUGE_CAPTION_CHARS) {
      // said once, on its own line; counting the tokens of megabytes only tells what is plain
      huge.push(img.source.id);
      largest = Math.max(largest, text.length);
      continue;
    }
    if (isOtherMode(text, mode)) otherMode.push(img.source.id);
    // counted as the trainer will read it: with the trigger word put in
    const exported = clipCount ? spec.caption(text, mode, options) : null;
    if (exported !== null && clipCount!(exported) > CLIP_TOKEN_LIMIT) long.push(img.source.id);
  }
  const other = mode === 'tags' ? 'read as sentences in a tags dataset' : 'read as tag lists in a text dataset';
  return [
    ...line(
      'long-caption',
      'warning',
      `${plural(long.length, 'caption')} over ${CLIP_TOKEN_LIMIT} CLIP tokens: the text encoder ignores the rest (kohya: --max_token_length 150 or 225 reads more).`,
      long,
    ),
    ...line(
      'huge-caption',
      'warning',
      `${plural(huge.length, 'caption')} over ${HUGE_CAPTION_CHARS.toLocaleString('en-US')} characters (the largest ${largest.toLocaleString('en-US')}): text encoders read only the first few hundred tokens; was a file saved in by mistake?`,
      huge,
    ),
    ...line('caption-mode', 'warning', `${plural(otherMode.length, 'caption')} ${other}: the model learns two prompt styles.`, otherMode),
  ];
}

function skippedLine({ skipped }: CheckInput): CheckLine[] {
  return line('skipped', 'info', `${plural(skipped.length, 'image')} marked to skip will be left out.`, skipped.map((s) => s.id));
}
