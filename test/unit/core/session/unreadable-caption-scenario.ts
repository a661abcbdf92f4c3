import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { runExportCommand } from '../../../../src-main/cli/export-command';
import { applyBatch } from '../../../../src-main/core/session/batch-edit';
import type { SkippedFile } from '../../../../src-shared/contract';
import { makeWorkspace } from '../../../support/open-workspace';

export interface ScenarioOutcome {
  opened: { names: string[]; skipped: SkippedFile[] };
  /** the edit of b.png, whose caption cannot be read */
  editB: { ok: true } | { ok: false; code: string | undefined; message: string };
  /** a.png's tags after an edit: the rest of the folder keeps working */
  tagsOfA: string[];
  /** a batch over every image: b.png's caption is refused with the reason, the rest change */
  batch: { changed: number; refused: { name: string; reason: string }[] } | { error: string };
  /** after c.png is dropped into the open folder and the list is brought in line */
  resynced: { names: string[]; skipped: SkippedFile[] };
  reopened: { names: string[]; skipped: SkippedFile[] };
  cli: { code: number; lines: string[] };
}

const listOf = async (workspace: ReturnType<typeof makeWorkspace>['workspace']) => {
  const session = workspace.requireSession();
  await session.whenIdle();
  return { names: (await session.list()).map((i) => i.name), skipped: session.info().skippedFiles };
};

/**
 * A folder of a.png (caption a.txt), b.png whose b.txt is there and cannot
 * be read (the caller made it so), opened in place: edited, resynced,
 * reopened, and exported with the CLI. Run in-process, or in a fixture
 * process where permissions bind.
 */
export async function unreadableCaptionScenario(dir: string, base: string): Promise<ScenarioOutcome> {
  const first = makeWorkspace(base);
  await first.workspace.open({ path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
  const opened = await listOf(first.workspace);
  const session = first.workspace.requireSession();
  const [a, b] = await session.list();

  let editB: ScenarioOutcome['editB'];
  try {
    await session.setTags(b!.id, ['blue'], session.detail(b!.id).caption.revision);
    editB = { ok: true };
  } catch (err) {
    editB = { ok: false, code: (err as { code?: string }).code, message: (err as Error).message };
  }
  const tagsOfA = (await session.setTags(a!.id, ['red', 'green'], session.detail(a!.id).caption.revision)).caption.tags;
  const batch = await applyBatch(session, { kind: 'all' }, { type: 'add', tags: ['batch'], position: 'end' }, first.workspace.jobs).then(
    ({ changed, refused }) => ({ changed, refused }),
    (err: Error) => ({ error: err.message }),
  );

  copyFileSync(join(dir, 'a.png'), join(dir, 'c.png'));
  for (let waited = 0; (await session.list()).length < 3 && waited < 20_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  const resynced = await listOf(first.workspace);
  await first.workspace.shutdown();

  const again = makeWorkspace(base);
  await again.workspace.open({ path: dir });
  const reopened = await listOf(again.workspace);
  await again.workspace.shutdown();

  const lines: string[] = [];
  const paths = { userDataDir: join(base, 'cli-data'), cacheDir: join(base, 'cli-cache'), version: 'test' };
  const command = { command: 'export', folder: dir, target: 'kohya', out: join(base, 'export'), trigger: null, maxSide: null, format: 'keep', keepMetadata: false } as const;
  const code = await runExportCommand(command, paths, (l) => lines.push(l), (l) => lines.push(l));
  return { opened, editB, tagsOfA, batch, resynced, reopened, cli: { code, lines } };
}
