import type { CaptionMode, ExportOptions } from '../../../../src-shared/contract/export';
import { putTriggerFirst } from '../trigger-word';

/** What the export needs to know about one trainer. */
export interface TargetSpec {
  /** for messages: "Civitai's trainer" */
  readonly label: string;
  /** more images than this: refuse the whole export */
  readonly maxImages: number | null;
  /** an output file larger than this is left out, with the reason */
  readonly maxFileBytes: number | null;
  /**
   * Where the image at `relPath` (in the dataset) goes: the folder inside the
   * output that holds it and its caption ('' for the output's root), and the
   * path its output name is made from (flattened by output-names.ts).
   */
  place(relPath: string, options: ExportOptions): { dir: string; rel: string };
  /** the caption file's text, or null to write no caption file */
  caption(text: string, mode: CaptionMode, options: ExportOptions): string | null;
  /** other files at the output's root (path relative to it → text) */
  extraFiles(ctx: TargetContext): { path: string; text: string }[];
  /** what the user needs to know to train with the result */
  notes(ctx: TargetContext & { withoutCaption: number }): string[];
}

export interface TargetContext {
  options: ExportOptions;
  mode: CaptionMode;
  /** where the export will end up: the folder, or the zip file */
  finalPath: string;
  /** the folders inside the output that received images, in first-use order */
  imageDirs: readonly string[];
}

/** every image at the output's root, named from its whole path */
export const atRoot = (relPath: string): { dir: string; rel: string } => ({ dir: '', rel: relPath });

/**
 * The caption as every trainer should read it: no byte-order mark (kohya and
 * ai-toolkit would make it part of the first tag) and, when a trigger word is
 * set, the trigger first. Empty captions give no caption file.
 */
export function standardCaption(text: string, mode: CaptionMode, options: ExportOptions): string | null {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') return null;
  return options.trigger ? putTriggerFirst(clean, options.trigger, mode) : clean;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
