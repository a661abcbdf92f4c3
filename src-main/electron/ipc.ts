import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../../src-shared/contract';
import { fail, type Result } from '../../src-shared/result';
import { READY_CHANNEL } from '../../src-shared/bridge-channels';
import type { ApiHost } from '../api/api-host';
import type { EventQueue } from './event-queue';

/**
 * The only file that touches ipcMain. Every contract channel is bound here and
 * goes straight to the ApiHost, which parses the payload with the channel's zod
 * schema: this layer adds only the check of who is calling.
 */
export function setupIpc(options: { host: ApiHost; events: EventQueue; isAppUrl: (url: string) => boolean }): () => void {
  const { host, events, isAppUrl } = options;

  for (const name of channelNames) {
    ipcMain.removeHandler(name); // a re-run (macOS re-activate, tests) must not throw "second handler"
    ipcMain.handle(name, async (event, payload: unknown): Promise<Result<unknown>> => {
      if (!fromAppFrame(event, isAppUrl)) {
        return fail('invalid-input', `IPC on ${name} from a frame the app did not create was refused`);
      }
      try {
        return await host.invoke(name, payload);
      } catch (err) {
        // the host returns errors as data; a throw is a bug, and still must not reach the page as a stack
        return fail('internal', `${name} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
  }

  const onReady = (event: IpcMainEvent): void => {
    if (fromAppFrame(event, isAppUrl)) events.markReady(event.sender);
  };
  ipcMain.on(READY_CHANNEL, onReady);

  const unsubscribe = host.subscribe((event, payload) => events.push(event, payload));

  return () => {
    unsubscribe();
    ipcMain.removeListener(READY_CHANNEL, onReady);
    for (const name of channelNames) ipcMain.removeHandler(name);
  };
}

/**
 * Only the app's own top-level page may call: not an iframe, not a page that got
 * navigated elsewhere (navigation is blocked too; this is the second lock).
 * `senderFrame` is null once the frame navigated away or was destroyed.
 */
export function fromAppFrame(event: IpcMainInvokeEvent | IpcMainEvent, isAppUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}
