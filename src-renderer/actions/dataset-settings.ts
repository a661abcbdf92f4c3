import type { ChannelInput } from '../../src-shared/contract';
import { create } from 'zustand';
import { useSessionStore } from '../stores/session-store';
import { showToast } from '../stores/ui-store';
import { call } from '../transport/api';

type SettingsPatch = ChannelInput<'settings.set'>;

/**
 * `session.changed` does not carry "underscores to spaces" (SessionInfo has no
 * field for it yet), so the window remembers what it last set for this
 * dataset; main's own value, once SessionInfo carries it, wins.
 */
export const useUnderscoreSetting = create<{ datasetDir: string | null; value: boolean }>()(() => ({
  datasetDir: null,
  value: false,
}));

export function underscoresToSpaces(): boolean {
  const session = useSessionStore.getState().session;
  if (session && 'underscoresToSpaces' in session && typeof session.underscoresToSpaces === 'boolean') {
    return session.underscoresToSpaces;
  }
  const remembered = useUnderscoreSetting.getState();
  return remembered.datasetDir === session?.datasetDir ? remembered.value : false;
}

/** Per-dataset settings, stored by main in session.sqlite; the answer is the session as it now is. */
export async function changeSettings(patch: SettingsPatch): Promise<boolean> {
  const result = await call('settings.set', patch);
  if (!result.ok) {
    showToast(`Could not change the setting: ${result.error.message}`, 'error');
    return false;
  }
  useSessionStore.setState({ session: result.value });
  if (patch.underscoresToSpaces !== undefined) {
    useUnderscoreSetting.setState({ datasetDir: result.value.datasetDir, value: patch.underscoresToSpaces });
  }
  return true;
}
