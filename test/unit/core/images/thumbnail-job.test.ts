import { readdirSync } from 'node:fs';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImageService } from '../../../../src-main/core/images/image-service';
import type { EventPayload } from '../../../../src-shared/contract';
import { makeTempDir } from '../../../support/temp-dir';
import { filesUnder, openFolder } from './thumbnails.helpers';
import { testThreadPools } from '../../../support/test-thread-pools';

const pools = testThreadPools();

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

describe('the make-all-thumbnails job', () => {
  it('stops on cancel and leaves no temp file and no half-written thumbnail', async () => {
    const { workspace, events, session, cacheDir } = await openFolder(tmp.path, 80, { width: 1200, height: 900 });
    const images = new ImageService(cacheDir, pools);
    const stop = workspace.bus.subscribe((event, payload) => {
      const p = payload as EventPayload<'job.progress'>;
      if (event === 'job.progress' && p.kind === 'thumbnails' && p.done >= 2) workspace.jobs.cancel(p.jobId);
    });
    await expect(images.makeAllThumbnails(session, workspace.jobs)).rejects.toMatchObject({ code: 'cancelled' });
    stop();
    const finished = events.filter((e) => e.event === 'job.finished' && (e.payload as { kind: string }).kind === 'thumbnails');
    expect(finished.map((e) => (e.payload as { outcome: string }).outcome)).toEqual(['cancelled']);

    // the job's promise settles only when its renders have: what is there now is all there will be
    const files = filesUnder(images.root);
    expect(files.filter((f) => f.path.endsWith('.tmp'))).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(files.length).toBeLessThan(80);
    for (const f of files) {
      const { info } = await sharp(f.path).raw().toBuffer({ resolveWithObject: true });
      expect(Math.max(info.width, info.height)).toBe(256);
    }
    await images.idle();
    expect(filesUnder(images.root)).toEqual(files);
    await images.close();
    await workspace.shutdown();
  });

  it('is started by followWorkspace when a folder opens', async () => {
    const { workspace, session, cacheDir } = await openFolder(tmp.path, 6);
    const images = new ImageService(cacheDir, pools);
    const unfollow = images.followWorkspace(workspace);
    workspace.bus.emit('session.changed', { session: session.info() });
    // the running job is the one makeAllThumbnails hands back
    await expect(images.makeAllThumbnails(session, workspace.jobs)).resolves.toMatchObject({ total: 6, made: 6 });
    unfollow();
    await images.close();
    await workspace.shutdown();
  });

  it('keeps the list as it was while thumbnails stream in, and gives every image its thumbnail', async () => {
    const { workspace, events, session, cacheDir } = await openFolder(tmp.path, 60);
    const images = new ImageService(cacheDir, pools);
    await session.whenIdle(); // the header check has filled in sizes: from here the list must not move
    const before = (await session.list());
    const mark = events.length;
    let checks = 0;
    let done = false;
    const job = images.makeAllThumbnails(session, workspace.jobs).finally(() => (done = true));
    while (!done) {
      expect((await session.list())).toEqual(before);
      checks++;
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(await job).toMatchObject({ total: 60, made: 60, failed: 0 });
    expect(checks).toBeGreaterThan(1);
    expect((await session.list())).toEqual(before);
    expect(events.slice(mark).filter((e) => e.event === 'images.changed')).toEqual([]);
    for (const item of before) {
      expect(await images.serve(session, item.id, 'thumb')).toMatchObject({ ok: true, created: false });
    }
    await images.close();
    await workspace.shutdown();
  });

  it('serves a visible thumbnail asked for mid-job before most of the job is done', async () => {
    const { workspace, session, cacheDir } = await openFolder(tmp.path, 120, { width: 800, height: 600 });
    const images = new ImageService(cacheDir, pools, { concurrency: 2 });
    const last = (await session.list()).at(-1)!;
    const started = new Promise<void>((resolve) => {
      const stop = workspace.bus.subscribe((event, payload) => {
        const p = payload as EventPayload<'job.progress'>;
        if (event === 'job.progress' && p.kind === 'thumbnails' && p.done >= 1) {
          stop();
          resolve();
        }
      });
    });
    const job = images.makeAllThumbnails(session, workspace.jobs);
    await started;
    const visible = await images.serve(session, last.id, 'thumb');
    const madeBefore = countFiles(images.root);
    expect(visible).toMatchObject({ ok: true, created: true });
    // the job works in list order, so it would have reached the last image last
    expect(madeBefore).toBeLessThan(60);
    await job;
    await images.close();
    await workspace.shutdown();
  });
});

function countFiles(root: string): number {
  let n = 0;
  for (const kind of readdirSync(root)) {
    for (const shard of readdirSync(`${root}/${kind}`)) n += readdirSync(`${root}/${kind}/${shard}`).length;
  }
  return n;
}
