import { existsSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { isInsideFolder } from '../core/fs/inside-folder';
import { fileURLToPath } from 'node:url';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const mimeFor = (path: string): string | null => MIME[extname(path).toLowerCase()] ?? null;

/** The built renderer (`out/renderer`), found from the source tree or the bundle. */
export function rendererDir(): string {
  const override = process.env.LORA_TAGGER_RENDERER_DIR;
  if (override) return resolve(override);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'out', 'renderer');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    const sibling = join(dir, '..', 'renderer'); // out/main → out/renderer
    if (existsSync(join(sibling, 'index.html'))) return resolve(sibling);
    dir = dirname(dir);
  }
  throw new Error('The renderer is not built: run `npm run build` first');
}

/**
 * The file a URL path names inside `root`, or null for anything that would
 * climb out: by its text (`..`, `%2e%2e`), or through a symbolic link in the
 * folder that leads out of it. The serve transport and the desktop's app:
 * protocol both answer only such files.
 */
export async function staticFile(root: string, urlPath: string): Promise<string | null> {
  const file = staticPath(root, urlPath);
  if (file === null) return null;
  return (await isInsideFolder(file, root).catch(() => false)) ? file : null;
}

/** a URL path inside `root` by its text, or null for anything that would climb out */
function staticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = normalize(join(root, rel));
  return full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : null;
}
