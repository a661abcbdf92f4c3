import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeImages } from '../../../support/make-images';
import { makeWorkspace } from '../../../support/open-workspace';

/** a folder of `count` small JPEGs, opened in place, with an ImageService-ready cache folder beside it */
export async function openFolder(base: string, count: number, size = { width: 320, height: 240 }) {
  const dir = join(base, 'set');
  const names = Array.from({ length: count }, (_, i) => `img_${String(i + 1).padStart(4, '0')}.jpg`);
  await makeImages(dir, names, size);
  const { workspace, events } = makeWorkspace(base);
  await workspace.open({ path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
  return { dir, workspace, events, session: workspace.requireSession(), cacheDir: join(base, 'cache') };
}

/** every file under `dir`, with its size and mtime */
export function filesUnder(dir: string): { path: string; size: number; mtimeMs: number }[] {
  const out: { path: string; size: number; mtimeMs: number }[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else out.push({ path: p, size: s.size, mtimeMs: s.mtimeMs });
    }
  };
  walk(dir);
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}
