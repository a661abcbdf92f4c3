import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeImages, writeBytes } from '../../../support/make-images';
import { makeWorkspace } from '../../../support/open-workspace';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** one caption file in each shape a user's earlier tools leave behind */
const captions: Record<string, Buffer> = {
  'plain.txt': Buffer.from('1girl, solo, long_hair, (masterpiece:1.2)'),
  'bom.txt': Buffer.concat([BOM, Buffer.from('café, naïve')]),
  'crlf.txt': Buffer.from('a, b, c\r\n'),
  'lf.txt': Buffer.from('Mixed Case, under_score\n'),
  'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('ドレス, 帽子', 'utf16le')]),
  'cp1252.txt': iconv.encode('résumé, “quoted”, 5€', 'win1252'),
  'emoji.txt': Buffer.from('😀 smile, 🌸'),
  'lines.txt': Buffer.from('tag one\ntag two\ntag three\n'),
  'empty.txt': Buffer.alloc(0),
};

async function makeCaptionedFolder(dir: string) {
  const stems = Object.keys(captions).map((n) => n.replace('.txt', ''));
  await makeImages(dir, [...stems.map((s) => `${s}.png`), 'uncaptioned.png', '10_sub/deep.jpg']);
  for (const [name, bytes] of Object.entries(captions)) writeBytes(join(dir, name), bytes);
  writeBytes(join(dir, '10_sub/deep.txt'), 'deep tag');
}

function snapshot(dir: string): Map<string, { bytes: Buffer; mtimeMs: number }> {
  const out = new Map<string, { bytes: Buffer; mtimeMs: number }>();
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      if (e.name === '.lora-tagger') continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out.set(r, { bytes: readFileSync(join(dir, r)), mtimeMs: statSync(join(dir, r)).mtimeMs });
    }
  };
  walk('');
  return out;
}

describe('opening and closing a captioned folder', () => {
  it('leaves every file byte-identical and unwritten, and reads each encoding right', async () => {
    const dir = join(tmp.path, 'set');
    await makeCaptionedFolder(dir);
    const before = snapshot(dir);
    const { workspace } = makeWorkspace(tmp.path);

    await workspace.open({ path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
    const session = workspace.requireSession();
    await session.whenIdle();
    const byName = new Map((await session.list()).map((i) => [i.name, session.detail(i.id)]));
    expect(byName.get('plain.png')!.caption.tags).toEqual(['1girl', 'solo', 'long_hair', '(masterpiece:1.2)']);
    expect(byName.get('bom.png')!.caption).toMatchObject({ text: 'café, naïve', bom: true, encoding: 'utf8' });
    expect(byName.get('crlf.png')!.caption).toMatchObject({ tags: ['a', 'b', 'c'], lineEnding: 'crlf' });
    expect(byName.get('utf16.png')!.caption).toMatchObject({ tags: ['ドレス', '帽子'], encoding: 'utf16le', bom: true });
    expect(byName.get('cp1252.png')!.caption).toMatchObject({ tags: ['résumé', '“quoted”', '5€'], encoding: 'windows1252' });
    expect(byName.get('emoji.png')!.caption.tags).toEqual(['😀 smile', '🌸']);
    expect(byName.get('lines.png')!.caption.tags).toEqual(['tag one', 'tag two', 'tag three']);
    expect(byName.get('uncaptioned.png')!.caption).toMatchObject({ exists: false, text: '' });
    expect(byName.get('10_sub/deep.jpg')!.caption.tags).toEqual(['deep tag']);
    await workspace.close();

    // reopen from the index, then close again: still nothing written
    await workspace.open({ path: dir });
    expect((await workspace.requireSession().list())).toHaveLength(byName.size);
    await workspace.shutdown();
    expect(snapshot(dir)).toEqual(before);
  });

  it('keeps BOM, encoding and line ending when a caption is edited', async () => {
    const dir = join(tmp.path, 'set');
    await makeCaptionedFolder(dir);
    const { workspace } = makeWorkspace(tmp.path);
    await workspace.open({ path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
    const session = workspace.requireSession();
    const id = async (name: string) => (await session.list()).find((i) => i.name === name)!.id;
    const add = async (name: string, tag: string) => {
      const d = session.detail(await id(name));
      await session.setTags(d.id, [...d.caption.tags, tag], d.caption.revision);
    };

    await add('bom.png', 'new');
    await add('crlf.png', 'd');
    await add('utf16.png', '靴');
    await add('cp1252.png', 'über');
    await add('uncaptioned.png', 'first tag');

    expect(readFileSync(join(dir, 'bom.txt'))).toEqual(Buffer.concat([BOM, Buffer.from('café, naïve, new')]));
    expect(readFileSync(join(dir, 'crlf.txt'))).toEqual(Buffer.from('a, b, c, d\r\n'));
    expect(readFileSync(join(dir, 'utf16.txt'))).toEqual(
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('ドレス, 帽子, 靴', 'utf16le')]),
    );
    expect(readFileSync(join(dir, 'cp1252.txt'))).toEqual(iconv.encode('résumé, “quoted”, 5€, über', 'win1252'));
    expect(readFileSync(join(dir, 'uncaptioned.txt'), 'utf8')).toBe('first tag');
    // untouched neighbours stay untouched
    expect(readFileSync(join(dir, 'plain.txt'))).toEqual(captions['plain.txt']);
    await workspace.shutdown();
  });
});
