import { useShallow } from 'zustand/react/shallow';
import { useUiStore } from '../stores/ui-store';

/** Browser transport only: say plainly when the server is unreachable, since every button then waits. */
export function ConnectionBanner() {
  const { connection, tokenMissing } = useUiStore(
    useShallow((s) => ({ connection: s.connection, tokenMissing: s.tokenMissing })),
  );
  if (connection === null || connection === 'open') return null;
  const text =
    connection === 'reconnecting'
      ? 'Connection to the LoRA Tagger server lost. Reconnecting… (If it was restarted, open the new address it printed.)'
      : 'Connecting to the LoRA Tagger server…';
  return (
    <div className="connection-banner" data-testid="connection-banner" data-state={connection} role="status">
      {text}
      {tokenMissing && ' This page was opened without its access token: open the URL that `lora-tagger serve` printed.'}
    </div>
  );
}
