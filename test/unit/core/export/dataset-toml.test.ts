import { describe, expect, it } from 'vitest';
import { datasetToml, tomlString } from '../../../../src-main/core/export/dataset-toml';

const kohya = { repeats: 10, name: 'ohwx man', writeToml: true, resolution: 1024, minBucket: 256, maxBucket: 1024, bucketStep: 64 };

describe('datasetToml', () => {
  it('writes general, datasets and subsets as kohya reads them', () => {
    expect(datasetToml([{ imageDir: '/data/out/10_ohwx man', repeats: 10, name: 'ohwx man' }], kohya)).toBe(
      [
        '# Written by LoRA Tagger. Train with: --dataset_config "<this file>"',
        '[general]',
        'caption_extension = ".txt"',
        'enable_bucket = true',
        'min_bucket_reso = 256',
        'max_bucket_reso = 1024',
        'bucket_reso_steps = 64',
        '',
        '[[datasets]]',
        'resolution = 1024',
        '',
        '  [[datasets.subsets]]',
        '  image_dir = "/data/out/10_ohwx man"',
        '  num_repeats = 10',
        '  class_tokens = "ohwx man"',
        '',
      ].join('\n'),
    );
  });

  it('escapes Windows paths and quotes', () => {
    expect(tomlString('C:\\data\\"x"')).toBe('"C:\\\\data\\\\\\"x\\""');
    expect(tomlString('a\tb\u0001')).toBe('"a\\tb\\u0001"');
  });
});
