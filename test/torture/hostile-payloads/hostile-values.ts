import fc from 'fast-check';

/**
 * The values an untrusted renderer (or a browser holding the token) may send
 * in any field: wrong types, huge strings and arrays, deep nesting, keys that
 * name Object.prototype's members, path-like strings aimed at the sandbox's
 * canary, numbers no id can be. `places` names the folders the paths aim at.
 */
export interface Places {
  canary: string;
  dataset: string;
  sandbox: string;
  /** only: every hostile value is megabytes long (a string or an array); never: none is */
  huge: 'only' | 'never';
}

/** a tenth of a megabyte up to the socket's 16 MB limit: the sizes at which a parse or a copy on the main loop shows */
const HUGE_LENGTHS = [100_000, 1_000_000, 4_000_000, 16 * 1024 * 1024 - 1024] as const;

export const hostileNumber = fc.constantFrom(
  NaN,
  Infinity,
  -Infinity,
  -0,
  -1,
  -(2 ** 31),
  0.5,
  1e-300,
  2 ** 31,
  2 ** 32,
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  1e308,
);

export function pathStrings(places: Places): fc.Arbitrary<string> {
  const { canary, dataset, sandbox } = places;
  return fc.oneof(
    fc.constantFrom(
      '..',
      '../..',
      '../../canary',
      '../../canary/secret.txt',
      '../../../../../../../../etc/passwd',
      '/etc/passwd',
      '/',
      '.',
      '~',
      '~/.ssh/id_rsa',
      canary,
      `${canary}/secret.txt`,
      `${canary}/tokenizer.json`,
      `${canary}/list.csv`,
      `${canary}/out.zip`,
      `${canary}/export`,
      `${dataset}/../../../canary`,
      `${dataset}/link-out`,
      `${dataset}/link-out/secret.txt`,
      `${dataset}/link-out/export`,
      `${dataset}/.lora-tagger/session.sqlite`,
      `${dataset}/a.txt`,
      `${dataset}/export`,
      `${dataset}/out.zip`,
      `${sandbox}/home/.bashrc`,
      `${sandbox}/home/.config`,
      '\\\\?\\C:\\Windows\\System32',
      '\\\\.\\pipe\\x',
      '\\\\server\\share\\x',
      'C:\\Windows\\win.ini',
      '..\\..\\canary',
      'file:///etc/passwd',
      '%2e%2e/%2e%2e/canary',
      '%252e%252e%252fcanary',
      'a\0b',
      `${canary}\0.png`,
      '/dev/zero',
      '/dev/stdin',
      '/proc/self/environ',
      'CON',
      'NUL',
      `${dataset}/${'x/'.repeat(600)}y`,
      '.'.repeat(300),
    ),
    fc.array(fc.constantFrom('..', '.', 'canary', 'link-out', 'set', '', '\0', '%2e', 'secret.txt'), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('/')),
  );
}

const oddStrings = fc.constantFrom(
  '',
  ' ',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Egnp.exe',
  '\r\n',
  'a\nb',
  '\0',
  '%s%s%n',
  '(a+)+$',
  '(?<x>a)\\k<x>{99999}',
  "'; DROP TABLE images;--",
  '${process.exit()}',
  '<img src=x onerror=alert(1)>',
  '__proto__',
  'constructor',
  'then',
  '🙂'.repeat(1000),
);

export const hugeString = fc.constantFrom(...HUGE_LENGTHS).chain((n) => fc.constantFrom('x'.repeat(n), '\u00e9'.repeat(n / 2), '../'.repeat(n / 3)));

const hugeArray = fc.constantFrom(100_000, 1_000_000).chain((n) =>
  fc.constantFrom<unknown[]>(new Array<number>(n).fill(1), new Array<string>(n).fill('tag'), Array.from({ length: n }, (_, i) => i)),
);

/**
 * arrays in arrays (or objects in objects), as deep as a structured clone
 * carries (Electron's IPC, and the driver's to the host); the socket gets
 * 50,000 deep as text (frame-attacks.ts)
 */
export const deepNesting = fc.tuple(fc.integer({ min: 100, max: 1_000 }), fc.boolean()).map(([depth, asObject]) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = asObject ? { a: value } : [value];
  return value;
});

/** an object whose own keys are Object.prototype's names, built as JSON.parse builds them (own `__proto__`) */
export const prototypeKeys = fc
  .subarray(['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then', 'toJSON'], { minLength: 1 })
  .chain((keys) => fc.tuple(fc.constant(keys), fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: keys.length, maxLength: keys.length })))
  .map(([keys, values]) => {
    const entries = keys.map((k, i) => `${JSON.stringify(k)}:${JSON.stringify(values[i] ?? null)}`);
    return JSON.parse(`{${entries.join(',')}}`) as Record<string, unknown>;
  });

/** a hostile value for any field: weights keep the expensive ones (megabytes) rare */
export function hostileValue(places: Places): fc.Arbitrary<unknown> {
  if (places.huge === 'only') return fc.oneof(hugeString, hugeArray);
  return fc.oneof(
    { weight: 6, arbitrary: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.double()) },
    { weight: 4, arbitrary: hostileNumber },
    { weight: 5, arbitrary: pathStrings(places) },
    { weight: 3, arbitrary: oddStrings },
    { weight: 3, arbitrary: prototypeKeys },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.array(fc.oneof(pathStrings(places), hostileNumber), { maxLength: 20 }) },
    { weight: 1, arbitrary: deepNesting },
  );

}
