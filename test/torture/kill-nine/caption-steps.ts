// What the three scenarios over many captions share (a batch edit, its undo,
// an auto-tag apply): a generated dataset opened in place, each caption
// before or after whole, the reopened app showing the files, and an undo
// after the reopen that brings every caption back.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callApi } from '../../support/api-call';
import { makeImages, writeBytes } from '../../support/make-images';
import { checkAllAre, checkBeforeOrAfter, checkStrays, type Captions } from './checks';
import { trialPaths, type CheckContext, type ScenarioApi, type TrialFacts } from './scenario';
import type { Tally } from './tally';
import { names, readCaptions } from './trial-files';

export const imageName = (i: number) => `img_${String(i).padStart(4, '0')}.png`;

export async function makeCaptionedSet(dir: string, size: number): Promise<void> {
  const set = trialPaths(dir).set;
  const images = Array.from({ length: size }, (_, i) => imageName(i));
  // a few at a time: thousands of sharp encodes at once take the machine
  for (let i = 0; i < images.length; i += 200) await makeImages(set, images.slice(i, i + 200), { width: 16, height: 12 });
  images.forEach((name, i) => writeBytes(join(set, name.replace('.png', '.txt')), `caption ${i}, red hair, smile`));
}

export async function openInPlace(api: ScenarioApi, dir: string): Promise<void> {
  await callApi(api, 'session.open', { path: trialPaths(dir).set, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
}

/** Every image's caption as the app shows it against its file; each difference is a problem. */
export async function compareViewWithFiles(api: ScenarioApi, dir: string, when: string, problems: string[]): Promise<void> {
  const set = trialPaths(dir).set;
  const items = (await callApi(api, 'images.list', { offset: 0, limit: 5000 })).items;
  let differ = 0;
  for (const item of items) {
    const shown = (await callApi(api, 'image.get', { id: item.id })).caption.text;
    const file = join(set, item.name.replace(/\.png$/, '.txt'));
    const onDisk = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (shown !== onDisk && differ++ < 3) problems.push(`${when}: ${item.name} shows ${JSON.stringify(shown.slice(0, 40))}, its file holds ${JSON.stringify(onDisk.slice(0, 40))}`);
  }
  if (differ > 3) problems.push(`${when}: ${differ} images in all show other text than their files`);
}

/**
 * The reopen of a step over captions: the app shows the files; then the
 * history is used as a person would, with one undo (a step cut short undoes
 * what it wrote; an undo cut short finishes), whose answer goes to the notes;
 * then the app shows the files again.
 */
export async function reopenAndUndo(api: ScenarioApi, dir: string, problems: string[], notes: string[]): Promise<void> {
  await openInPlace(api, dir);
  await api.workspace.current()?.whenIdle();
  await compareViewWithFiles(api, dir, 'reopened', problems);
  const history = await callApi(api, 'history.state', {});
  if (!history.canUndo) notes.push('nothing to undo');
  else {
    const undone = await api.invoke('history.undo', {});
    if (undone.ok) notes.push(`undo ok: ${history.undoLabel}`);
    else notes.push(`undo refused: ${undone.error.code}: ${undone.error.message}`);
    if (undone.ok && (undone.value as { conflicts: string[] }).conflicts.length > 0) {
      problems.push(`the undo after the reopen met conflicts: ${(undone.value as { conflicts: string[] }).conflicts.slice(0, 3).join(', ')}`);
    }
  }
  await compareViewWithFiles(api, dir, 'after the undo', problems);
}

export async function captionFacts(template: string, reference: string): Promise<TrialFacts> {
  return { before: [...readCaptions(trialPaths(template).set)], after: [...readCaptions(trialPaths(reference).set)] };
}

const captionsOf = (facts: TrialFacts, key: 'before' | 'after'): Captions => new Map(facts[key] as [string, string | null][]);
const datasetName = (name: string) => /^img_\d{4}\.(png|txt)$/.test(name) || name === 'tags.txt' || name === '.lora-tagger';

/**
 * Right after the kill: each caption before or after, whole; no stray names.
 * After the reopen and its undo: every caption is `settled` (the step's
 * before for a batch or an apply, its after for an undo), unless the undo
 * was refused, when before or after will still do.
 */
export async function checkCaptionStep(ctx: CheckContext, settled: 'before' | 'after', t: Tally): Promise<void> {
  const set = trialPaths(ctx.dir).set;
  const disk = readCaptions(set);
  const [before, after] = [captionsOf(ctx.facts, 'before'), captionsOf(ctx.facts, 'after')];
  checkStrays(ctx.trial, 'the dataset', names(set), datasetName, ctx.phase, t);
  if (ctx.phase === 'killed') return checkBeforeOrAfter(ctx.trial, disk, before, after, ctx.acknowledged, t);
  if (ctx.notes.some((n) => n.startsWith('undo refused'))) return checkBeforeOrAfter(ctx.trial, disk, before, after, false, t);
  checkAllAre(ctx.trial, 'after the reopen and an undo', disk, settled === 'before' ? before : after, [before, after], t);
}
