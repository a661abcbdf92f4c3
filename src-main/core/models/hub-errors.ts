import { AppError } from '../app-error';

/** the codes Node's fetch (undici) leaves on the cause of a failed connection */
const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ENETUNREACH', 'EHOSTUNREACH', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** the first errno-like code under a fetch error: undici nests it in `cause`, and in `errors` when it tried several addresses */
function networkCode(err: unknown, depth = 0): string | null {
  if (!err || typeof err !== 'object' || depth > 4) return null;
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && e.code !== 'UND_ERR_SOCKET') return e.code;
  const inner = networkCode(e.cause, depth + 1);
  if (inner) return inner;
  if (Array.isArray(e.errors)) for (const sub of e.errors) {
    const code = networkCode(sub, depth + 1);
    if (code) return code;
  }
  return typeof e.code === 'string' ? e.code : null;
}

/** A request that never got an answer: no connection, or the connection broke. */
export function describeNetworkError(err: unknown, host: string, what: string): AppError {
  const code = networkCode(err);
  if (code && OFFLINE_CODES.has(code)) {
    return new AppError('io', `No connection to ${host}: ${what} failed (${code}). Check the network and try again; a partial download is kept and resumes.`);
  }
  const reason = code ?? (err as Error | undefined)?.message ?? String(err);
  return new AppError('io', `${what} from ${host} was cut off (${reason}). Try again: the download resumes where it stopped.`);
}

/** An answer that is not the file: a gated, private or missing repository, or a missing file in it. */
export function describeHubStatus(status: number, hubErrorCode: string | null, repo: string, file: string, host: string): AppError {
  if (hubErrorCode === 'GatedRepo') {
    return new AppError('not-found', `${repo} on ${host} is gated: accept its conditions on the website and sign in; this app downloads public models only (HTTP ${status}).`);
  }
  if (hubErrorCode === 'EntryNotFound') {
    return new AppError('not-found', `${repo} on ${host} has no ${file} (HTTP ${status}): it is not a tagger model laid out as SmilingWolf's are.`);
  }
  if (status === 401 || status === 403 || status === 404) {
    // the hub answers 401 for a repository that does not exist, so as not to tell private ones apart
    return new AppError('not-found', `${repo} was not found on ${host}, or it is private or gated (HTTP ${status}). Check the repository id.`);
  }
  return new AppError('io', `${host} answered HTTP ${status} for ${repo}/${file}. Try again later.`);
}
