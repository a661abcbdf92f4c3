import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost } from '../../src-main/api/create-api-host';
import type { ChannelInput, ChannelName } from '../../src-shared/contract';
import { makeImages, writeBytes } from '../support/make-images';
import { callApi } from '../support/api-call';
import { makeTempDir } from '../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let api: ReturnType<typeof createApiHost>;
let dir: string;

const call = <K extends ChannelName>(channel: K, payload: ChannelInput<K>) => callApi(api, channel, payload);

const SJIS = iconv.encode('猫耳, 少女\r\n', 'shiftjis');
// Shift-JIS with one byte pair no Shift-JIS table maps back the same way (NEC's 0xED40 row): not
// read as Shift-JIS, since an edit could not give those bytes back, so it shows as 1252 mojibake
const SJIS_INEXACT = Buffer.concat([iconv.encode('猫耳, 少女, ', 'shiftjis'), Buffer.from([0xed, 0x40])]);
const captions: Record<string, Buffer> = {
  sjis: SJIS,
  inexact: SJIS_INEXACT,
  cafe: iconv.encode('naïve, café', 'windows1252'),
  nul: Buffer.from('1girl\0\0\0, solo'),
  plain: Buffer.from('1girl, solo'),
};

async function openSet() {
  dir = join(tmp.path, 'set');
  await makeImages(dir, Object.keys(captions).map((s) => `${s}.png`), { width: 512, height: 512 });
  for (const [stem, bytes] of Object.entries(captions)) writeBytes(join(dir, `${stem}.txt`), bytes);
  api = createApiHost({ transport: 'serve', userDataDir: join(tmp.path, 'app-data'), cacheDir: join(tmp.path, 'cache'), servedFolder: tmp.path, version: 'test' });
  await call('session.open', { path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
  const items = (await call('images.list', { offset: 0, limit: 100 })).items;
  return (stem: string) => items.find((i) => i.name === `${stem}.png`)!.id;
}

const bytesOf = (stem: string) => readFileSync(join(dir, `${stem}.txt`));

beforeEach(() => (tmp = makeTempDir()));
afterEach(async () => {
  await api.shutdown();
  tmp.cleanup();
});

describe('captions in legacy encodings', () => {
  it('shows a Shift-JIS caption as its text, rewrites no file it was not asked to, and writes an edit back in Shift-JIS', async () => {
    const id = await openSet();
    const sjis = await call('image.get', { id: id('sjis') });
    expect(sjis.caption).toMatchObject({ text: '猫耳, 少女', tags: ['猫耳', '少女'], encoding: 'shiftjis', lineEnding: 'crlf' });
    expect((await call('image.get', { id: id('cafe') })).caption).toMatchObject({ text: 'naïve, café', encoding: 'windows1252' });
    // opening reads, never writes
    for (const [stem, bytes] of Object.entries(captions)) expect(bytesOf(stem).equals(bytes)).toBe(true);

    await call('caption.setTags', { id: id('sjis'), tags: ['猫耳', '少女', '青い目'], revision: sjis.caption.revision });
    expect(bytesOf('sjis').equals(iconv.encode('猫耳, 少女, 青い目\r\n', 'shiftjis'))).toBe(true);
  });

  it('refuses an edit Shift-JIS cannot hold, naming the file and the character, and leaves the file as it was', async () => {
    const id = await openSet();
    const sjis = await call('image.get', { id: id('sjis') });
    const result = await api.invoke('caption.setTags', { id: id('sjis'), tags: ['猫耳', '少女', '😀'], revision: sjis.caption.revision });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!result.ok && result.error.message).toMatch(/^sjis\.txt is written in Shift-JIS, which has no “😀”, so the edit was not saved/);
    expect(bytesOf('sjis').equals(SJIS)).toBe(true);
  });

  it('a batch edit lists the caption that cannot hold it, with the reason, and changes the rest', async () => {
    const id = await openSet();
    const result = await call('batch.apply', {
      target: { kind: 'selected', ids: [id('sjis'), id('plain')] },
      op: { type: 'add', tags: ['😀'], position: 'end' },
    });
    expect(result).toMatchObject({ changed: 1, conflicts: [], refused: [{ name: 'sjis.png', reason: expect.stringMatching(/sjis\.txt is written in Shift-JIS/) }] });
    expect(bytesOf('sjis').equals(SJIS)).toBe(true);
    expect(bytesOf('plain').toString('utf8')).toBe('1girl, solo, 😀');
  });

  it('the export check warns about guessed encodings, garbled captions and NUL characters; the export writes the Shift-JIS caption as UTF-8', async () => {
    const id = await openSet();
    const out = join(tmp.path, 'out');
    const options = { target: 'kohya', out: { kind: 'folder', path: out }, kohya: { name: 'cat' } } as const;
    const report = await call('export.check', options);
    const byKind = (kind: string) => report.lines.filter((l) => l.kind === kind).map((l) => [l.severity, l.imageIds, l.message]);
    expect(byKind('caption-encoding')).toEqual([
      ['warning', [id('sjis')], expect.stringMatching(/^1 caption read as Shift-JIS, a guess .*check that it reads right/)],
      ['warning', [id('inexact')], expect.stringMatching(/^1 caption looks like Shift-JIS text with bytes that do not fit it, and was read as Windows-1252/)],
    ]);
    expect(byKind('nul-in-caption')).toEqual([['warning', [id('nul')], expect.stringMatching(/NUL characters/)]]);

    await call('export.run', options);
    const written = readdirSync(out, { recursive: true }).map(String).find((p) => p.endsWith('sjis.txt'))!;
    expect(readFileSync(join(out, written), 'utf8')).toBe('猫耳, 少女');
  });
});
