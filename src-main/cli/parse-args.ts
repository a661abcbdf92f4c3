import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { segmentSchema } from '../../src-shared/contract/session';
import { USAGE } from './usage';

export const exportTargets = ['civitai', 'kohya', 'ai-toolkit'] as const;
export const exportFormats = ['keep', 'png', 'jpg', 'webp'] as const;
export type ExportTarget = (typeof exportTargets)[number];
export type ExportFormat = (typeof exportFormats)[number];

export interface OpenCommand {
  command: 'open';
  folder: string | null;
  outputDir: string;
  prefix: string;
}
export interface ServeCommand {
  command: 'serve';
  folder: string;
  host: string;
  port: number;
  /** a folder exports may be written in, besides the served folder's parent */
  exportDir: string | null;
  /** --keep-api-keys: captioning backends' keys kept on disk (readable by this user only) rather than in memory */
  keepApiKeys: boolean;
}
export interface ExportCommand {
  command: 'export';
  folder: string;
  target: ExportTarget;
  out: string;
  trigger: string | null;
  maxSide: number | null;
  format: ExportFormat;
  keepMetadata: boolean;
}
export const autotagModes = ['append', 'replace', 'suggest'] as const;
export const autotagProviders = ['cpu', 'cuda', 'dml', 'coreml'] as const;
export interface AutotagCommand {
  command: 'autotag';
  folder: string;
  /** a folder holding model.onnx and selected_tags.csv, or a downloaded model's repository id */
  model: string;
  general: number;
  character: number;
  mcut: boolean;
  maxTags: number | null;
  exclude: string[];
  /** suggest: keep the scores and make them the dataset's suggestions (ghost chips in the app); write no caption */
  mode: (typeof autotagModes)[number];
  underscoresToSpaces: boolean;
  batch: number | null;
  provider: (typeof autotagProviders)[number] | 'auto';
}
export const captionModes = ['replace', 'append', 'suggest'] as const;
export interface CaptionCommand {
  command: 'caption';
  folder: string;
  /** the server's URL: http://127.0.0.1:11434 (Ollama) or http://127.0.0.1:1234/v1 (OpenAI-compatible) */
  backend: string;
  kind: 'openai' | 'ollama';
  model: string;
  promptPreset: string | null;
  prompt: string | null;
  /** suggest: keep the answers for review in the app, write nothing */
  mode: (typeof captionModes)[number];
  maxSide: number;
  concurrency: number;
  /** the environment variable holding the API key: never a key on the command line, where `ps` shows it */
  apiKeyEnv: string | null;
}
export type Command =
  | OpenCommand
  | CaptionCommand
  | ServeCommand
  | ExportCommand
  | AutotagCommand
  | { command: 'help'; usage: string }
  | { command: 'version' }
  | { command: 'error'; message: string; usage: string };

/** civitai-tagger's defaults, so a folder set up by either tool looks the same */
export const DEFAULT_OUTPUT_DIR = 'output';
export const DEFAULT_PREFIX = 'img';
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4780;

/** thrown inside this module only; parseCommandLine turns it into an `error` command */
class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | undefined>;

const openOptions: Options = { 'output-dir': { type: 'string' }, prefix: { type: 'string' } };
const serveOptions: Options = { host: { type: 'string' }, port: { type: 'string' }, 'export-dir': { type: 'string' }, 'keep-api-keys': { type: 'boolean' } };
const exportOptions: Options = {
  target: { type: 'string' },
  out: { type: 'string' },
  trigger: { type: 'string' },
  'max-side': { type: 'string' },
  format: { type: 'string' },
  'keep-metadata': { type: 'boolean' },
};

const autotagOptions: Options = {
  model: { type: 'string' },
  general: { type: 'string' },
  character: { type: 'string' },
  mcut: { type: 'boolean' },
  'max-tags': { type: 'string' },
  exclude: { type: 'string' },
  mode: { type: 'string' },
  underscores: { type: 'string' },
  batch: { type: 'string' },
  provider: { type: 'string' },
};

/**
 * Parse the user's arguments (already stripped of Electron's own: see userArgs).
 * Paths are resolved against `cwd`, which is the caller's: a second instance
 * hands over the directory it was started in, not ours.
 */
export function parseCommandLine(argv: readonly string[], cwd: string = process.cwd()): Command {
  const beforeTerminator = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  if (beforeTerminator.some((a) => a === '--help' || a === '-h')) return { command: 'help', usage: USAGE };
  if (beforeTerminator.some((a) => a === '--version' || a === '-v')) return { command: 'version' };
  try {
    const [first, ...rest] = argv;
    if (first === 'serve') return parseServe(rest, cwd);
    if (first === 'export') return parseExport(rest, cwd);
    if (first === 'autotag') return parseAutotag(rest, cwd);
    if (first === 'caption') return parseCaption(rest, cwd);
    return parseOpen(argv, cwd);
  } catch (err) {
    if (err instanceof UsageError) return { command: 'error', message: err.message, usage: USAGE };
    throw err;
  }
}

