// Kill -9 during long work: for each trial, a host process (scenario-host.ts)
// opens a copy of the scenario's template and starts the operation; the
// driver kills it with SIGKILL once the operation's job reports a random
// fraction done (or, one trial in ten, a random moment after the start,
// before any progress). Then the files are checked, the temps aged, the
// folder opened again in a fresh host, and the files checked again.
import { type ChildProcess, fork } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../../support/temp-dir';
import type { KillScenario, TrialFacts } from './scenario';
import type { HostMessage, HostMode } from './scenario-protocol';
import { count, emptyTally, type Tally } from './tally';
import { ageTemps } from './trial-files';

const HOST = join(import.meta.dirname, 'scenario-host.ts');
/** a kill this long after the fraction is reached, at most: progress comes every 100 ms, the kill lands anywhere between */
const SPREAD_MS = 120;
/** an operation that has neither answered nor been killed by then has hung: a problem of its own */
const HUNG_MS = 10 * 60_000;

interface Host {
  child: ChildProcess;
  exited: Promise<void>;
  next(type: HostMessage['type']): Promise<HostMessage>;
}

function startHost(scenario: KillScenario, dir: string, mode: HostMode, reference?: string): Host {
  const child = fork(HOST, [scenario.name, dir, mode, ...(reference ? [reference] : [])], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-3000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = (type: HostMessage['type']) =>
    new Promise<HostMessage>((resolve, reject) => {
      const onMessage = (m: HostMessage) => {
        if (m.type !== type) return;
        child.off('message', onMessage);
        resolve(m);
      };
      child.on('message', onMessage);
      void exited.then(() => reject(new Error(`the ${mode} host ended before it said ${type} (${child.exitCode ?? child.signalCode}): ${err.trim()}`)));
    });
  return { child, exited, next };
}

/** a host run to its end (prepare, reopen): its report */
async function runToEnd(scenario: KillScenario, dir: string, mode: 'prepare' | 'reopen', reference?: string): Promise<HostMessage & { type: 'report' }> {
  const host = startHost(scenario, dir, mode, reference);
  try {
    return (await host.next('report')) as HostMessage & { type: 'report' };
  } finally {
    host.child.kill('SIGKILL');
    await host.exited;
  }
}

/** the template, and the facts of a reference run never killed */
async function prepare(scenario: KillScenario, base: string, size: number): Promise<{ template: string; facts: TrialFacts }> {
  const template = join(base, 'template');
  const reference = join(base, 'reference');
  await scenario.makeFiles(template, size);
  const prepared = await runToEnd(scenario, template, 'prepare', reference);
  if (prepared.problems.length > 0) throw new Error(`${scenario.name}: the template and its reference run: ${prepared.problems.join('; ')}`);
  const facts = await scenario.facts(template, reference);
  rmSync(reference, { recursive: true, force: true });
  return { template, facts };
}

async function oneTrial(scenario: KillScenario, trial: number, template: string, facts: TrialFacts, base: string, random: () => number, t: Tally): Promise<void> {
  const name = `${scenario.name} trial ${trial}`;
  const dir = join(base, `trial-${trial}`);
  cpSync(template, dir, { recursive: true });
  const host = startHost(scenario, dir, 'kill');
  await host.next('ready');
  let acknowledged = false;
  let answered = false;
  let killAt: NodeJS.Timeout | null = null;
  const kill = (afterMs: number) => (killAt ??= setTimeout(() => host.child.kill('SIGKILL'), afterMs));
  const fraction = random();
  host.child.on('message', (m: HostMessage) => {
    if (m.type === 'progress' && m.kind === scenario.jobKind && m.total > 0 && m.done / m.total >= fraction) kill(random() * SPREAD_MS);
    if (m.type !== 'done') return;
    answered = true;
    acknowledged = m.ok;
    if (!m.ok) t.problems.push(`${name}: the operation was refused: ${m.message}`);
    if (killAt) clearTimeout(killAt);
    host.child.kill('SIGKILL');
  });
  host.child.send({ go: true });
  if (random() < 0.1) kill(random() * 50);
  const hung = setTimeout(() => {
    t.problems.push(`${name}: neither answered nor killed in ${HUNG_MS / 1000} s`);
    host.child.kill('SIGKILL');
  }, HUNG_MS);
  await host.exited;
  clearTimeout(hung);
  if (killAt) clearTimeout(killAt);
  t.trials++;
  if (acknowledged) t.acknowledged++;
  if (answered) t.finishedBeforeKill++;

  await scenario.check({ trial: name, dir, facts, acknowledged, phase: 'killed', notes: [] }, t);
  // as if the next open came minutes later: an open spares fresh temps, which another instance may be writing
  ageTemps(dir);
  try {
    const reopened = await runToEnd(scenario, dir, 'reopen');
    for (const p of reopened.problems) count(t, 'badReopens', `${name}: ${p}`);
    await scenario.check({ trial: name, dir, facts, acknowledged, phase: 'reopened', notes: reopened.notes }, t);
  } catch (err) {
    count(t, 'badReopens', `${name}: the next open failed: ${(err as Error).message}`);
  }
  rmSync(dir, { recursive: true, force: true });
}

/** Runs `trials` kills during one scenario's operation; `seed` makes the kill moments repeatable. */
export async function runKillScenario(
  scenario: KillScenario,
  options: { trials: number; size: number; seed: number; log?: (line: string) => void },
): Promise<Tally> {
  const t = emptyTally();
  const tmp = makeTempDir(`lora-tagger-kill-nine-${scenario.name}-`);
  let state = options.seed >>> 0 || 1;
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  try {
    const { template, facts } = await prepare(scenario, tmp.path, options.size);
    for (let trial = 0; trial < options.trials; trial++) {
      await oneTrial(scenario, trial, template, facts, tmp.path, random, t);
      if (options.log && (trial + 1) % 10 === 0) options.log(`  ${scenario.name}: ${trial + 1} trials, ${t.problems.length} problems`);
    }
  } finally {
    tmp.cleanup();
  }
  return t;
}
