// The app in a process of its own, to be killed with SIGKILL by the driver:
// the real api host opens the dataset in place, tells the driver every
// image's caption as the api shows it, then answers caption edits one by one.
// An edit's reply is sent only once `caption.setText` has answered: that
// answer is what "acknowledged" means to the user, so it is what the driver
// holds the files to.
import { join } from 'node:path';
import { createApiHost } from '../../../src-main/api/create-api-host';
import { callApi } from '../../support/api-call';
import type { EditReply, EditRequest, HostReady } from './edit-protocol';

const [dataset, appDir] = [process.argv[2]!, process.argv[3]!];
const api = createApiHost({
  transport: 'serve',
  userDataDir: join(appDir, 'app-data'),
  cacheDir: join(appDir, 'cache'),
  servedFolder: dataset,
  version: 'torture',
});

await callApi(api, 'session.open', { path: dataset, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
// background work of the open (the sweep of temps a killed writer left among them) done before the driver looks
await api.workspace.current()?.whenIdle();
const items = (await callApi(api, 'images.list', { offset: 0, limit: 5000 })).items;
const revisions = new Map<number, number>();
const captions: HostReady['captions'] = [];
for (const item of items) {
  const detail = await callApi(api, 'image.get', { id: item.id });
  revisions.set(item.id, detail.caption.revision);
  captions.push({ id: item.id, name: item.name, text: detail.caption.text });
}
process.send!({ captions } satisfies HostReady);

process.on('message', (req: EditRequest) => {
  void api.invoke('caption.setText', { id: req.id, text: req.text, revision: revisions.get(req.id)! }).then((result) => {
    if (result.ok) revisions.set(req.id, (result.value as { caption: { revision: number } }).caption.revision);
    const reply: EditReply = result.ok ? { seq: req.seq, ok: true } : { seq: req.seq, ok: false, message: `${result.error.code}: ${result.error.message}` };
    process.send!(reply);
  });
});
