import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolderSync } from '../../../../src-main/core/store/folder-sync';
import { IndexDatabase } from '../../../../src-main/core/store/index-database';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

describe('the ids a folder sync gives new images', () => {
  it('follow the list’s natural order, where names with unpadded numbers sort otherwise by code unit', async () => {
    const dir = tmp.path;
    mkdirSync(join(dir, '.lora-tagger'));
    // by code unit: 1, 10, 11, 12, 2, …; by the list's order: 1, 2, … 12
    for (let i = 1; i <= 12; i++) {
      writeFileSync(join(dir, `${i}.png`), '');
      writeFileSync(join(dir, `${i}.txt`), `tag ${i}`);
    }
    const db = IndexDatabase.open(join(dir, '.lora-tagger', 'session.sqlite'));
    await new FolderSync(db).syncFolder(dir, { recursive: false, reorder: false });
    // images added later take the next ids, and their places among the others
    writeFileSync(join(dir, '5b.png'), '');
    writeFileSync(join(dir, '0.png'), '');
    await new FolderSync(db).syncFolder(dir, { recursive: false, reorder: false });

    const rows = db.allImages();
    expect(rows.map((r) => r.relPath)).toEqual(['0.png', ...Array.from({ length: 5 }, (_, i) => `${i + 1}.png`), '5b.png', ...Array.from({ length: 7 }, (_, i) => `${i + 6}.png`)]);
    const first = rows.filter((r) => !['0.png', '5b.png'].includes(r.relPath)).map((r) => r.id);
    expect(first).toEqual([...first].sort((a, b) => a - b));
    expect(first.at(-1)! - first[0]!).toBe(11);
    // the two added later: after every id of the first sync, in their list order
    const later = rows.filter((r) => ['0.png', '5b.png'].includes(r.relPath)).map((r) => r.id);
    expect(later[0]).toBeGreaterThan(first.at(-1)!);
    expect(later[1]).toBe(later[0]! + 1);
    db.close();
  });
});
