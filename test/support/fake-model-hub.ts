import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for huggingface.co, answering the way the hub does:
 * `/<owner>/<name>/resolve/main/<file>` redirects an LFS file (model.onnx) with
 * 302 to a CDN path, with its SHA-256 in X-Linked-Etag and its size in
 * X-Linked-Size; a small git file (the CSV) is served directly with a git blob
 * id as its ETag. The CDN path honours Range (206 + Content-Range). A missing
 * repository is 401 RepoNotFound, a missing file 404 EntryNotFound, a gated
 * one 403 GatedRepo. Tests can cut a body halfway (the socket is destroyed),
 * change a file (a new ETag) or make the hub announce a wrong SHA-256.
 */
interface HubRequestLog {
  method: string;
  path: string;
  range: string | null;
}

const LFS_FILES = new Set(['model.onnx']);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const gitBlobId = (bytes: Buffer) => createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

export interface FakeModelHub {
  endpoint: string;
  requests: HubRequestLog[];
  /** put (or replace: a new ETag) a file of a repository */
  setFile(repo: string, file: string, bytes: Buffer): void;
  /** the next CDN body of this file stops after `bytes` bytes, the connection dropped */
  cutNextBodyAt(file: string, bytes: number): void;
  /** the hub announces this SHA-256 instead of the file's own */
  announceSha(file: string, sha: string | null): void;
  /** the hub announces this size for the file (a model too big for the disk) */
  announceSize(file: string, size: number | null): void;
  gate(repo: string): void;
  /** the CDN answers every request with the whole file (200), as a server without Range support does */
  ignoreRanges(ignore: boolean): void;
  /** the CDN sends bodies this slowly (bytes per 10 ms), so a cancel can land mid-body */
  throttle(bytesPer10ms: number | null): void;
  close(): Promise<void>;
}

export async function startFakeModelHub(): Promise<FakeModelHub> {
  const repos = new Map<string, Map<string, Buffer>>();
  const gated = new Set<string>();
  const cuts = new Map<string, number>();
  const shaOverride = new Map<string, string | null>();
  const sizeOverride = new Map<string, number | null>();
  const requests: HubRequestLog[] = [];
  let throttle: number | null = null;
  let noRanges = false;

  const cdn = new Map<string, { file: string; bytes: Buffer }>();

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://hub');
    requests.push({ method: req.method ?? '', path: url.pathname, range: req.headers.range ?? null });
    const resolved = /^\/([^/]+\/[^/]+)\/resolve\/main\/([^/]+)$/.exec(url.pathname);
    if (resolved) return resolve(decodeURIComponent(resolved[1]!), decodeURIComponent(resolved[2]!), req, res);
    const blob = /^\/cdn\/([0-9a-f]{64})$/.exec(url.pathname);
    const entry = blob ? cdn.get(blob[1]!) : undefined;
    if (!entry) return void res.writeHead(404).end('NoSuchKey');
    return serveBytes(entry.file, entry.bytes, `"cdn-${blob![1]!.slice(0, 16)}"`, req, res);
  };

  const resolve = (repo: string, file: string, req: IncomingMessage, res: ServerResponse) => {
    if (gated.has(repo)) return void res.writeHead(403, { 'X-Error-Code': 'GatedRepo' }).end('gated');
    const files = repos.get(repo);
    if (!files) return void res.writeHead(401, { 'X-Error-Code': 'RepoNotFound' }).end('Repository not found');
    const bytes = files.get(file);
    if (!bytes) return void res.writeHead(404, { 'X-Error-Code': 'EntryNotFound' }).end('Entry not found');
    if (!LFS_FILES.has(file)) return serveBytes(file, bytes, `"${gitBlobId(bytes)}"`, req, res);
    const sha = sha256(bytes);
    cdn.set(sha, { file, bytes });
    const announced = shaOverride.has(file) ? shaOverride.get(file) : sha;
    const size = sizeOverride.has(file) ? sizeOverride.get(file) : bytes.length;
    res.writeHead(302, {
      Location: `http://${req.headers.host}/cdn/${sha}`,
      ...(announced ? { 'X-Linked-Etag': `"${announced}"` } : {}),
      ...(size !== null && size !== undefined ? { 'X-Linked-Size': String(size) } : {}),
      ETag: `W/"redirect-${sha.slice(0, 8)}"`,
      'Content-Length': '0',
    });
    res.end();
  };

  const serveBytes = (file: string, bytes: Buffer, etag: string, req: IncomingMessage, res: ServerResponse) => {
    const range = noRanges ? null : /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    if (start > bytes.length || (range && start === bytes.length)) {
      return void res.writeHead(416, { 'Content-Range': `bytes */${bytes.length}` }).end();
    }
    const body = bytes.subarray(start);
    res.writeHead(range ? 206 : 200, {
      ETag: etag,
      'Content-Length': String(body.length),
      'Accept-Ranges': 'bytes',
      ...(range ? { 'Content-Range': `bytes ${start}-${bytes.length - 1}/${bytes.length}` } : {}),
    });
    if (req.method === 'HEAD') return void res.end();
    const cut = cuts.get(file);
    cuts.delete(file);
    const sendable = cut === undefined ? body : body.subarray(0, Math.max(0, cut - start));
    void send(res, sendable).then(() => (cut === undefined ? res.end() : res.socket?.destroy()));
  };

  const send = async (res: ServerResponse, body: Buffer) => {
    if (throttle === null) return void (await write(res, body));
    for (let at = 0; at < body.length && !res.destroyed; at += throttle) {
      await write(res, body.subarray(at, at + throttle));
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  // resolves once the chunk is handed to the socket, so a cut after it still delivers it
  const write = (res: ServerResponse, chunk: Buffer) => new Promise<void>((done) => void res.write(chunk, () => done()));

  const server = createServer(handle);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    setFile(repo, file, bytes) {
      if (!repos.has(repo)) repos.set(repo, new Map());
      repos.get(repo)!.set(file, bytes);
    },
    cutNextBodyAt: (file, bytes) => void cuts.set(file, bytes),
    announceSha: (file, sha) => void shaOverride.set(file, sha),
    announceSize: (file, size) => void sizeOverride.set(file, size),
    gate: (repo) => void gated.add(repo),
    throttle: (bytes) => void (throttle = bytes),
    ignoreRanges: (ignore) => void (noRanges = ignore),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
