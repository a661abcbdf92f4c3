// The app in a process of its own, for the scenario driver (run-scenario.ts)
// to kill with SIGKILL: the real api host, as serve and the desktop wire it,
// on one trial's folders. Modes: see scenario-protocol.ts.
import { cpSync } from 'node:fs';
import { createApiHost } from '../../../src-main/api/create-api-host';
import type { EventPayload } from '../../../src-shared/contract';
import { trialPaths, type KillScenario } from './scenario';
import type { HostMessage, HostMode } from './scenario-protocol';
import { SCENARIOS } from './scenarios';

const [name, dir, mode, reference] = [process.argv[2]!, process.argv[3]!, process.argv[4] as HostMode, process.argv[5]];
const scenario = SCENARIOS.find((s) => s.name === name)!;
const send = (m: HostMessage) => process.send!(m);

function apiOn(folder: string) {
  const paths = trialPaths(folder);
  return createApiHost({ transport: 'serve', userDataDir: paths.userData, cacheDir: paths.cache, servedFolder: folder, version: 'torture' });
}

/** the template's setup steps, then the operation run whole on a copy of it (one process: a start costs seconds) */
async function prepare(s: KillScenario): Promise<void> {
  const api = apiOn(dir);
  await s.prepare(api, dir);
  await api.shutdown();
  cpSync(dir, reference!, { recursive: true });
  const whole = apiOn(reference!);
  await s.open(whole, reference!);
  await s.run(whole, reference!);
  await whole.shutdown();
}

if (mode === 'prepare' || mode === 'reopen') {
  const problems: string[] = [];
  const notes: string[] = [];
  try {
    if (mode === 'prepare') await prepare(scenario);
    else {
      const api = apiOn(dir);
      await scenario.reopen(api, dir, problems, notes);
      await api.shutdown();
    }
  } catch (err) {
    problems.push(`the ${mode} failed: ${(err as Error).message}`);
  }
  send({ type: 'report', problems, notes });
} else {
  const api = apiOn(dir);
  await scenario.open(api, dir);
  await api.workspace.current()?.whenIdle();
  api.subscribe((event, payload) => {
    if (event !== 'job.progress') return;
    const p = payload as EventPayload<'job.progress'>;
    send({ type: 'progress', kind: p.kind, done: p.done, total: p.total });
  });
  process.once('message', () => {
    scenario.run(api, dir).then(
      () => send({ type: 'done', ok: true }),
      (err: unknown) => send({ type: 'done', ok: false, message: (err as Error).message }),
    );
  });
  send({ type: 'ready' });
}
