import type { z } from 'zod';
import {
  type ExportFormat,
  type ExportOptions,
  type ExportOptionsInput,
  exportOptionsSchema,
  type ExportTarget,
} from '../../../src-shared/contract/export';
import { defaultOutPath, isAbsolutePath, isInsideDir, outKindOf, retargetPath } from './export-paths';

/**
 * What the export dialog's fields hold. Numbers stay text while they are
 * typed (an emptied field is not 0), and are read by `formToOptions`, which
 * holds them to `exportOptionsSchema`: the schema main parses with.
 */
export interface ExportForm {
  target: ExportTarget;
  outPath: string;
  /** the user typed or picked the path: switching target no longer replaces it */
  outPathEdited: boolean;
  trigger: string;
  format: ExportFormat;
  quality: string;
  limitSide: boolean;
  /** Civitai offers exactly 2048; the other targets take any size */
  maxSide: string;
  keepMetadata: boolean;
  background: string;
  rename: 'keep' | 'renumber';
  aiToolkitTriggerPlaceholder: boolean;
  kohya: {
    repeats: string;
    name: string;
    writeToml: boolean;
    resolution: string;
    minBucket: string;
    maxBucket: string;
    bucketStep: string;
  };
}

export const CIVITAI_MAX_SIDE = 2048;

export interface FormSession {
  /** the folder the user opened: the dataset itself, or the source an import copies from */
  root: string;
  datasetDir: string;
  name: string;
  triggerWord: string | null;
}

export function defaultForm(session: FormSession, target: ExportTarget = 'civitai'): ExportForm {
  return {
    target,
    outPath: defaultOutPath(session.root, session.name, target),
    outPathEdited: false,
    trigger: session.triggerWord ?? '',
    format: 'keep',
    quality: '95',
    limitSide: false,
    maxSide: String(CIVITAI_MAX_SIDE),
    keepMetadata: false,
    background: '#ffffff',
    rename: 'keep',
    aiToolkitTriggerPlaceholder: false,
    kohya: {
      repeats: '10',
      name: session.name.replace(/[/\\:*?"<>|]/g, '_') || 'dataset',
      writeToml: true,
      resolution: '1024',
      minBucket: '256',
      maxBucket: '1024',
      bucketStep: '64',
    },
  };
}

/** another target: the path follows it, keeping a folder or name the user chose */
export function withTarget(form: ExportForm, target: ExportTarget, session: FormSession): ExportForm {
  const outPath = form.outPathEdited
    ? retargetPath(form.outPath, form.target, target)
    : defaultOutPath(session.root, session.name, target);
  return { ...form, target, outPath };
}

/** field → message; keys are the option paths ('out', 'kohya.repeats', 'kohya' for rules across fields) */
export type FieldErrors = Record<string, string>;

export type FormResult = { ok: true; options: ExportOptions } | { ok: false; errors: FieldErrors };

/** '12' → 12; '', '1.5', 'abc' → NaN, which the schema reports as not a number */
const whole = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** the folders an export must stay out of, as main refuses them (export-destination.ts) */
export type GuardedFolders = Pick<FormSession, 'root' | 'datasetDir'>;

export function formToOptions(form: ExportForm, folders: GuardedFolders): FormResult {
  const errors: FieldErrors = {};
  const outPath = form.outPath.trim();
  if (!isAbsolutePath(outPath)) errors.out = 'a full path, starting from the root of the drive';
  else if (isInsideDir(outPath, folders.datasetDir)) errors.out = 'outside the dataset folder: an export inside it becomes part of the dataset';
  else if (isInsideDir(outPath, folders.root)) errors.out = 'outside the folder the images are imported from: an export there is imported again';

  const input: ExportOptionsInput = {
    target: form.target,
    out: { kind: outKindOf(outPath), path: outPath },
    trigger: form.trigger,
    maxSide: !form.limitSide ? null : form.target === 'civitai' ? CIVITAI_MAX_SIDE : whole(form.maxSide),
    format: form.format,
    jpgQuality: whole(form.quality),
    keepMetadata: form.keepMetadata,
    background: form.background,
    rename: form.rename,
    aiToolkitTriggerPlaceholder: form.target === 'ai-toolkit' && form.aiToolkitTriggerPlaceholder,
  };
  // only kohya shows its fields; elsewhere its defaults (the check's 1024 px buckets) apply
  if (form.target === 'kohya') {
    const k = form.kohya;
    input.kohya = {
      repeats: whole(k.repeats),
      name: k.name.trim(),
      writeToml: k.writeToml,
      resolution: whole(k.resolution),
      minBucket: whole(k.minBucket),
      maxBucket: whole(k.maxBucket),
      bucketStep: whole(k.bucketStep),
    };
  }
  // quality is not read for png; a half-typed value must not block a png export
  if (form.format === 'png' && Number.isNaN(input.jpgQuality)) delete input.jpgQuality;

  const parsed = exportOptionsSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.').replace(/^out\.path$/, 'out');
      errors[key] ??= issueText(issue);
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, options: parsed.data };
}

const FIELD_LABELS: Record<string, string> = {
  out: 'Save to',
  trigger: 'Trigger word',
  maxSide: 'Longest side',
  jpgQuality: 'Quality',
  background: 'Background',
  'kohya.repeats': 'Repeats',
  'kohya.name': 'Name',
  'kohya.resolution': 'Resolution',
  'kohya.minBucket': 'Smallest bucket',
  'kohya.maxBucket': 'Largest bucket',
  'kohya.bucketStep': 'Bucket step',
  kohya: 'Buckets',
};

/** the first refusal in one line, for a footer that may be far below the field (a long options column scrolls) */
export function errorSummary(errors: FieldErrors): string | null {
  const first = Object.entries(errors)[0];
  return first ? `${FIELD_LABELS[first[0]] ?? first[0]}: ${first[1]}` : null;
}

/** zod's range messages read like a type checker's; say the limit the way a field label would */
function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return 'a whole number';
  if (issue.code === 'too_small' && issue.origin === 'number') return `at least ${String(issue.minimum)}`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `at most ${String(issue.maximum)}`;
  return issue.message;
}

/**
 * What the check's report depends on: every option but the destination. A
 * report made with other options (another target, trigger, bucket size) is
 * stale and must be made again before exporting.
 */
export function checkKey(options: ExportOptions): string {
  const { out: _out, ...rest } = options;
  return JSON.stringify(rest);
}
