// Kill -9 during single caption edits: a host process edits captions as fast
// as the driver's edits are acknowledged, and dies by SIGKILL at a random
// moment. Then the files must hold every acknowledged edit; the edit in
// flight is there whole or not at all; no caption is torn or empty; no temp
// file is left in the dataset; and the next open shows what is on disk.
import { type ChildProcess, fork } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { TEMP_NAME_PATTERN } from '../../../src-main/core/fs/temp-name';
import { makeImages, writeBytes } from '../../support/make-images';
import { makeTempDir } from '../../support/temp-dir';
import { judgeEdit } from './checks';
import type { EditReply, HostReady } from './edit-protocol';

export interface KillNineReport {
  trials: number;
  acknowledged: number;
  /** acknowledged edits missing from disk */
  losses: number;
  /** captions neither a version the driver wrote or acknowledged, or empty */
  tears: number;
  /**
   * files left in the dataset that the next open did not clear: anything not
   * an image, a caption or the app's folder right after the kill, and the
   * atomic writer's dot-prefixed temps still there after an open that found
   * them stale (an open spares temps younger than a minute: another
   * instance may be writing them)
   */
  leftovers: number;
  /** atomic-write temps right after a kill: expected, and cleared by the next open once stale */
  tempsAfterKill: number;
  /** reopenings that failed or showed other text than the files hold */
  badReopens: number;
  problems: string[];
}

const IMAGES = 12;
const HOST = join(import.meta.dirname, 'edit-host.ts');
const original = (i: number) => `original caption ${i}, red hair, smile`;
// long enough that a torn write shows: the end marker is checked
const edited = (trial: number, n: number) => `edit ${trial}.${n}, ${'long tag, '.repeat(40 + (n % 50))}end ${trial}.${n}`;

/** names in the dataset other than its images, captions, tag list and the app's folder */
const strays = (dataset: string) => readdirSync(dataset).filter((f) => !/^img_\d{3}\.(png|txt)$/.test(f) && f !== '.lora-tagger' && f !== 'tags.txt');

async function makeTemplate(dir: string): Promise<void> {
  const names = Array.from({ length: IMAGES }, (_, i) => `img_${String(i).padStart(3, '0')}.png`);
  await makeImages(dir, names);
  names.forEach((name, i) => writeBytes(join(dir, name.replace('.png', '.txt')), original(i)));
}

