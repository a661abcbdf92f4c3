import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../app-error';
import { parseTagCsv, type ModelTag } from './tag-csv';

/**
 * A tagging model as SmilingWolf's Hugging Face repositories lay it out: a
 * folder with model.onnx and selected_tags.csv.
 */
export interface ModelFolder {
  dir: string;
  modelPath: string;
  tags: ModelTag[];
}

/** Thrown for a model the app cannot use; the message says why, for a person. */
export class ModelProblem extends AppError {
  constructor(message: string) {
    super('invalid-input', message);
  }
}

export async function readModelFolder(dir: string): Promise<ModelFolder> {
  const modelPath = join(dir, 'model.onnx');
  const csvPath = join(dir, 'selected_tags.csv');
  const modelSize = await stat(modelPath).then(
    (s) => (s.isFile() ? s.size : -1),
    () => null,
  );
  if (modelSize === null) throw new ModelProblem(`${dir} holds no model.onnx: a model folder has model.onnx and selected_tags.csv`);
  if (modelSize <= 0) throw new ModelProblem(`${modelPath} is empty or not a file`);
  const text = await readFile(csvPath, 'utf8').catch(() => null);
  if (text === null) throw new ModelProblem(`${dir} holds no selected_tags.csv: a model folder has model.onnx and selected_tags.csv`);
  const parsed = parseTagCsv(text);
  if (!parsed.ok) throw new ModelProblem(parsed.reason);
  return { dir, modelPath, tags: parsed.tags };
}

/** onnxruntime's words for a file it could not load, as a sentence for a person */
export function describeModelLoadError(modelPath: string, message: string): string {
  if (/protobuf parsing failed|no graph|invalid_protobuf|failed to load model/i.test(message)) {
    return `${modelPath} is not an ONNX model (onnxruntime could not read it)`;
  }
  return `${modelPath} could not be loaded: ${message.split('\n')[0]}`;
}
