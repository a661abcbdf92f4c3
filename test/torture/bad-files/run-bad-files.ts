import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, statSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isImageName } from '../../../src-main/core/scan/image-extensions';
import { runFixture } from '../../support/run-fixture';
import { makeCorpus, type Corpus } from './corpus';
import { REPORT_PREFIX, type HostReport, type ImageOutcome } from './host-report';

export type OpenMode = 'import' | 'in-place';
const MODES: readonly OpenMode[] = ['in-place', 'import'];

export interface BadFilesOptions {
  /** how many empty .jpg files the bulk folder holds (50,000 in the full run) */
  bulk: number;
  /** the longest any one call may take before it counts as a hang */
  callTimeoutMs: number;
  log?: (line: string) => void;
}

/** one row of the table: a corpus file and what each way of opening did with it */
export interface Treatment {
  name: string;
  what: string;
  treatment: Record<OpenMode, string>;
}

export interface BadFilesSummary {
  /** files, links and folders in the corpus (the bulk folder's files counted one by one) */
  inputs: number;
  /** crashes, hangs, calls that threw, unhandled rejections: must be none */
  crashes: string[];
  /** image-named files neither listed nor skipped with a reason: must be none */
  dropped: string[];
  /** caption files changed, removed or written outside though no edit asked for it: must be none */
  captionChanges: string[];
  table: Treatment[];
  /** the bulk folder's files, by treatment */
  bulk: Record<OpenMode, Record<string, number>>;
  /** per way of opening: images listed, shown, edited, exported, skipped */
  counts: Record<OpenMode, { listed: number; shown: number; edited: number; exported: number; skipped: number; open: string }>;
  seconds: Record<OpenMode, number>;
}

const HOST = fileURLToPath(new URL('./host-process.ts', import.meta.url));

/**
 * The bad-files harness: for each way of opening (in place, import) a fresh
 * corpus is made, every caption's bytes are taken, the host process meets it
 * where permissions bind, and what it reports is checked against the files.
 */
export async function runBadFiles(options: BadFilesOptions): Promise<BadFilesSummary> {
  const log = options.log ?? (() => undefined);
  const summary: BadFilesSummary = {
    inputs: 0,
    crashes: [],
    dropped: [],
    captionChanges: [],
    table: [],
    bulk: { 'in-place': {}, import: {} },
    counts: {} as BadFilesSummary['counts'],
    seconds: { 'in-place': 0, import: 0 },
  };
  const rows = new Map<string, Treatment>();
  for (const mode of MODES) {
    const base = mkdtempSync(join(tmpdir(), `lora-tagger-bad-files-${mode}-`));
    try {
      const set = join(base, 'set');
      const corpus = await makeCorpus(set, join(base, 'outside'), options.bulk);
      summary.inputs = corpus.entries.length + corpus.bulk.count;
      const before = captionBytes(base);
      const hashes = sourceHashes(set, corpus);
      mkdirSync(join(base, 'app'));
      const started = Date.now();
      const run = await runFixture(HOST, [set, mode, join(base, 'app'), join(base, 'export'), String(options.callTimeoutMs)], { permissionsApply: true });
      summary.seconds[mode] = Math.round((Date.now() - started) / 100) / 10;
      const line = run.out.split('\n').find((l) => l.startsWith(REPORT_PREFIX));
      if (run.signal || !line) {
        summary.crashes.push(`${mode}: the host ${run.signal ? `was ended by ${run.signal}` : 'gave no report'}: ${run.err.trim().split('\n').slice(-8).join(' | ')}`);
        continue;
      }
      const report = JSON.parse(line.slice(REPORT_PREFIX.length)) as HostReport;
      for (const p of report.problems) summary.crashes.push(`${mode}: ${p}`);
      if (report.open !== 'ok') summary.crashes.push(`${mode}: the folder did not open: ${report.open}`);
      const treated = treatments(report, corpus, hashes, set);
      for (const entry of corpus.entries) {
        const row = rows.get(entry.name) ?? { name: entry.name, what: entry.what, treatment: { 'in-place': '', import: '' } };
        rows.set(entry.name, row);
        const unlisted = entry.folder ? 'a folder: walked into like any other' : isImageName(entry.name) ? 'DROPPED without a reason' : 'not an image name: not listed';
        row.treatment[mode] = treated.get(entry.name) ?? unlisted;
        if (row.treatment[mode].startsWith('DROPPED')) summary.dropped.push(`${mode}: ${JSON.stringify(entry.name)}`);
      }
      for (let i = 0; i < corpus.bulk.count; i++) {
        const name = `${corpus.bulk.folder}/empty-${String(i).padStart(5, '0')}.jpg`;
        const t = treated.get(name) ?? 'DROPPED without a reason';
        summary.bulk[mode][t] = (summary.bulk[mode][t] ?? 0) + 1;
        if (t.startsWith('DROPPED')) summary.dropped.push(`${mode}: ${name}`);
      }
      summary.counts[mode] = {
        open: report.open ?? 'no answer',
        listed: report.images.length,
        shown: report.images.filter((i) => i.thumb === 'ok' && i.preview === 'ok').length,
        edited: report.images.filter((i) => i.editedCaption).length,
        exported: typeof report.export === 'object' && report.export ? report.export.written : 0,
        skipped: report.skipped.length,
      };
      if (typeof report.export === 'string') summary.crashes.push(`${mode}: the export failed: ${report.export}`);
      const edited = new Set(report.images.flatMap((i) => (i.editedCaption ? [relative(base, join(report.datasetDir!, i.editedCaption)).split(sep).join('/')] : [])));
      summary.captionChanges.push(...changedCaptions(before, captionBytes(base), edited, mode));
      log(`${mode}: ${summary.counts[mode].listed} listed, ${summary.counts[mode].skipped} skipped, in ${summary.seconds[mode]} s`);
    } finally {
      if (!process.env.KEEP_TEST_DIRS) rmSync(base, { recursive: true, force: true });
    }
  }
  summary.table = [...rows.values()];
  return summary;
}

