import type { KohyaOptions } from '../../../src-shared/contract/export';

/**
 * kohya-ss' dataset config (`--dataset_config dataset.toml`). Written with
 * the subset's absolute path, because kohya resolves a relative image_dir
 * against the folder it is started from, not against the toml.
 */
export function datasetToml(imageDir: string, kohya: KohyaOptions): string {
  return [
    '# Written by LoRA Tagger. Train with: --dataset_config "<this file>"',
    '[general]',
    // kohya's default is .caption; our captions are .txt
    'caption_extension = ".txt"',
    'enable_bucket = true',
    `min_bucket_reso = ${kohya.minBucket}`,
    `max_bucket_reso = ${kohya.maxBucket}`,
    `bucket_reso_steps = ${kohya.bucketStep}`,
    '',
    '[[datasets]]',
    `resolution = ${kohya.resolution}`,
    '',
    '  [[datasets.subsets]]',
    `  image_dir = ${tomlString(imageDir)}`,
    `  num_repeats = ${kohya.repeats}`,
    // what an image without a caption trains on, as the folder name says without a toml
    `  class_tokens = ${tomlString(kohya.name)}`,
    '',
  ].join('\n');
}

/** a TOML basic string: backslashes (Windows paths), quotes and control characters escaped */
export function tomlString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}
