import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload } from './contract';
import type { Result } from './result';

export type ImageKind = 'thumb' | 'preview' | 'full';

/**
 * What the renderer talks to. The Electron preload bridge and the WebSocket
 * client both implement it; the renderer never knows which.
 */
export interface TaggerApi {
  readonly transport: 'electron' | 'serve';
  invoke<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<Result<ChannelOutput<K>>>;
  /** returns the unsubscribe function */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** a URL the <img> tag can load; `version` busts the cache when the file changes */
  imageUrl(id: number, kind: ImageKind, version?: string | number): string;
  /** the file-system path of a dropped folder (Electron only) */
  pathForFile?(file: File): string;
}
