import type { KohyaOptions } from '../../../src-shared/contract/export';

/** one `<repeats>_<name>/` folder of the export */
export interface TomlSubset {
  imageDir: string;
  repeats: number;
  /** what an image without a caption trains on, as the folder name says without a toml */
  name: string;
}

/**
 * kohya-ss' dataset config (`--dataset_config dataset.toml`). Written with
 * each subset's absolute path, because kohya resolves a relative image_dir
 * against the folder it is started from, not against the toml.
 */
export function datasetToml(subsets: readonly TomlSubset[], kohya: KohyaOptions): string {
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
    ...subsets.flatMap((s) => [
      '  [[datasets.subsets]]',
      `  image_dir = ${tomlString(s.imageDir)}`,
      `  num_repeats = ${s.repeats}`,
      `  class_tokens = ${tomlString(s.name)}`,
      '',
    ]),
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
