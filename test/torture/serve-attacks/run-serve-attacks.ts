import fc from 'fast-check';
import { SECRET, startAttackTarget, type AttackTarget } from './attack-server';
import { serveAttacks, type Attack } from './attacks';
import { connectionFlood, type FloodReport } from './connection-flood';
import { rawRequest } from './raw-http';

export interface ServeAttackOptions {
  /** generated climbing paths, beyond the written ones */
  generatedPaths: number;
  idleSockets: number;
  slowLoris: number;
  rounds: number;
  seed: number;
  log?: (line: string) => void;
}

export interface ServeAttackSummary {
  /** attacks run per group */
  attacks: Record<string, number>;
  /** each attack that got through, with what it got */
  breaches: { group: string; name: string; what: string }[];
  flood: FloodReport;
}

/** pieces of a path that climbs, in the encodings a decoder might fold once too often */
const PIECES = ['..', '.', '%2e%2e', '%2E%2e', '%252e%252e', '.%2e', '%2e.', '/', '%2f', '%252f', '\\', '%5c', '%00', '//', 'assets', 'image', '1', 'full', 'thumb', 'outside.js', 'outside.png', 'outside.html', 'passwd', 'canary', 'linkdir', 'link-out.png'];

export function generatedTraversals(t: AttackTarget, count: number, seed: number): Attack[] {
  const paths = fc.sample(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 10 }), { numRuns: count, seed });
  return paths.map((pieces) => {
    const target = `/${pieces.join('/')}`.replace(/\/{3,}/g, '//');
    return {
      group: 'generated traversal',
      name: target,
      run: async () => {
        const answer = await rawRequest(t.run.port, target, { host: t.run.host, cookie: t.run.cookie });
        if (answer.body.includes(SECRET)) return `answered ${answer.status} with a file from outside`;
        if (answer.body.length > 0 && answer.body.equals(t.secretImage)) return 'answered with the image outside the dataset';
        return null;
      },
    };
  });
}

/** every written attack, `generatedPaths` generated ones, then the connection flood */
export async function runServeAttacks(options: ServeAttackOptions): Promise<ServeAttackSummary> {
  const t = await startAttackTarget();
  const summary: ServeAttackSummary = { attacks: {}, breaches: [], flood: { idleSockets: 0, slowLoris: 0, requests: 0, answered: 0, slowestMs: 0 } };
  try {
    for (const attack of [...serveAttacks(t), ...generatedTraversals(t, options.generatedPaths, options.seed)]) {
      summary.attacks[attack.group] = (summary.attacks[attack.group] ?? 0) + 1;
      const what = await attack.run(t).catch((err: unknown) => `the attack itself failed: ${(err as Error).message}`);
      if (what) summary.breaches.push({ group: attack.group, name: attack.name, what });
    }
    options.log?.(`${Object.values(summary.attacks).reduce((a, b) => a + b, 0)} attacks, ${summary.breaches.length} got through`);
    summary.flood = await connectionFlood(t, { idle: options.idleSockets, loris: options.slowLoris, rounds: options.rounds });
    options.log?.(`flood: ${JSON.stringify(summary.flood)}`);
  } finally {
    await t.close();
  }
  return summary;
}
