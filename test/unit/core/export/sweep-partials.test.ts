import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimPartialPath, releasePartialPath, sweepPartials } from '../../../../src-main/core/export/sweep-partials';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

/** the id of a process that has ended */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

const hex = 'a1b2c3d4e5f6';
const listing = () => readdirSync(tmp.path).sort();

describe('sweepPartials', () => {
  it("removes a dead export's partial zip and staging folder, and nothing else", async () => {
    const out = join(tmp.path, 'out.zip');
    const dead = deadPid();
    writeFileSync(`${out}.partial-${dead}-${hex}`, 'half a zip');
    mkdirSync(`${out}.partial-${dead}-${hex}-files/sub`, { recursive: true });
    const notOurs = [
      'out.zip.partial-notes',
      `out.zip.partial-${dead}-abc`, // not our 12 hex
      `out.zip.partial-${dead}-${hex}.bak`,
      `other.zip.partial-${dead}-${hex}`, // another output name
      'out.zip',
    ];
    for (const name of notOurs) writeFileSync(join(tmp.path, name), 'keep');
    mkdirSync(join(tmp.path, 'elsewhere'));
    symlinkSync(join(tmp.path, 'elsewhere'), `${out}.partial-${dead}-${'0'.repeat(12)}-files`); // a link is never ours

    expect((await sweepPartials(out)).sort()).toEqual([`out.zip.partial-${dead}-${hex}`, `out.zip.partial-${dead}-${hex}-files`]);
    expect(listing()).toEqual([...notOurs, 'elsewhere', `out.zip.partial-${dead}-${'0'.repeat(12)}-files`].sort());
  });

  it('keeps the partial of an export running in this process until it is released', async () => {
    const out = join(tmp.path, 'out');
    const partial = claimPartialPath(out);
    mkdirSync(partial);
    expect(await sweepPartials(out)).toEqual([]);
    expect(listing()).toHaveLength(1);
    releasePartialPath(partial);
    expect(await sweepPartials(out)).toHaveLength(1);
    expect(listing()).toEqual([]);
  });

  it('keeps the partial of a process still alive, unless it was written before the machine booted', async () => {
    const out = join(tmp.path, 'out');
    const alive = process.ppid;
    const partial = `${out}.partial-${alive}-${hex}`;
    mkdirSync(partial);
    expect(await sweepPartials(out)).toEqual([]);
    expect(listing()).toEqual([`out.partial-${alive}-${hex}`]);
    // process ids start over at boot: the pid now names some other process
    utimesSync(partial, new Date(1000), new Date(1000));
    expect(await sweepPartials(out)).toEqual([`out.partial-${alive}-${hex}`]);
  });

  it('answers an empty list for a folder it cannot read, without failing', async () => {
    expect(await sweepPartials(join(tmp.path, 'missing', 'out.zip'))).toEqual([]);
  });
});
