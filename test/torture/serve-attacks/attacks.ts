import { allowedImageMime } from '../../../src-main/serve/image-mime';
import { SECRET, type AttackTarget } from './attack-server';
import { rawRequest, socketOpens, type RawAnswer } from './raw-http';

/**
 * Every attack on the served app, each with what refused or harmless means
 * for it. `run` answers null when the server held, or a sentence saying what
 * got through.
 */
export interface Attack {
  group: string;
  name: string;
  run(t: AttackTarget): Promise<string | null>;
}

const PAGE = 'LoRA Tagger</title>';

/** what no answer may carry: the marker of the files outside, the page, or the bytes of the image outside the dataset */
function leak(t: AttackTarget, answer: RawAnswer, { pageAllowed = false } = {}): string | null {
  if (answer.body.includes(SECRET)) return `answered ${answer.status} with a file from outside`;
  if (answer.body.length > 0 && answer.body.equals(t.secretImage)) return `answered ${answer.status} with the image outside the dataset`;
  if (!pageAllowed && answer.body.includes(PAGE)) return `answered ${answer.status} with the page`;
  if (answer.status === 200 && /^image\//.test(answer.headers['content-type'] ?? '') && !allowedImageMime(answer.headers['content-type'] ?? '')) {
    return `sent ${answer.headers['content-type']} from an image route`;
  }
  return null;
}

const expectStatus = (answer: RawAnswer, allowed: readonly number[]): string | null =>
  allowed.includes(answer.status) ? null : `answered ${answer.status}, expected ${allowed.join(' or ')}`;

const host = (t: AttackTarget) => t.run.host;

function routes(t: AttackTarget): string[] {
  const id = t.ids.get('a.png');
  return ['/', '/index.html', '/assets/app.js', `/image/${id}/full`, `/image/${id}/thumb`, `/image/${id}/preview`, '/ws', '/missing', '/?token='];
}

/** credentials that are not this run's: each must open nothing */
function wrongCredentials(t: AttackTarget): { name: string; headers: Record<string, string>; query?: string }[] {
  const { run, other } = t;
  const name = `lt_${run.port}`;
  return [
    { name: 'no token', headers: {} },
    { name: 'a wrong token in the cookie', headers: { cookie: `${name}=guess` } },
    { name: "another run's token in this run's cookie", headers: { cookie: `${name}=${other.token}` } },
    { name: "another run's cookie", headers: { cookie: other.cookie } },
    { name: 'the old shared cookie name', headers: { cookie: `lt_token=${run.token}` } },
    { name: 'the token cut short', headers: { cookie: `${name}=${run.token.slice(0, -1)}` } },
    { name: 'the token and more', headers: { cookie: `${name}=${run.token}x` } },
    { name: 'a cookie that does not decode', headers: { cookie: `${name}=%E0%A4%A` } },
    { name: 'the token as a bearer header', headers: { authorization: `Bearer ${run.token}` } },
    { name: 'a wrong token in the URL', headers: {}, query: 'token=guess' },
    { name: "another run's token in the URL", headers: {}, query: `token=${other.token}` },
    { name: 'an empty token in the URL', headers: {}, query: 'token=' },
  ];
}

function tokenAttacks(t: AttackTarget): Attack[] {
  const list: Attack[] = [];
  for (const route of routes(t)) {
    for (const cred of wrongCredentials(t)) {
      list.push({
        group: 'token',
        name: `${route} with ${cred.name}`,
        run: async () => {
          const target = cred.query ? `${route}${route.includes('?') ? '&' : '?'}${cred.query}` : route;
          const answer = await rawRequest(t.run.port, target, { host: host(t), ...cred.headers });
          return expectStatus(answer, [401]) ?? leak(t, answer) ?? (answer.headers['set-cookie'] ? 'set a cookie' : null);
        },
      });
    }
  }
  return list;
}

