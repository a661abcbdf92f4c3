import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import onnxProto, { type onnx as Onnx } from 'onnx-proto';

const { onnx } = onnxProto;

/**
 * ONNX models built here, for the tagger's tests and bench: the real WD14
 * models are hundreds of MB and behind the network.
 *
 * The tiny model (a few KB) scores each tag from the mean of one channel over
 * one region of its input, so a wrong pre-processing step shows as a wrong tag:
 * RGB fed where BGR belongs swaps the "blue" and "red" tags, a black padding
 * instead of white loses the edge tags, a crop instead of a pad moves the
 * regions. Probability = sigmoid(weight × mean / 255 + bias).
 */

/** regions as fractions of the input's height and width: [top, left, bottom, right] */
const REGIONS = {
  topLeft: [0, 0, 0.5, 0.5],
  bottomBand: [0.75, 0, 1, 1],
  leftStrip: [0, 0, 1, 0.125],
  topStrip: [0, 0, 0.125, 1],
  centre: [0.375, 0.375, 0.625, 0.625],
} as const;
type RegionName = keyof typeof REGIONS;

/** channel indices of the model's input, which is BGR like the WD14 models' */
const B = 0;
const G = 1;
const R = 2;

interface TinyTag {
  name: string;
  category: 0 | 4 | 9;
  /** what the tag looks at; null: a constant, bias alone */
  region: RegionName | null;
  channel: number;
  weight: number;
  bias: number;
}

const tag = (name: string, category: 0 | 4 | 9, region: RegionName | null, channel: number, bias = -5, weight = 10): TinyTag => ({
  name,
  category,
  region,
  channel,
  weight: region ? weight : 0,
  bias,
});

/**
 * The tiny model's tags, in output order (the CSV's row order). The weights
 * are round so tests can compute a probability by hand: a region of pure
 * 255 in its channel gives sigmoid(5) = 0.9933, of 0 gives 0.0067.
 */
export const TINY_TAGS: readonly TinyTag[] = [
  tag('general', 9, 'centre', B),
  tag('sensitive', 9, 'centre', R),
  tag('questionable', 9, null, 0, -3), // 0.0474
  tag('explicit', 9, null, 0, -4), // 0.0180
  tag('blue_top_left', 0, 'topLeft', B),
  tag('red_bottom', 0, 'bottomBand', R),
  tag('green_left_edge', 0, 'leftStrip', G),
  tag('green_top_edge', 0, 'topStrip', G),
  tag('^_^', 0, 'centre', G),
  tag('red_center', 0, 'centre', R),
  tag('hatsune_miku', 4, 'topLeft', B),
  tag('kirisame_marisa', 4, 'bottomBand', R),
];

interface TinyModelOptions {
  /** input height and width */
  size?: number;
  /** a fixed batch size; default a symbolic one */
  batch?: number | null;
  inputName?: string;
  /** NCHW to test the layout check; the graph still runs */
  layout?: 'NHWC' | 'NCHW';
  channels?: number;
  tags?: readonly TinyTag[];
}

const f32 = (name: string, dims: number[], values: ArrayLike<number>): Onnx.ITensorProto => ({
  name,
  dims,
  dataType: onnx.TensorProto.DataType.FLOAT,
  rawData: new Uint8Array(Float32Array.from(values).buffer),
});
const i64 = (name: string, values: number[]): Onnx.ITensorProto => ({
  name,
  dims: [values.length],
  dataType: onnx.TensorProto.DataType.INT64,
  rawData: new Uint8Array(BigInt64Array.from(values.map(BigInt)).buffer),
});
const ints = (name: string, values: number[]): Onnx.IAttributeProto => ({ name, ints: values, type: onnx.AttributeProto.AttributeType.INTS });
const int = (name: string, value: number): Onnx.IAttributeProto => ({ name, i: value, type: onnx.AttributeProto.AttributeType.INT });
const dim = (d: number | string): Onnx.TensorShapeProto.IDimension => (typeof d === 'number' ? { dimValue: d } : { dimParam: d });
const valueInfo = (name: string, dims: (number | string)[]): Onnx.IValueInfoProto => ({
  name,
  type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT, shape: { dim: dims.map(dim) } } },
});

