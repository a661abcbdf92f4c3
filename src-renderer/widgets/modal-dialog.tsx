import { type ReactNode, useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';

interface ModalDialogProps {
  title: string;
  testId: string;
  onClose(): void;
  children: ReactNode;
  /** extra attributes tests and styles can read, like the dialog's mode */
  data?: Record<`data-${string}`, string>;
}

/**
 * A modal over the tagging screen. Keys pressed inside stay inside: ← must not
 * change the image behind a confirmation, and Escape closes the dialog rather
 * than leaving a field. Focus goes to the first field, or to an element marked
 * `data-autofocus`, on open.
 */
export function ModalDialog({ title, testId, onClose, children, data }: ModalDialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // the first field, else whatever the content marked; never the header's × (Enter there would close)
    const box = ref.current;
    const first = box?.querySelector<HTMLElement>('input, textarea, select') ?? box?.querySelector<HTMLElement>('[data-autofocus]');
    first?.focus();
  }, []);
  // on <body>: a dialog opened from a panel must not be clipped or hidden with it
  return createPortal(
    <div className="overlay-backdrop" onMouseDown={onClose}>
      <div
        ref={ref}
        className="overlay modal-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        {...data}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
          e.stopPropagation();
        }}
      >
        <header className="overlay-header">
          <h2>{title}</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </div>
    </div>,
    document.body,
  );
}