function socketAttacks(t: AttackTarget): Attack[] {
  const { run, other } = t;
  const cases: { name: string; path?: string; headers: Record<string, string> }[] = [
    ...wrongCredentials(t)
      .filter((c) => !c.query)
      .map((c) => ({ name: c.name, headers: { ...c.headers, origin: run.origin } })),
    { name: 'the token in the socket URL, no cookie', path: `/ws?token=${run.token}`, headers: { origin: run.origin } },
    { name: "another run's origin", headers: { cookie: run.cookie, origin: other.origin } },
    { name: 'a foreign origin', headers: { cookie: run.cookie, origin: 'http://evil.example' } },
    { name: 'a look-alike origin', headers: { cookie: run.cookie, origin: `http://127.0.0.1.evil.example:${run.port}` } },
    { name: 'the null origin (a sandboxed frame, a file)', headers: { cookie: run.cookie, origin: 'null' } },
    { name: 'the same host over https', headers: { cookie: run.cookie, origin: `https://${run.host}` } },
    { name: 'a foreign Host and its own origin', headers: { cookie: run.cookie, host: `evil.example:${run.port}`, origin: `http://evil.example:${run.port}` } },
    { name: 'another path than /ws', path: '/wsx', headers: { cookie: run.cookie, origin: run.origin } },
  ];
  const list: Attack[] = cases.map((c) => ({
    group: 'websocket',
    name: c.name,
    run: async () => ((await socketOpens(run.origin, c.path ?? '/ws', c.headers)) ? 'the socket opened' : null),
  }));
  list.push({
    group: 'websocket',
    name: '(control) this run’s cookie from its own page opens it',
    run: async () => ((await socketOpens(run.origin, '/ws', { cookie: run.cookie, origin: run.origin })) ? null : 'the page’s own socket was refused'),
  });
  return list;
}

function hostAttacks(t: AttackTarget): Attack[] {
  const { run, other } = t;
  const hosts: (string | null)[] = [
    `evil.example:${run.port}`,
    other.host,
    `localhost.evil.example:${run.port}`,
    `127.0.0.1:${run.port}.evil.example`,
    '127.0.0.1',
    `user@127.0.0.1:${run.port}`,
    '',
    null,
  ];
  const list: Attack[] = [];
  for (const h of hosts) {
    for (const route of ['/', `/image/${t.ids.get('a.png')}/full`, `/?token=${run.token}`]) {
      list.push({
        group: 'host',
        name: `${route} with Host ${JSON.stringify(h)}`,
        run: async () => {
          const answer = await rawRequest(run.port, route, { host: h, cookie: run.cookie });
          return expectStatus(answer, [400, 421]) ?? leak(t, answer) ?? (answer.headers['set-cookie'] ? 'set a cookie' : null);
        },
      });
    }
  }
  list.push({
    group: 'host',
    name: 'two Host headers, a foreign one first',
    run: async () => {
      const answer = await rawRequest(run.port, '/', { Host: `evil.example:${run.port}`, host: run.host, cookie: run.cookie });
      return expectStatus(answer, [400, 421]) ?? leak(t, answer);
    },
  });
  return list;
}

/** request targets that try to climb out of the renderer's folder; answered 400 or 404 and never with what is outside */
function staticTargets(t: AttackTarget): string[] {
  return [
    '/../outside.js',
    '/../../outside.html',
    '/%2e%2e/outside.js',
    '/%2E%2E%2Foutside.json',
    '/..%2foutside.js',
    '/..%2Foutside.css',
    '/%252e%252e/outside.js',
    '/%252e%252e%252foutside.js',
    '/..\\outside.js',
    '/%5c..%5coutside.js',
    '/assets/..\\..\\outside.svg',
    '/assets/../../outside.js',
    '/assets/%2e%2e/%2e%2e/outside.js',
    '/assets/%2e%2e%2f%2e%2e%2foutside.png',
    `/${t.root}/outside.js`,
    `//${t.root.replace(/^\//, '')}/outside.js`,
    `/%2F${t.root.replace(/^\//, '')}/outside.js`,
    `/${encodeURIComponent(`${t.root}/outside.js`)}`,
    '/assets/linked.js',
    '/index.html%00.png',
    '/%00',
    '/..%00/outside.js',
    '/.%2e/outside.js',
    '/%c0%ae%c0%ae/outside.js',
    '/%uff0e%uff0e/outside.js',
    '/C:\\Windows\\win.ini',
    '/\\\\?\\C:\\Windows\\win.ini',
    '/assets/app.js/../../../outside.js',
    'http://evil.example/../outside.js',
    '*',
  ];
}

