import { useEffect } from 'react';
import { useT } from '../i18n/use-t.ts';
import { useStore } from '../store/store.ts';
import './toasts.css';

export function Toasts() {
  const t = useT();
  const toasts = useStore((s) => s.toasts);
  const dismiss = useStore((s) => s.dismiss);
  useEffect(() => {
    // A toast offering Undo stays long enough to read it and reach the button.
    const timers = toasts
      .filter((x) => x.kind === 'info')
      .map((x) => setTimeout(() => dismiss(x.id), x.action ? 12_000 : 4000));
    return () => timers.forEach(clearTimeout);
  }, [toasts, dismiss]);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast toast-${toast.kind}`}
          role={toast.kind === 'error' ? 'alert' : undefined}
        >
          <span>{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                dismiss(toast.id);
                toast.action?.run();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" onClick={() => dismiss(toast.id)} aria-label={t('common.close')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
