import type { BatchTarget, ChannelInput } from '../../../src-shared/contract';

export type CaptionRunInput = ChannelInput<'captioner.run'>;

/**
 * The captioning panel's prompt and sampling inputs as typed (numbers stay
 * text until a run is asked for, so a half-typed "0." is not thrown away),
 * and the pure step from them to the contract's run request, or the reason
 * there cannot be one yet.
 */
export interface CaptionForm {
  /** a preset's id; its template and system prompt fill the fields below until the user edits them */
  presetId: string;
  prompt: string;
  system: string;
  temperature: string;
  topP: string;
  maxTokens: string;
  startWith: string;
  strip: boolean;
  maxSide: string;
  concurrency: string;
  timeoutSeconds: string;
  /** empty: a plain answer; else a JSON schema the answer must match, its `caption` field taken */
  jsonSchema: string;
}

export const initialCaptionForm = (): CaptionForm => ({
  presetId: '',
  prompt: '',
  system: '',
  temperature: '',
  topP: '',
  maxTokens: '',
  startWith: '',
  strip: true,
  maxSide: '1024',
  concurrency: '2',
  timeoutSeconds: '120',
  jsonSchema: '',
});

export interface PromptPreset {
  id: string;
  prompt: string;
  system: string;
}

/** the form after choosing a preset: its template and system prompt replace what the fields held */
export const withPreset = (form: CaptionForm, preset: PromptPreset): CaptionForm => ({
  ...form,
  presetId: preset.id,
  prompt: preset.prompt,
  system: preset.system,
});

export interface RunChoice {
  target: BatchTarget | null;
  /** why the target cannot be used, from the batch panel's own rules */
  targetProblem: string | null;
  backendIds: readonly string[];
  model: string;
  presets: readonly PromptPreset[];
  /** a run again over only what a person rejected in this run */
  onlyRejectedOf?: number;
}

export type BuiltRun = { request: CaptionRunInput; problem: null } | { request: null; problem: string };

const fail = (problem: string): BuiltRun => ({ request: null, problem });

type Parsed = { value: number | undefined } | { problem: string };

/** an optional number within bounds; empty means "the server's default" */
function numberField(text: string, label: string, min: number, max: number, integer: boolean): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') return { value: undefined };
  const value = Number(trimmed);
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
    return { problem: `${label}: ${integer ? 'a whole number' : 'a number'} from ${min} to ${max.toLocaleString('en-US')}` };
  }
  return { value };
}

export function buildRunRequest(form: CaptionForm, choice: RunChoice): BuiltRun {
  if (choice.backendIds.length === 0) return fail('Add a backend, or tick one to send the images to');
  if (choice.model.trim() === '') return fail('Choose the model to caption with');
  if (!choice.target) return fail(choice.targetProblem ?? 'Choose the images to caption');
  if (form.prompt.trim() === '') return fail('Write a prompt, or choose a preset');

  const fields = {
    temperature: numberField(form.temperature, 'Temperature', 0, 2, false),
    topP: numberField(form.topP, 'Top-p', 0, 1, false),
    maxTokens: numberField(form.maxTokens, 'Max tokens', 1, 32_768, true),
    maxSide: numberField(form.maxSide, 'Longest side', 64, 4096, true),
    concurrency: numberField(form.concurrency, 'Requests at once', 1, 64, true),
    timeoutSeconds: numberField(form.timeoutSeconds, 'Timeout', 1, 3600, false),
  };
  const values: Partial<Record<keyof typeof fields, number>> = {};
  for (const [key, parsed] of Object.entries(fields) as [keyof typeof fields, Parsed][]) {
    if ('problem' in parsed) return fail(parsed.problem);
    if (parsed.value !== undefined) values[key] = parsed.value;
  }

  let jsonSchema: Record<string, unknown> | undefined;
  if (form.jsonSchema.trim() !== '') {
    const parsed = parseSchema(form.jsonSchema);
    if (typeof parsed === 'string') return fail(parsed);
    jsonSchema = parsed;
  }

  // a preset sent by name while its text is untouched, so the run records which preset it was
  const preset = choice.presets.find((p) => p.id === form.presetId);
  const asPreset = preset !== undefined && preset.prompt === form.prompt && preset.system === form.system;
  const request: CaptionRunInput = {
    target: choice.target,
    backendIds: [...choice.backendIds],
    model: choice.model.trim(),
    ...(asPreset ? { promptPreset: preset.id } : { prompt: form.prompt, system: form.system }),
    startWith: form.startWith,
    strip: form.strip,
    ...values,
    ...(jsonSchema ? { jsonSchema } : {}),
    ...(choice.onlyRejectedOf !== undefined ? { onlyRejectedOf: choice.onlyRejectedOf } : {}),
  };
  return { request, problem: null };
}

/** a JSON schema as typed: an object, or the reason it is not one */
function parseSchema(text: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `JSON schema: not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'JSON schema: an object such as {"type": "object", …}';
  return value as Record<string, unknown>;
}

/** the placeholders a template uses that the server does not fill: a typo such as {tag} would be sent as typed */
export function unknownPlaceholders(template: string, known: readonly string[]): string[] {
  const found = template.match(/\{[^{}\s]{1,40}\}/g) ?? [];
  const knownSet = new Set(known.map((p) => (p.startsWith('{') ? p : `{${p}}`)));
  return [...new Set(found.filter((p) => !knownSet.has(p)))];
}
