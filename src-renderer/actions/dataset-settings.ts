import type { ChannelInput } from '../../src-shared/contract';
import { useSessionStore } from '../stores/session-store';
import { showToast } from '../stores/ui-store';
import { call } from '../transport/api';

type SettingsPatch = ChannelInput<'settings.set'>;

/** Per-dataset settings, stored by main in session.sqlite; the answer is the session as it now is. */
export async function changeSettings(patch: SettingsPatch): Promise<boolean> {
  const result = await call('settings.set', patch);
  if (!result.ok) {
    showToast(`Could not change the setting: ${result.error.message}`, 'error');
    return false;
  }
  useSessionStore.setState({ session: result.value });
  return true;
}
