// The app meeting the corpus, in a process of its own where file permissions
// bind (run-fixture's permissionsApply): the real api host opens the folder
// one way (import or in place), asks for every image's thumbnail and
// preview, edits some captions (one by one and as a batch), checks and
// exports to a folder; then prints what each step answered as one JSON line.
// An uncaught exception is left to kill it: the driver sees the crash.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApiHost } from '../../../src-main/api/create-api-host';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../src-shared/contract';
import { captionPathFor } from '../../../src-main/core/scan/image-extensions';
import { REPORT_PREFIX, type HostReport, type ImageOutcome } from './host-report';
import { printAndExit } from '../../support/print-and-exit';

const [folder, mode, appDir, exportDir, timeoutArg] = process.argv.slice(2) as [string, 'import' | 'in-place', string, string, string];
const timeoutMs = Number(timeoutArg);
const problems: string[] = [];
process.on('unhandledRejection', (reason) => problems.push(`unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`));

const api = createApiHost({ transport: 'serve', userDataDir: join(appDir, 'data'), cacheDir: join(appDir, 'cache'), servedFolder: null, version: 'torture' });

/** a call that must answer a Result within the time allowed; anything else is a problem the report names */
async function within<T>(what: string, work: Promise<T>): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
  try {
    const result = await Promise.race([work, late]);
    if (result === 'late') {
      problems.push(`${what}: no answer in ${timeoutMs} ms`);
      return null;
    }
    return result;
  } catch (err) {
    problems.push(`${what} threw: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  } finally {
    clearTimeout(timer);
  }
}

type Answer<K extends ChannelName> = { ok: true; value: ChannelOutput<K> } | { ok: false; error: { code: string; message: string } };
const call = <K extends ChannelName>(channel: K, payload: ChannelInput<K>) => within(channel, api.invoke(channel, payload) as Promise<Answer<K>>);
const idle = () => within('whenIdle', api.workspace.current()?.whenIdle() ?? Promise.resolve());
const said = (a: { ok: false; error: { code: string; message: string } }) => `${a.error.code}: ${a.error.message}`;

function sha1Of(path: string): string | null {
  try {
    return createHash('sha1').update(readFileSync(path)).digest('hex');
  } catch {
    return null;
  }
}

async function run(): Promise<HostReport> {
  const report: HostReport = { mode, open: null, datasetDir: null, skipped: [], images: [], export: null, check: [], problems };
  const opened = await call('session.open', { path: folder, setup: { mode, outputDir: 'output', prefix: 'img' } });
  if (!opened) return report;
  if (!opened.ok) {
    report.open = said(opened);
    return report;
  }
  report.open = 'ok';
  await idle();
  const info = await call('session.current', {});
  if (!info?.ok || !info.value) return report;
  const datasetDir = info.value.datasetDir;
  report.datasetDir = datasetDir;
  report.skipped = info.value.skippedFiles;

  const items: ChannelOutput<'images.list'>['items'] = [];
  for (let offset = 0; ; offset += 5_000) {
    const page = await call('images.list', { offset, limit: 5_000 });
    if (!page?.ok) break;
    items.push(...page.value.items);
    if (items.length >= page.value.total || page.value.items.length === 0) break;
  }

  const batch: number[] = [];
  for (const [index, item] of items.entries()) {
    const outcome: ImageOutcome = { id: item.id, name: item.name, sha1: sha1Of(join(datasetDir, item.name)), size: item.width === null ? null : `${item.width}×${item.height}`, thumb: '', preview: '', caption: '', edit: null };
    for (const kind of ['thumb', 'preview'] as const) {
      const served = await within(`image ${kind} of ${item.name}`, api.image(item.id, kind));
      outcome[kind] = !served ? 'no answer' : served.ok ? 'ok' : `${served.status}: ${served.message}`;
    }
    const detail = await call('image.get', { id: item.id });
    if (detail?.ok) {
      const c = detail.value.caption;
      outcome.caption = c.exists ? `${c.encoding}${c.bom ? '+bom' : ''} ${c.lineEnding}, ${c.text.length} chars` : 'none';
      if (/-edit\.[^.]+$/.test(item.name) || (!/-keep\.[^.]+$/.test(item.name) && index % 3 === 0)) {
        const edited = await call('caption.setTags', { id: item.id, tags: [...c.tags, 'bad_files_edit'], revision: c.revision });
        outcome.edit = !edited ? 'no answer' : edited.ok ? 'edited' : `refused: ${said(edited)}`;
        if (edited?.ok) outcome.editedCaption = captionPathFor(item.name);
      } else if (!/-keep\.[^.]+$/.test(item.name) && index % 3 === 1) batch.push(item.id);
    } else outcome.caption = detail ? said(detail) : 'no answer';
    report.images.push(outcome);
  }

  if (batch.length > 0) {
    const applied = await call('batch.apply', { target: { kind: 'selected', ids: batch }, op: { type: 'add', tags: ['bad_files_batch'], position: 'end' } });
    await idle();
    const refused = new Map(applied?.ok ? applied.value.refused.map((r) => [r.name, r.reason]) : []);
    const conflicts = new Set(applied?.ok ? applied.value.conflicts : []);
    for (const outcome of report.images.filter((o) => batch.includes(o.id))) {
      if (!applied) outcome.edit = 'batch: no answer';
      else if (!applied.ok) outcome.edit = `batch refused: ${said(applied)}`;
      else if (refused.has(outcome.name)) outcome.edit = `batch refused: ${refused.get(outcome.name)}`;
      else if (conflicts.has(outcome.name)) outcome.edit = 'batch: conflict';
      else {
        outcome.edit = 'batch edited';
        outcome.editedCaption = captionPathFor(outcome.name);
      }
    }
  }

  const options = { target: 'kohya', out: { kind: 'folder', path: exportDir }, kohya: { name: 'bad' } } as const;
  const check = await call('export.check', options);
  if (check?.ok) report.check = check.value.lines.map((l) => `${l.severity} ${l.kind}: ${l.message.split('\n')[0]} (${l.imageIds.length})`);
  const exported = await call('export.run', options);
  report.export = !exported ? 'no answer' : exported.ok ? { written: exported.value.written, skipped: exported.value.skipped, notes: exported.value.notes } : said(exported);
  await idle();
  return report;
}

const report = await run();
await within('shutdown', api.shutdown());
printAndExit(`${REPORT_PREFIX}${JSON.stringify(report)}`);
