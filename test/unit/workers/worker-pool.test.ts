import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workerEntry } from '../../../src-main/workers/worker-pool';
import { makeTempDir } from '../../support/temp-dir';

describe('workerEntry in the packaged app', () => {
  let dir: { path: string; cleanup: () => void };
  let main: string;
  beforeEach(() => {
    dir = makeTempDir();
    // the layout inside the archive: resources/app.asar/out/main/{workers,chunks}
    main = join(dir.path, 'resources', 'app.asar', 'out', 'main');
    mkdirSync(join(main, 'workers'), { recursive: true });
    mkdirSync(join(main, 'chunks'));
    writeFileSync(join(main, 'workers', 'probe-worker.js'), 'export default () => 1;');
  });
  afterEach(() => dir.cleanup());

  it('starts the bundled entry where it is, inside app.asar, not from an unpacked copy outside the integrity check', () => {
    const expected = { filename: join(main, 'workers', 'probe-worker.js'), execArgv: [] };
    expect(workerEntry('probe-worker', main)).toEqual(expected);
    // the pool's code may sit in a shared chunk one folder down
    expect(workerEntry('probe-worker', join(main, 'chunks'))).toEqual(expected);
  });
});
