import type { ApiHost } from '../api/api-host';

/**
 * A command's folder, opened as the window would: our session or
 * civitai-tagger's resumed, and a folder never opened before set up in place
 * (its captions are read where they are).
 */
export async function openForCommand(api: Pick<ApiHost, 'invoke'>, folder: string) {
  const opened = await api.invoke('session.open', { path: folder });
  if (opened.ok || opened.error.code !== 'invalid-input' || !/not been set up/.test(opened.error.message)) return opened;
  return api.invoke('session.open', { path: folder, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
}