function encodeModel(graph: Onnx.IGraphProto, opset = 13): Uint8Array {
  return onnx.ModelProto.encode({
    irVersion: 7,
    producerName: 'lora-tagger tests',
    opsetImport: [{ domain: '', version: opset }],
    graph,
  }).finish();
}

export function tinyModel(options: TinyModelOptions = {}): Uint8Array {
  const size = options.size ?? 448;
  const channels = options.channels ?? 3;
  const tags = options.tags ?? TINY_TAGS;
  const batch = options.batch ?? 'batch';
  const inputName = options.inputName ?? 'input_1:0';
  const nchw = options.layout === 'NCHW';
  const nodes: Onnx.INodeProto[] = [];
  const inits: Onnx.ITensorProto[] = [];
  let image = inputName;
  if (nchw) {
    nodes.push({ opType: 'Transpose', input: [inputName], output: ['nhwc'], attribute: [ints('perm', [0, 2, 3, 1])] });
    image = 'nhwc';
  }
  const regions = Object.keys(REGIONS) as RegionName[];
  inits.push(i64('spatial_axes', [1, 2]));
  for (const region of regions) {
    const [top, left, bottom, right] = REGIONS[region];
    const px = (f: number) => Math.round(f * size);
    inits.push(i64(`${region}_starts`, [px(top), px(left)]), i64(`${region}_ends`, [px(bottom), px(right)]));
    nodes.push({ opType: 'Slice', input: [image, `${region}_starts`, `${region}_ends`, 'spatial_axes'], output: [`${region}_pixels`] });
    nodes.push({ opType: 'ReduceMean', input: [`${region}_pixels`], output: [`${region}_mean`], attribute: [ints('axes', [1, 2]), int('keepdims', 0)] });
  }
  nodes.push({ opType: 'Concat', input: regions.map((r) => `${r}_mean`), output: ['features'], attribute: [int('axis', 1)] });
  const weights = new Float32Array(regions.length * channels * tags.length);
  tags.forEach((t, i) => {
    if (t.region) weights[(regions.indexOf(t.region) * channels + t.channel) * tags.length + i] = t.weight / 255;
  });
  inits.push(f32('weights', [regions.length * channels, tags.length], weights), f32('bias', [tags.length], tags.map((t) => t.bias)));
  nodes.push({ opType: 'MatMul', input: ['features', 'weights'], output: ['logits'] });
  nodes.push({ opType: 'Add', input: ['logits', 'bias'], output: ['biased'] });
  nodes.push({ opType: 'Sigmoid', input: ['biased'], output: ['predictions_sigmoid'] });
  const inputDims = nchw ? [batch, channels, size, size] : [batch, size, size, channels];
  return encodeModel({
    name: 'tiny-tagger',
    node: nodes,
    initializer: inits,
    input: [valueInfo(inputName, inputDims)],
    output: [valueInfo('predictions_sigmoid', [batch, tags.length])],
  });
}

/** selected_tags.csv as SmilingWolf's repositories write it */
export function selectedTagsCsv(tags: readonly Pick<TinyTag, 'name' | 'category'>[], header = 'tag_id,name,category,count'): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [header, ...tags.map((t, i) => `${100000 + i},${quote(t.name)},${t.category},${1000 - i}`)].join('\n') + '\n';
}

/** a model folder: model.onnx + selected_tags.csv */
export async function writeModelFolder(dir: string, model: Uint8Array, tags: readonly Pick<TinyTag, 'name' | 'category'>[] = TINY_TAGS): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'model.onnx'), model);
  await writeFile(join(dir, 'selected_tags.csv'), selectedTagsCsv(tags));
  return dir;
}

/** deterministic weights in [-scale, scale): the realistic model's values do not matter, only their count */
function randomWeights(count: number, scale: number, seed: number): Float32Array {
  let state = seed >>> 0 || 1;
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = ((state >>> 0) / 4294967296 - 0.5) * 2 * scale;
  }
  return out;
}