function parseOpen(args: readonly string[], cwd: string): OpenCommand {
  const { values, positionals } = parse(args, openOptions);
  if (positionals.length > 1) throw new UsageError(`one folder at most, got ${positionals.length}: ${positionals.join(' ')}`);
  return {
    command: 'open',
    folder: positionals[0] === undefined ? null : folderPath(positionals[0], cwd),
    outputDir: segment('--output-dir', values['output-dir'], DEFAULT_OUTPUT_DIR),
    prefix: segment('--prefix', values.prefix, DEFAULT_PREFIX),
  };
}

function parseServe(args: readonly string[], cwd: string): ServeCommand {
  const { values, positionals } = parse(args, serveOptions);
  return {
    command: 'serve',
    folder: folderPath(onlyFolder('serve', positionals), cwd),
    host: hostName(values.host),
    port: integer('--port', values.port, DEFAULT_PORT, 0, 65535),
    exportDir: values['export-dir'] === undefined ? null : flagPath('--export-dir', values['export-dir'], cwd),
    keepApiKeys: values['keep-api-keys'] === true,
  };
}

function parseExport(args: readonly string[], cwd: string): ExportCommand {
  const { values, positionals } = parse(args, exportOptions);
  const folder = folderPath(onlyFolder('export', positionals), cwd);
  const target = oneOf('--target', values.target, exportTargets);
  if (target === undefined) throw new UsageError(`--target is required: ${exportTargets.join(', ')}`);
  if (typeof values.out !== 'string' || values.out === '') throw new UsageError('--out PATH is required');
  const maxSide = values['max-side'] === undefined ? null : integer('--max-side', values['max-side'], 0, 1, 65535);
  return {
    command: 'export',
    folder,
    target,
    out: resolve(cwd, values.out),
    trigger: triggerWord(values.trigger),
    maxSide,
    format: oneOf('--format', values.format, exportFormats) ?? 'keep',
    keepMetadata: values['keep-metadata'] === true,
  };
}

function parseAutotag(args: readonly string[], cwd: string): AutotagCommand {
  const { values, positionals } = parse(args, autotagOptions);
  const folder = folderPath(onlyFolder('autotag', positionals), cwd);
  if (typeof values.model !== 'string' || values.model.trim() === '') throw new UsageError('--model is required: a model folder or a downloaded model\'s repository id');
  const model = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/.test(values.model) && !values.model.startsWith('.') ? values.model : folderPath(values.model, cwd, '--model');
  return {
    command: 'autotag',
    folder,
    model,
    general: probability('--general', values.general, 0.35),
    character: probability('--character', values.character, 0.85),
    mcut: values.mcut === true,
    maxTags: values['max-tags'] === undefined ? null : integer('--max-tags', values['max-tags'], 0, 1, 1000),
    exclude: typeof values.exclude === 'string' ? values.exclude.split(',').map((t) => t.trim()).filter(Boolean) : [],
    mode: oneOf('--mode', values.mode, autotagModes) ?? 'append',
    underscoresToSpaces: (oneOf('--underscores', values.underscores, ['keep', 'spaces'] as const) ?? 'keep') === 'spaces',
    batch: values.batch === undefined ? null : integer('--batch', values.batch, 0, 1, 1024),
    provider: oneOf('--provider', values.provider, autotagProviders) ?? 'auto',
  };
}

const captionOptions: Options = {
  backend: { type: 'string' },
  kind: { type: 'string' },
  model: { type: 'string' },
  'prompt-preset': { type: 'string' },
  prompt: { type: 'string' },
  mode: { type: 'string' },
  'max-side': { type: 'string' },
  concurrency: { type: 'string' },
  'api-key-env': { type: 'string' },
};

