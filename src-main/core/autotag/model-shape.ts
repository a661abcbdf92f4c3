/**
 * What a tagging model's input and output must look like for this app to run
 * it the way the WD14 models are run: one NHWC image input with 3 channels
 * (BGR) and a square size, one output of one probability per tag.
 */
export interface TensorShape {
  name: string;
  /** a number, or a symbolic dimension's name (or -1) */
  dims: readonly (number | string)[];
}

export interface ModelLayout {
  inputName: string;
  outputName: string;
  /** the side of the square the images are resized to */
  size: number;
  /** the batch size the model takes; null: any (a symbolic batch dimension) */
  fixedBatch: number | null;
  tagCount: number;
}

const fixed = (d: number | string | undefined): number | null => (typeof d === 'number' && d > 0 ? d : null);

/** the layout, or a sentence saying why the model cannot be used */
export function checkModelLayout(
  inputs: readonly TensorShape[],
  outputs: readonly TensorShape[],
  csvRows: number,
): { ok: true; layout: ModelLayout } | { ok: false; reason: string } {
  if (inputs.length !== 1) return { ok: false, reason: `the model takes ${inputs.length} inputs; a tagger takes one image batch` };
  if (outputs.length < 1) return { ok: false, reason: 'the model has no output' };
  const input = inputs[0]!;
  const output = outputs[0]!;
  const shown = `[${input.dims.join(', ')}]`;
  if (input.dims.length !== 4) return { ok: false, reason: `the model's input ${input.name} has shape ${shown}; a tagger takes [batch, height, width, 3]` };
  const [batch, height, width, channels] = input.dims;
  if (fixed(input.dims[1]) === 3 && fixed(channels) !== 3) {
    return { ok: false, reason: `the model's input ${input.name} has shape ${shown}: channels first (NCHW); this app runs NHWC models, as the WD14 taggers are` };
  }
  if (fixed(channels) !== 3) return { ok: false, reason: `the model's input ${input.name} has shape ${shown}: ${String(channels)} channels where a tagger takes 3 (NHWC)` };
  const h = fixed(height);
  const w = fixed(width);
  if (h === null || w === null || h !== w) return { ok: false, reason: `the model's input ${input.name} has shape ${shown}: not a fixed square size` };
  const n = output.dims[output.dims.length - 1];
  if (typeof n === 'number' && n > 0 && n !== csvRows) {
    return { ok: false, reason: `the model gives ${n} scores per image but selected_tags.csv lists ${csvRows} tags: they are not from the same model` };
  }
  return { ok: true, layout: { inputName: input.name, outputName: output.name, size: h, fixedBatch: fixed(batch), tagCount: csvRows } };
}
