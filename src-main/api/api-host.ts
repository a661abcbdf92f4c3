import type { EventName, EventPayload } from '../../src-shared/contract';
import type { Result } from '../../src-shared/result';
import type { ImageKind } from '../../src-shared/tagger-api';

/** An image answer for a transport: a file to stream or bytes to send, with its MIME type. */
export type ImageResponse =
  | { ok: true; mime: string; path: string }
  | { ok: true; mime: string; data: Buffer }
  | { ok: false; status: 400 | 403 | 404 | 415 | 500; message: string };

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * What a transport (ipcMain, the HTTP + WebSocket server, a test) needs from the app:
 * untrusted payloads in, results out, events pushed. Transports never see core objects.
 */
export interface ApiHost {
  /** parses `payload` with the channel's zod schema; unknown channels and bad payloads give `invalid-input` */
  invoke(channel: string, payload: unknown): Promise<Result<unknown>>;
  subscribe(listener: EventListener): () => void;
  image(id: number, kind: ImageKind): Promise<ImageResponse>;
  /** flush and close the open session (quit, window closed) */
  shutdown(): Promise<void>;
}

export interface FilePickRequest {
  title: string;
  /** as Electron takes them: extensions without the dot */
  filters: { name: string; extensions: string[] }[];
}

/** What differs between the desktop shell and the browser transport. */
export interface Platform {
  transport: 'electron' | 'serve';
  /** native folder dialog; absent over the browser transport */
  pickFolder?: () => Promise<string | null>;
  /** native open-file dialog (a tag list, a tokenizer.json); absent over the browser transport */
  pickFile?: (request: FilePickRequest) => Promise<string | null>;
  /** the app's own folder for settings and the recent list */
  userDataDir: string;
  /** the OS cache folder for thumbnails and previews */
  cacheDir: string;
  /** serve only: the one folder the browser may open */
  servedFolder: string | null;
  version: string;
}
