import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Workspace } from '../../../../src-main/core/app/workspace';
import { makeImages, writeBytes } from '../../../support/make-images';
import { makeWorkspace, type RecordedEvent } from '../../../support/open-workspace';

/**
 * A small generated dataset for the dataset-wide editing tests, with the
 * captions that must survive byte for byte: a UTF-8 BOM with CRLF, a
 * Windows-1252 file, an empty file, an image with no caption file at all.
 */
export const CAPTIONS: Record<string, Buffer | null> = {
  a: Buffer.from('1girl, solo, long hair, smile'),
  b: Buffer.from('solo, Long Hair, blue eyes'),
  c: Buffer.from('1girl, hat, hat, smile'),
  d: Buffer.from(''),
  e: null,
  f: Buffer.from('zebra, apple, mango, banana'),
  g: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('solo, red hair\r\n')]),
  h: Buffer.from([...Buffer.from('caf'), 0xe9, ...Buffer.from(', smile')]),
};

export const STEMS = Object.keys(CAPTIONS);

export interface OpenedDataset {
  dir: string;
  workspace: Workspace;
  events: RecordedEvent[];
  id(stem: string): number;
}

export async function openEditingDataset(base: string, captions = CAPTIONS): Promise<OpenedDataset> {
  const dir = join(base, 'set');
  const stems = Object.keys(captions);
  await makeImages(dir, stems.map((s) => `${s}.png`));
  for (const [stem, bytes] of Object.entries(captions)) if (bytes) writeBytes(join(dir, `${stem}.txt`), bytes);
  const { workspace, events } = makeWorkspace(base);
  await workspace.open({ path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
  const ids = new Map((await workspace.requireSession().list()).map((i) => [i.name.replace(/\.png$/, ''), i.id]));
  return { dir, workspace, events, id: (stem) => ids.get(stem)! };
}

export interface FileState {
  bytes: Buffer | null;
  mtimeMs: number;
}

/** every caption file as it is now: bytes (null: absent) and mtime */
export function captionFiles(dir: string): Map<string, FileState> {
  const out = new Map<string, FileState>();
  for (const name of readdirSync(dir)) if (name.endsWith('.txt')) out.set(name.slice(0, -4), { bytes: readFileSync(join(dir, name)), mtimeMs: statSync(join(dir, name)).mtimeMs });
  for (const stem of STEMS) if (!out.has(stem)) out.set(stem, { bytes: null, mtimeMs: 0 });
  return out;
}

export function captionBytes(dir: string, stem: string): Buffer | null {
  const path = join(dir, `${stem}.txt`);
  return existsSync(path) ? readFileSync(path) : null;
}

/**
 * The files `expected` names hold exactly those bytes; every other caption
 * file is byte-identical to `before` and was not rewritten (same mtime).
 */
export function expectFiles(dir: string, before: Map<string, FileState>, expected: Record<string, Buffer | string | null>): void {
  const now = captionFiles(dir);
  for (const [stem, was] of before) {
    const is = now.get(stem)!;
    if (stem in expected) {
      const want = expected[stem];
      expect(is.bytes, `${stem}.txt`).toEqual(want === null ? null : Buffer.isBuffer(want) ? want : Buffer.from(want!));
    } else {
      expect(is.bytes, `${stem}.txt untouched`).toEqual(was.bytes);
      expect(is.mtimeMs, `${stem}.txt not rewritten`).toBe(was.mtimeMs);
    }
  }
}

export const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
export const utf8Bom = (text: string, crlf = true) => Buffer.concat([BOM, Buffer.from(text + (crlf ? '\r\n' : ''))]);
/** Windows-1252 bytes for text whose only non-ASCII letter is é */
export const cp1252 = (text: string) => Buffer.from([...text].map((ch) => (ch === 'é' ? 0xe9 : ch.charCodeAt(0))));
