import { useEffect } from 'react';
import { dismissToast, useUiStore } from '../stores/ui-store';

const SHOW_MS = { info: 2500, error: 8000 } as const;

/** One message at a time at the bottom; errors stay longer and can be dismissed. */
export function ToastView() {
  const toast = useUiStore((s) => s.toast);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => dismissToast(toast.id), SHOW_MS[toast.tone]);
    return () => clearTimeout(timer);
  }, [toast]);
  if (!toast) return null;
  return (
    <div
      className={`toast toast-${toast.tone}`}
      data-testid="toast"
      data-tone={toast.tone}
      role={toast.tone === 'error' ? 'alert' : 'status'}
    >
      <span>{toast.text}</span>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismissToast(toast.id)}>
        ×
      </button>
    </div>
  );
}
