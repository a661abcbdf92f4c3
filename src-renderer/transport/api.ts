import type { ChannelInput, ChannelName, ChannelOutput } from '../../src-shared/contract';
import type { Result } from '../../src-shared/result';
import { chooseTransport } from './choose-transport';
import { readableError } from './readable-error';

/**
 * The one transport of this window, chosen once at start-up. Stores import it
 * at module level so they can subscribe to events before anything renders.
 */
export const transport = chooseTransport();
export const api = transport.api;

/**
 * invoke that never rejects: a transport that throws (a preload bug) becomes an
 * 'internal' error like any other; a schema refusal reads as a sentence
 */
export async function call<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<Result<ChannelOutput<K>>> {
  try {
    const result = await api.invoke(channel, input);
    return result.ok ? result : { ok: false, error: readableError(channel, result.error) };
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: `${channel}: ${String(error)}` } };
  }
}