/** every caption (.txt) file under `dir`, links not followed, with a hash of its bytes; the exports' own are left out */
function captionBytes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (abs: string) => {
    for (const name of readdirSync(abs)) {
      const full = join(abs, name);
      const rel = relative(dir, full).split(sep).join('/');
      if (rel === 'export' || rel === 'app' || rel.endsWith('/.lora-tagger')) continue;
      const st = lstatSync(full);
      if (st.isDirectory()) walk(full);
      else if (st.isFile() && name.toLowerCase().endsWith('.txt')) out.set(rel, createHash('sha1').update(readFileSync(full)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

/** captions whose bytes changed, that went away, or that appeared outside the dataset, with no edit asking for it */
function changedCaptions(before: Map<string, string>, after: Map<string, string>, edited: ReadonlySet<string>, mode: OpenMode): string[] {
  const changes: string[] = [];
  for (const [rel, hash] of before) {
    if (edited.has(rel)) continue;
    const now = after.get(rel);
    if (now === undefined) changes.push(`${mode}: ${JSON.stringify(rel)} went away`);
    else if (now !== hash) changes.push(`${mode}: ${JSON.stringify(rel)} changed`);
  }
  // a caption the app made for an image that had none (an edit, an import's empty caption) lies in the dataset
  for (const rel of after.keys()) if (!before.has(rel) && !edited.has(rel) && !rel.startsWith('set/')) changes.push(`${mode}: ${JSON.stringify(rel)} was written outside the dataset`);
  return changes;
}

/** the corpus's files by the hash of their bytes (links followed): an import's copy names its original so */
function sourceHashes(set: string, corpus: Corpus): Map<string, string[]> {
  const byHash = new Map<string, string[]>();
  for (const { name } of corpus.entries) {
    let bytes: Buffer;
    try {
      // a named pipe would hold the read for ever
      if (!statSync(join(set, name)).isFile()) continue;
      bytes = readFileSync(join(set, name));
    } catch {
      continue;
    }
    if (bytes.length === 0) continue;
    const hash = createHash('sha1').update(bytes).digest('hex');
    byHash.set(hash, [...(byHash.get(hash) ?? []), name]);
  }
  return byHash;
}

/** each corpus file's treatment as one line, by its name in the corpus */
function treatments(report: HostReport, corpus: Corpus, hashes: Map<string, string[]>, set: string): Map<string, string> {
  const out = new Map<string, string>();
  const exportSkips = new Map(typeof report.export === 'object' && report.export ? report.export.skipped.map((s) => [s.id, s.reason]) : []);
  const exported = typeof report.export === 'object' && report.export !== null;
  const claimed = new Set<string>();
  for (const image of report.images) {
    // in place the listed name is the corpus name; an import's copy is traced back by its bytes
    const inPlace = report.datasetDir === set;
    const name = inPlace ? image.name : (hashes.get(image.sha1 ?? '') ?? []).find((n) => !claimed.has(n));
    if (!name) continue;
    claimed.add(name);
    out.set(name, describe(image, exported ? (exportSkips.has(image.id) ? `not exported: ${exportSkips.get(image.id)}` : 'exported') : 'export failed'));
  }
  for (const s of report.skipped) {
    out.set(s.name, `skipped: ${s.reason}`);
    // a folder that could not be read answers for the files in it
    for (const { name } of corpus.entries) if (name.startsWith(`${s.name}/`) && !out.has(name)) out.set(name, `skipped with its folder: ${s.reason}`);
  }
  return out;
}

function describe(image: ImageOutcome, exported: string): string {
  const shown = image.thumb === 'ok' && image.preview === 'ok' ? 'shown' : `not shown (${image.thumb === 'ok' ? image.preview : image.thumb})`;
  const edit = image.edit ? `; ${image.edit}` : '';
  return `listed ${image.size ?? '(size unknown)'}; ${shown}; caption ${image.caption}${edit}; ${exported}`;
}
