import { useUiStore } from '../stores/ui-store';

/** Browser transport only: say plainly when the server is unreachable, since every button then waits. */
export function ConnectionBanner() {
  const connection = useUiStore((s) => s.connection);
  if (connection === null || connection === 'open') return null;
  const text =
    connection === 'reconnecting'
      ? 'Connection to the LoRA Tagger server lost. Reconnecting… (If it was restarted, open the new address it printed.)'
      : 'Connecting to the LoRA Tagger server…';
  return (
    <div className="connection-banner" data-testid="connection-banner" data-state={connection} role="status">
      {text}
    </div>
  );
}
