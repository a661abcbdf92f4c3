import { ConnectionBanner } from './widgets/connection-banner';
import { ExportDialog } from './features/export/export-dialog';
import { ShortcutsOverlay } from './features/shortcuts/shortcuts-overlay';
import { ToastView } from './widgets/toast';
import { useDropGuard } from './widgets/use-drop-guard';
import { useGlobalShortcuts } from './keyboard/use-global-shortcuts';
import { OpeningScreen } from './screens/opening-screen';
import { SetupScreen } from './screens/setup-screen';
import { TaggingScreen } from './screens/tagging-screen';
import { WelcomeScreen } from './screens/welcome-screen';
import { useSessionStore } from './stores/session-store';

export function App() {
  useGlobalShortcuts();
  useDropGuard();
  const phase = useSessionStore((s) => s.phase);
  return (
    <div className="app">
      <ConnectionBanner />
      {phase.kind === 'starting' && <div className="app-starting" aria-busy="true" />}
      {phase.kind === 'welcome' && <WelcomeScreen message={phase.message} />}
      {(phase.kind === 'probing' || phase.kind === 'opening') && <OpeningScreen phase={phase} />}
      {phase.kind === 'setup' && <SetupScreen probe={phase.probe} />}
      {phase.kind === 'tagging' && <TaggingScreen />}
      {/* beside the screen, not in it: folded to a bar, it stays while the screen's views change */}
      <ExportDialog />
      <ShortcutsOverlay />
      <ToastView />
    </div>
  );
}
