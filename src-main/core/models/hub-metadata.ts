import { AppError } from '../app-error';
import { describeHubStatus, describeNetworkError } from './hub-errors';

/**
 * What the hub says about a file before we fetch it, read the way
 * huggingface_hub reads it: a HEAD on `resolve/main/<file>` that follows only
 * the hub's own (relative) redirects, so the headers are the hub's and not the
 * CDN's. An LFS file (model.onnx) carries its SHA-256 in X-Linked-Etag and its
 * size in X-Linked-Size on the redirect; a small git file (the CSV) has a git
 * blob id as its ETag, no SHA-256, and is checked by size alone.
 */
export interface HubFileInfo {
  /** where the bytes are: the CDN address of the redirect, or the file's own */
  url: string;
  /** the hub's ETag, quotes and W/ removed: changes whenever the file does */
  etag: string | null;
  /** present only when the ETag is a SHA-256 (an LFS file) */
  sha256: string | null;
  size: number | null;
}

export interface HubRequest {
  /** https://huggingface.co, or a test's local server */
  endpoint: string;
  repo: string;
  file: string;
  signal?: AbortSignal;
}

const SHA256 = /^[0-9a-f]{64}$/;
const MAX_HOPS = 5;

const normalizeEtag = (etag: string | null): string | null => (etag === null ? null : etag.replace(/^W\//, '').replace(/^"|"$/g, ''));

const fileUrl = ({ endpoint, repo, file }: HubRequest): string =>
  `${endpoint.replace(/\/+$/, '')}/${repo.split('/').map(encodeURIComponent).join('/')}/resolve/main/${encodeURIComponent(file)}`;

const sizeFrom = (value: string | null): number | null => (value !== null && /^\d+$/.test(value) ? Number(value) : null);

export async function hubFileInfo(request: HubRequest): Promise<HubFileInfo> {
  const host = new URL(request.endpoint).host;
  let url = fileUrl(request);
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    const response = await fetch(url, {
      method: 'HEAD',
      redirect: 'manual',
      // the real size, not a compressed one
      headers: { 'Accept-Encoding': 'identity' },
      ...(request.signal ? { signal: request.signal } : {}),
    }).catch((err: unknown) => {
      if (request.signal?.aborted) throw err;
      throw describeNetworkError(err, host, `Asking for ${request.repo}/${request.file}`);
    });
    const location = response.headers.get('location');
    const redirect = response.status >= 300 && response.status < 400 && location !== null;
    if (redirect) {
      const next = new URL(location, url);
      // a renamed repository: the hub sends us to its new name on the same host; ask again there
      if (next.origin === new URL(url).origin && !response.headers.has('x-linked-etag')) {
        url = next.toString();
        continue;
      }
    } else if (!response.ok) {
      throw describeHubStatus(response.status, response.headers.get('x-error-code'), request.repo, request.file, host);
    }
    const etag = normalizeEtag(response.headers.get('x-linked-etag') ?? response.headers.get('etag'));
    return {
      url: redirect ? new URL(location, url).toString() : url,
      etag,
      sha256: etag !== null && SHA256.test(etag) ? etag : null,
      size: sizeFrom(response.headers.get('x-linked-size')) ?? (redirect ? null : sizeFrom(response.headers.get('content-length'))),
    };
  }
  throw new AppError('io', `${host} redirected ${request.repo}/${request.file} more than ${MAX_HOPS} times`);
}