function parseCaption(args: readonly string[], cwd: string): CaptionCommand {
  const { values, positionals } = parse(args, captionOptions);
  const folder = folderPath(onlyFolder('caption', positionals), cwd);
  const backend = typeof values.backend === 'string' ? values.backend.trim() : '';
  if (!/^https?:\/\/[^\s]+$/i.test(backend)) throw new UsageError('--backend needs the server\'s http(s) URL, e.g. http://127.0.0.1:11434 or http://127.0.0.1:1234/v1');
  if (typeof values.model !== 'string' || values.model.trim() === '') throw new UsageError('--model is required: the model\'s name on the server');
  if (values['prompt-preset'] !== undefined && values.prompt !== undefined) throw new UsageError('give --prompt-preset or --prompt, not both');
  const envName = values['api-key-env'];
  if (envName !== undefined && (typeof envName !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(envName))) {
    throw new UsageError('--api-key-env needs the name of an environment variable, e.g. OPENAI_API_KEY');
  }
  // Ollama's own API is on its default port or under /api; anything else speaks the OpenAI-compatible one
  const guessed = /:11434(\/|$)|\/api\/?$/.test(backend) ? 'ollama' : 'openai';
  return {
    command: 'caption',
    folder,
    backend,
    kind: oneOf('--kind', values.kind, ['openai', 'ollama'] as const) ?? guessed,
    model: values.model.trim(),
    promptPreset: typeof values['prompt-preset'] === 'string' ? values['prompt-preset'] : values.prompt === undefined ? 'detailed' : null,
    prompt: typeof values.prompt === 'string' ? values.prompt : null,
    mode: oneOf('--mode', values.mode, captionModes) ?? 'suggest',
    maxSide: integer('--max-side', values['max-side'], 1024, 64, 4096),
    concurrency: integer('--concurrency', values.concurrency, 2, 1, 64),
    apiKeyEnv: typeof envName === 'string' ? envName : null,
  };
}

function probability(flag: string, raw: string | boolean | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = typeof raw === 'string' && /^(0|1|0?\.\d+|1\.0*)$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 0 && n <= 1)) throw new UsageError(`${flag} needs a number from 0 to 1, got ${JSON.stringify(raw)}`);
  return n;
}

function parse(args: readonly string[], options: Options): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
    return { values: values as Values, positionals };
  } catch (err) {
    // node's messages go on to explain `--` quoting at length; the first sentence is the useful part
    const message = err instanceof Error ? err.message : String(err);
    throw new UsageError(message.split(/\.\s/)[0] ?? message);
  }
}

function onlyFolder(command: string, positionals: readonly string[]): string {
  if (positionals.length !== 1) {
    throw new UsageError(`${command} takes one folder, got ${positionals.length === 0 ? 'none' : positionals.join(' ')}`);
  }
  return positionals[0] as string;
}

function folderPath(raw: string, cwd: string, what = 'the folder'): string {
  if (raw.trim() === '') throw new UsageError(`${what} is an empty string`);
  if (raw.includes('\0')) throw new UsageError(`${what} path holds a NUL character`);
  return resolve(cwd, raw);
}

function flagPath(flag: string, raw: string | boolean, cwd: string): string {
  if (typeof raw !== 'string') throw new UsageError(`${flag} needs a folder`);
  return folderPath(raw, cwd, flag);
}

/** NAME values become one folder or file-name part inside the dataset: same rule as the setup screen's */
function segment(flag: string, raw: string | boolean | undefined, fallback: string): string {
  if (raw === undefined) return fallback;
  const parsed = segmentSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`${flag} ${JSON.stringify(raw)}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

function integer(flag: string, raw: string | boolean | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d{1,6}$/.test(raw)) throw new UsageError(`${flag} needs a whole number, got ${JSON.stringify(raw)}`);
  const n = Number(raw);
  if (n < min || n > max) throw new UsageError(`${flag} must be between ${min} and ${max}, got ${n}`);
  return n;
}

function oneOf<T extends string>(flag: string, raw: string | boolean | undefined, allowed: readonly T[]): T | undefined {
  if (raw === undefined) return undefined;
  const found = allowed.find((a) => a === raw);
  if (found === undefined) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
  return found;
}

/** host names and IP literals (`[::1]` accepted): nothing that could smuggle a path or a port */
function hostName(raw: string | boolean | undefined): string {
  if (raw === undefined) return DEFAULT_HOST;
  const host = typeof raw === 'string' && /^\[.*\]$/.test(raw) ? raw.slice(1, -1) : raw;
  const isHostName = typeof host === 'string' && /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/.test(host);
  if (typeof host !== 'string' || (isIP(host) === 0 && !isHostName)) {
    throw new UsageError(`--host ${JSON.stringify(raw)} is not a host name or IP address`);
  }
  return host;
}

/** the trigger is prepended as one tag: a comma would make it two, a newline would break the caption line */
function triggerWord(raw: string | boolean | undefined): string | null {
  if (raw === undefined) return null;
  const word = typeof raw === 'string' ? raw.trim() : '';
  if (word === '' || /[,\r\n]/.test(word)) throw new UsageError('--trigger needs one tag: not empty, no comma or line break');
  return word;
}