function startHost(dataset: string, appDir: string): { child: ChildProcess; ready: Promise<HostReady> } {
  const child = fork(HOST, [dataset, appDir], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
  const ready = new Promise<HostReady>((resolve, reject) => {
    child.once('message', (m) => resolve(m as HostReady));
    child.once('exit', (code, sig) => reject(new Error(`the host ended before it was ready (${code ?? sig}): ${err}`)));
  });
  return { child, ready };
}

async function oneTrial(trial: number, template: string, base: string, random: () => number, report: KillNineReport): Promise<void> {
  const dataset = join(base, `set-${trial}`);
  const appDir = join(base, `app-${trial}`);
  cpSync(template, dataset, { recursive: true });
  const { child, ready } = startHost(dataset, appDir);
  const { captions } = await ready;
  const names = new Map(captions.map((c) => [c.id, c.name.replace(/\.png$/, '.txt')]));
  const acked = new Map<number, string>(captions.map((c) => [c.id, c.text]));
  let inFlight: { id: number; text: string } | null = null;
  let seq = 0;
  const dead = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ids = captions.map((c) => c.id);

  const sendNext = () => {
    const id = ids[Math.floor(random() * ids.length)]!;
    inFlight = { id, text: edited(trial, seq) };
    child.send({ seq: seq++, id, text: inFlight.text });
  };
  child.on('message', (m) => {
    const reply = m as EditReply;
    if (!reply.ok) report.problems.push(`trial ${trial}: an edit was refused: ${reply.message}`);
    else if (inFlight) {
      acked.set(inFlight.id, inFlight.text);
      report.acknowledged++;
    }
    inFlight = null;
    if (child.connected) sendNext();
  });
  sendNext();
  setTimeout(() => child.kill('SIGKILL'), 20 + random() * 600);
  await dead;
  const flying = inFlight as { id: number; text: string } | null;

  for (const [id, name] of names) {
    const onDisk = readFileSync(join(dataset, name), 'utf8');
    const want = acked.get(id)!;
    const opened = captions.find((c) => c.id === id)!.text;
    const verdict = judgeEdit({
      onDisk,
      acknowledged: want,
      inFlight: flying && flying.id === id ? flying.text : null,
      // its caption at open, or an earlier edit of this trial
      versions: (text) => text === opened || (text.startsWith('edit ') && text === edited(trial, Number(text.slice(5, text.indexOf(',')).split('.')[1]))),
    });
    if (verdict === 'tear') {
      report.tears++;
      report.problems.push(`trial ${trial}: ${name} torn or empty (${onDisk.length} chars: ${JSON.stringify(onDisk.slice(0, 60))})`);
    } else if (verdict === 'loss') {
      report.losses++;
      report.problems.push(`trial ${trial}: ${name} lost an acknowledged edit (disk ${JSON.stringify(onDisk.slice(0, 30))}, acknowledged ${JSON.stringify(want.slice(0, 30))})`);
    }
  }
  const stray = strays(dataset);
  const temps = stray.filter((f) => TEMP_NAME_PATTERN.test(f));
  report.tempsAfterKill += temps.length;
  for (const f of stray.filter((f) => !TEMP_NAME_PATTERN.test(f))) {
    report.leftovers++;
    report.problems.push(`trial ${trial}: left in the dataset: ${f}`);
  }
  // as if the next open came minutes later
  const past = new Date(Date.now() - 10 * 60_000);
  for (const f of temps) utimesSync(join(dataset, f), past, past);

  // the next open succeeds and shows what the files hold
  try {
    const again = startHost(dataset, appDir);
    const reopened = await again.ready;
    again.child.kill('SIGKILL');
    for (const c of reopened.captions) {
      if (c.text !== readFileSync(join(dataset, names.get(c.id) ?? c.name.replace(/\.png$/, '.txt')), 'utf8')) {
        report.badReopens++;
        report.problems.push(`trial ${trial}: reopened, ${c.name} shows other text than its file`);
      }
    }
    for (const f of strays(dataset).filter((f) => TEMP_NAME_PATTERN.test(f))) {
      report.leftovers++;
      report.problems.push(`trial ${trial}: a stale temp outlived the next open: ${f}`);
    }
  } catch (err) {
    report.badReopens++;
    report.problems.push(`trial ${trial}: the next open failed: ${(err as Error).message}`);
  }
  rmSync(dataset, { recursive: true, force: true });
  rmSync(appDir, { recursive: true, force: true });
}

/** Runs `trials` kill -9 trials during single caption edits; `seed` makes the kill moments and edits repeatable. */
export async function runKillNineEdits(trials: number, seed: number, log?: (line: string) => void): Promise<KillNineReport> {
  const report: KillNineReport = { trials, acknowledged: 0, losses: 0, tears: 0, leftovers: 0, tempsAfterKill: 0, badReopens: 0, problems: [] };
  const tmp = makeTempDir('lora-tagger-kill-nine-');
  let state = seed >>> 0 || 1;
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  try {
    const template = join(tmp.path, 'template');
    await makeTemplate(template);
    for (let t = 0; t < trials; t++) {
      await oneTrial(t, template, tmp.path, random, report);
      if (log && (t + 1) % 20 === 0) log(`  ${t + 1} trials, ${report.acknowledged} edits acknowledged, ${report.problems.length} problems`);
    }
  } finally {
    tmp.cleanup();
  }
  return report;
}
