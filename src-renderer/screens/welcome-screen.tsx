import '../styles/welcome.css';
import { useShallow } from 'zustand/react/shallow';
import { chooseFolder, openFolder } from '../actions/open-folder';
import { DropZone } from '../widgets/drop-zone';
import { RecentFolders } from '../features/welcome/recent-folders';
import { type WelcomeMessage, useSessionStore } from '../stores/session-store';

export function WelcomeScreen({ message }: { message: WelcomeMessage | null }) {
  const info = useSessionStore(
    useShallow((s) => ({
      version: s.appInfo?.version,
      canPick: s.appInfo?.canPickFolder ?? false,
      served: s.appInfo?.servedFolder ?? null,
    })),
  );
  const served = info.canPick ? null : info.served;

  return (
    <main className="welcome" data-testid="welcome-screen">
      <header className="welcome-header">
        <h1>LoRA Tagger</h1>
        <p className="welcome-lede">Open a folder of images, tag every one, hand a trainer a dataset it accepts.</p>
      </header>

      {message && (
        <p
          className={`welcome-message welcome-message-${message.tone}`}
          data-testid={message.code === 'no-images' ? 'no-images-message' : 'welcome-message'}
          data-code={message.code}
          role={message.tone === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}

      <div className="welcome-actions">
        {info.canPick && (
          <button type="button" className="primary" data-testid="open-folder" onClick={() => void chooseFolder()}>
            Open folder…
          </button>
        )}
        {served && (
          <button type="button" className="primary" data-testid="open-served-folder" onClick={() => void openFolder(served)}>
            Open {served}
          </button>
        )}
      </div>

      <DropZone />
      <RecentFolders />

      {info.version && <footer className="welcome-footer">Version {info.version}</footer>}
    </main>
  );
}
