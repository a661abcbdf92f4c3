// Reading a trial's folders as the checks want them: captions by name,
// files and zip entries by hash.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, utimesSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import sharp from 'sharp';
import yauzl from 'yauzl';
import { isTemp } from './checks';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** the captions of a dataset folder (its `.txt` files but tags.txt), by name */
export function readCaptions(dir: string): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.txt') && name !== 'tags.txt' && !isTemp(name)) out.set(name, readFileSync(join(dir, name), 'utf8'));
  }
  return out;
}

/** every file under `dir` ('/'-separated) whose path `keep` accepts, by hash */
export function hashFiles(dir: string, keep: (rel: string) => boolean = () => true): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (keep(rel)) out.set(rel, sha(readFileSync(join(dir, rel))));
  }
  return out;
}

/** every entry of a zip by hash; a zip yauzl cannot read whole is a tear, said in the error */
export function hashZip(path: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const out = new Map<string, string>();
      zip.on('error', reject);
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const hash = createHash('sha256');
          stream.on('data', (c: Buffer) => hash.update(c));
          stream.on('error', reject);
          stream.on('end', () => {
            out.set(entry.fileName, hash.digest('hex'));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** Temps under `dir` made ten minutes old, as if the next open came minutes after the kill (an open spares fresh ones). */
export function ageTemps(dir: string): void {
  if (!existsSync(dir)) return;
  const past = new Date(Date.now() - 10 * 60_000);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (isTemp(entry.name) || entry.name.includes('.partial-')) utimesSync(join(entry.parentPath, entry.name), past, past);
  }
}

export const names = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir) : []);

/** whether an image file decodes whole: sharp refuses a truncated one (read as bytes: by path, sharp may answer from its cache) */
export const decodes = (path: string): Promise<boolean> =>
  sharp(readFileSync(path), { failOn: 'truncated' })
    .raw()
    .toBuffer()
    .then(() => true, () => false);
