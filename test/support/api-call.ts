import type { ApiHost } from '../../src-main/api/api-host';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../src-shared/contract';

/** Calls a channel as the renderer would, and answers its value: an error answer fails the test with its code and message. */
export async function callApi<K extends ChannelName>(api: Pick<ApiHost, 'invoke'>, channel: K, payload: ChannelInput<K>): Promise<ChannelOutput<K>> {
  const result = await api.invoke(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value as ChannelOutput<K>;
}