function imageTargets(t: AttackTarget): string[] {
  const id = t.ids.get('a.png')!;
  return [
    '/image/../outside.png',
    `/image/${id}/../../outside.png`,
    '/image/%2e%2e/full',
    `/image/${id}/full/..`,
    `/image/${id}/..%2f..%2foutside.png`,
    `/image/${id}/full%2f..%2f..%2foutside.png`,
    `/image/${id}\\..\\..\\outside.png`,
    '/image/-1/full',
    '/image/99999999999/full',
    '/image/9999999999999999999999/full',
    '/image/1e1/full',
    '/image/0x1/full',
    '/image/NaN/full',
    `/image/${id}/FULL`,
    `/image/${id}/original`,
    `/image/${id}%00/full`,
    `/image/${encodeURIComponent(`${t.canary}/secret.png`)}/full`,
    `/image/${id}/full?path=${encodeURIComponent(`${t.canary}/secret.png`)}`,
    `/image/${id}/full?id=${t.ids.get('link-out.png') ?? 0}`,
  ];
}

function traversalAttacks(t: AttackTarget): Attack[] {
  return [...staticTargets(t), ...imageTargets(t)].map((target) => ({
    group: 'traversal',
    name: target,
    run: async () => {
      const answer = await rawRequest(t.run.port, target, { host: host(t), cookie: t.run.cookie });
      // '/index.html%00.png' and friends may fold to the page itself: that is no climb
      const problem = leak(t, answer, { pageAllowed: true });
      if (problem) return problem;
      return answer.status === 200 && !target.includes('?') && !answer.body.includes(PAGE) ? `answered 200 (${answer.headers['content-type']})` : null;
    },
  }));
}

/** every listed image in every size: links out of the dataset refused, only allowlisted image types sent */
function datasetAttacks(t: AttackTarget): Attack[] {
  const list: Attack[] = [];
  for (const [name, id] of t.ids) {
    for (const kind of ['full', 'thumb', 'preview']) {
      list.push({
        group: 'dataset files',
        name: `${name} as ${kind}`,
        run: async () => {
          const answer = await rawRequest(t.run.port, `/image/${id}/${kind}`, { host: host(t), cookie: t.run.cookie });
          const problem = leak(t, answer);
          if (problem) return problem;
          const outside = name === 'link-out.png' || name.startsWith('linkdir/');
          if (outside && answer.status === 200) return 'served an image from outside the dataset';
          if (answer.status === 200 && !allowedImageMime(answer.headers['content-type'] ?? '')) return `sent ${answer.headers['content-type']}`;
          return null;
        },
      });
    }
  }
  list.push({
    group: 'dataset files',
    name: '(control) a.png is served',
    run: async () => expectStatus(await rawRequest(t.run.port, `/image/${t.ids.get('a.png')}/full`, { host: host(t), cookie: t.run.cookie }), [200]),
  });
  return list;
}

function otherAttacks(t: AttackTarget): Attack[] {
  const { run } = t;
  const list: Attack[] = [];
  for (const target of ['/.//evil.example/', '//evil.example/', '/\\evil.example/', '/%5Cevil.example/', '/%2F%2Fevil.example/', '/\t/evil.example/']) {
    list.push({
      group: 'redirect',
      name: `the token exchange at ${JSON.stringify(target)}`,
      run: async () => {
        const answer = await rawRequest(run.port, `${target}?token=${run.token}`, { host: host(t) });
        const location = answer.headers.location ?? '';
        if (answer.status !== 303) return answer.status === 400 ? null : `answered ${answer.status}`;
        // only `//` or `/\` would name another server: a browser reads `/%5C` as a path on this one
        return /^\/(?![/\\])/.test(location) ? null : `redirected to ${location}`;
      },
    });
  }
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND']) {
    for (const route of ['/', `/image/${t.ids.get('a.png')}/full`]) {
      list.push({
        group: 'method',
        name: `${method} ${route}`,
        run: async () => {
          const answer = await rawRequest(run.port, route, { host: host(t), cookie: run.cookie, 'content-length': '0' }, method);
          return expectStatus(answer, [400, 405]) ?? leak(t, answer);
        },
      });
    }
  }
  list.push({
    group: 'embedding',
    name: 'an image embedded by a page of another origin',
    run: async () => {
      const answer = await rawRequest(run.port, `/image/${t.ids.get('a.png')}/full`, {
        host: host(t),
        cookie: run.cookie,
        'sec-fetch-site': 'same-site',
        'sec-fetch-mode': 'no-cors',
        'sec-fetch-dest': 'image',
      });
      return expectStatus(answer, [403]);
    },
  });
  return list;
}

export function serveAttacks(t: AttackTarget): Attack[] {
  return [...tokenAttacks(t), ...socketAttacks(t), ...hostAttacks(t), ...traversalAttacks(t), ...datasetAttacks(t), ...otherAttacks(t)];
}
