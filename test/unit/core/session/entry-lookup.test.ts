import { describe, expect, it } from 'vitest';
import { EntryLookup } from '../../../../src-main/core/session/entry-lookup';
import type { ImageEntry } from '../../../../src-main/core/session/image-entry';
import { captionPathFor } from '../../../../src-main/core/scan/image-extensions';

/** an image as a session holds it; only its id and names matter to the lookup */
const entry = (id: number, relPath: string): ImageEntry =>
  ({ row: { id, relPath }, captionRel: captionPathFor(relPath), caption: { text: '' } }) as unknown as ImageEntry;

const names = ['a.png', 'A.jpg', 'b.png', '10_cat/c.png', '10_cat/c.webp', 'd.png', 'D.PNG', 'e.png'];
const entries = names.map((name, i) => entry(i + 1, name));

/** everything a session asks of a lookup */
function answers(lookup: EntryLookup) {
  return {
    ids: entries.map((e) => lookup.byId(e.row.id)?.row.relPath),
    captions: entries.map((e) => lookup.ofCaption(e.captionRel).map((found) => found.row.relPath)),
    clashes: lookup.stemClashes,
    peers: [...lookup.stemPeers],
  };
}

describe("a session's lookup of its images", () => {
  it('built a page at a time as a list arrives, answers as one built at once: ids, caption files, stems shared without case', async () => {
    const whole = await EntryLookup.build(entries);
    const paged = EntryLookup.start();
    for (const page of [entries.slice(0, 3), entries.slice(3, 5), entries.slice(5)]) for (const e of page) paged.add(e);
    expect(answers(await paged.finish())).toEqual(answers(whole));
    expect(whole.stemClashes).toEqual([
      ['a.png', 'A.jpg'],
      ['10_cat/c.png', '10_cat/c.webp'],
      ['d.png', 'D.PNG'],
    ]);
    expect(whole.ofCaption('a.txt').map((e) => e.row.relPath)).toEqual(['a.png']);
    expect(whole.byId(99)).toBeUndefined();
  });
});