/**
 * A model of realistic size for the bench: a 448×448 NHWC BGR input, a
 * ConvNeXt-like stem and four stages of 3×3 convolutions (about 13 G
 * multiply-adds per image, a fifth of wd-convnext-tagger-v3's ConvNeXt-Base at
 * 448, about 62 G; 18 M weights, 70 MB), global pooling and a dense layer to
 * as many tags as the real models have. Random weights: its scores mean nothing.
 */
export function realisticModel(options: { tags: number; size?: number; seed?: number }): Uint8Array {
  const size = options.size ?? 448;
  const nodes: Onnx.INodeProto[] = [];
  const inits: Onnx.ITensorProto[] = [];
  let seed = options.seed ?? 7;
  nodes.push({ opType: 'Transpose', input: ['input_1:0'], output: ['x0'], attribute: [ints('perm', [0, 3, 1, 2])] });
  let x = 'x0';
  let channels = 3;
  let n = 0;
  const conv = (out: number, kernel: number, stride: number) => {
    n++;
    const fanIn = channels * kernel * kernel;
    inits.push(f32(`w${n}`, [out, channels, kernel, kernel], randomWeights(out * fanIn, Math.sqrt(3 / fanIn), seed++)));
    inits.push(f32(`b${n}`, [out], new Float32Array(out)));
    const pad = stride === 1 ? Math.floor(kernel / 2) : 0;
    nodes.push({
      opType: 'Conv',
      input: [x, `w${n}`, `b${n}`],
      output: [`c${n}`],
      attribute: [ints('kernel_shape', [kernel, kernel]), ints('strides', [stride, stride]), ints('pads', [pad, pad, pad, pad])],
    });
    nodes.push({ opType: 'Relu', input: [`c${n}`], output: [`r${n}`] });
    x = `r${n}`;
    channels = out;
  };
  conv(128, 4, 4); // stem: 112×112
  conv(128, 3, 1);
  conv(128, 3, 1);
  conv(256, 2, 2); // 56×56
  conv(256, 3, 1);
  conv(256, 3, 1);
  conv(512, 2, 2); // 28×28
  conv(512, 3, 1);
  conv(512, 3, 1);
  conv(512, 2, 2); // 14×14
  conv(512, 3, 1);
  conv(512, 3, 1);
  nodes.push({ opType: 'GlobalAveragePool', input: [x], output: ['pooled'] });
  inits.push(i64('flat_shape', [-1, channels]));
  nodes.push({ opType: 'Reshape', input: ['pooled', 'flat_shape'], output: ['flat'] });
  inits.push(f32('dense_w', [channels, options.tags], randomWeights(channels * options.tags, Math.sqrt(3 / channels), seed++)));
  inits.push(f32('dense_b', [options.tags], new Float32Array(options.tags)));
  nodes.push({ opType: 'MatMul', input: ['flat', 'dense_w'], output: ['dense'] });
  nodes.push({ opType: 'Add', input: ['dense', 'dense_b'], output: ['logits'] });
  nodes.push({ opType: 'Sigmoid', input: ['logits'], output: ['predictions_sigmoid'] });
  return encodeModel({
    name: 'realistic-tagger',
    node: nodes,
    initializer: inits,
    input: [valueInfo('input_1:0', ['batch', size, size, 3])],
    output: [valueInfo('predictions_sigmoid', ['batch', options.tags])],
  });
}

/** a tag list of realistic length: 4 ratings, then general tags, then characters */
export function realisticTags(count: number): { name: string; category: 0 | 4 | 9 }[] {
  const ratings = ['general', 'sensitive', 'questionable', 'explicit'].map((name) => ({ name, category: 9 as const }));
  const rest = Array.from({ length: count - 4 }, (_, i) => (i < (count - 4) * 0.75 ? { name: `tag_${i}`, category: 0 as const } : { name: `character_${i}`, category: 4 as const }));
  return [...ratings, ...rest];
}
