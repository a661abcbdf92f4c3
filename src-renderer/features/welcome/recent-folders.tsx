import { useShallow } from 'zustand/react/shallow';
import { openFolder, removeRecent } from '../../actions/open-folder';
import { useSessionStore } from '../../stores/session-store';

export function RecentFolders() {
  const recent = useSessionStore(useShallow((s) => s.appInfo?.recent ?? []));
  if (recent.length === 0) return null;
  return (
    <section className="recent-folders" aria-labelledby="recent-title">
      <h2 id="recent-title">Recent folders</h2>
      <ul>
        {recent.map((folder) => (
          <li key={folder.path} className="recent-folder" data-testid="recent-folder" data-path={folder.path}>
            <button
              type="button"
              className="recent-folder-open"
              data-testid="recent-folder-open"
              title={`Opened ${new Date(folder.openedAt).toLocaleString()}`}
              onClick={() => void openFolder(folder.path)}
            >
              <span className="recent-folder-name">{folder.name}</span>
              <span className="recent-folder-path">{folder.path}</span>
            </button>
            <button
              type="button"
              className="icon-button"
              data-testid="recent-folder-remove"
              aria-label={`Remove ${folder.name} from the list`}
              title="Remove from the list (the folder is not touched)"
              onClick={() => void removeRecent(folder.path)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
