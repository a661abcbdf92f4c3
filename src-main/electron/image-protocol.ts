import { pathToFileURL } from 'node:url';
import { net, protocol, type CustomScheme } from 'electron';
import { IMAGE_SCHEME, parseImagePath } from '../../src-shared/image-url';
import type { ApiHost } from '../api/api-host';
import { allowedImageMime } from '../serve/image-mime';
import { refuseUnlessRead, strictSchemeUrl, textResponse } from './protocol-request';

/**
 * Registered before `ready` (privileged-schemes.ts). standard: real URL parsing
 * (host, path, `..` folded); secure: allowed from the app's page without
 * mixed-content noise; supportFetchAPI and stream: the renderer may fetch() an
 * image and large files are streamed.
 */
export const IMAGE_SCHEME_ENTRY: CustomScheme = {
  scheme: IMAGE_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
};

/** After `ready`: `lt-image://image/<id>/<kind>` answered by the ApiHost, which resolves ids to files. */
export function setupImageProtocol(host: ApiHost): void {
  protocol.handle(IMAGE_SCHEME, (request) => answerImageRequest(request, host, fetchFile));
}

const fetchFile = (path: string): Promise<Response> => net.fetch(pathToFileURL(path).href);

/** BodyInit: the node typings have the class but not the DOM's name for its argument */
type ResponseBody = ConstructorParameters<typeof Response>[0];

const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  // the responses are images; should one ever be rendered as a document it may run nothing
  'content-security-policy': "default-src 'none'",
  'cache-control': 'no-cache',
};

export async function answerImageRequest(
  request: Request,
  host: ApiHost,
  fetchPath: (path: string) => Promise<Response>,
): Promise<Response> {
  const refused = refuseUnlessRead(request);
  if (refused) return refused;
  const target = imageTarget(request.url);
  if (!target) return textResponse(400, 'not an lt-image://image/<id>/<kind> URL');

  const answer = await host.image(target.id, target.kind);
  if (!answer.ok) return textResponse(answer.status, answer.message);

  // an SVG (which can carry script) or HTML named by the host is refused, never served
  const mime = allowedImageMime(answer.mime);
  if (!mime) return textResponse(415, `not an image type the app serves: ${answer.mime.split(';')[0]?.trim() || 'none'}`);
  const headers = { ...COMMON_HEADERS, 'content-type': mime };
  const body = (bytes: ResponseBody): ResponseBody => (request.method === 'HEAD' ? null : bytes);

  if ('data' in answer) return new Response(body(new Uint8Array(answer.data)), { status: 200, headers });

  let file: Response;
  try {
    file = await fetchPath(answer.path);
  } catch {
    return textResponse(404, 'the image file could not be read');
  }
  if (!file.ok) return textResponse(404, 'the image file could not be read');
  return new Response(body(file.body), { status: 200, headers });
}

/** Exactly `lt-image://image/<id>/<kind>` (a `?v=` cache-buster is ignored). */
function imageTarget(raw: string): ReturnType<typeof parseImagePath> {
  const url = strictSchemeUrl(raw, IMAGE_SCHEME);
  return url?.host === 'image' ? parseImagePath(`image${url.pathname}`) : null;
}
