import { useEffect, useId, useRef, type ReactNode } from 'react';
import './form-dialog.css';

/**
 * A modal form on the native <dialog> (focus trapped, Escape cancels). The first field gets the
 * focus via `autoFocus` in `children`; submitting runs `onSubmit`, which decides whether to close.
 */
export function FormDialog(props: {
  title: string;
  submitLabel: string;
  cancelLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  busy?: boolean;
  wide?: boolean;
  danger?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { onCancel } = props;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const cancel = (e: Event) => {
      e.preventDefault();
      onCancel();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
    };
  }, [onCancel]);
  return (
    <dialog
      ref={ref}
      className={`form-dialog${props.wide ? ' wide' : ''}`}
      aria-labelledby={titleId}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        <h2 id={titleId}>{props.title}</h2>
        <div className="form-dialog-body">{props.children}</div>
        <div className="form-dialog-buttons">
          <button type="button" className="secondary" onClick={props.onCancel}>
            {props.cancelLabel}
          </button>
          <button
            type="submit"
            className={props.danger ? 'primary danger' : 'primary'}
            disabled={props.busy}
          >
            {props.submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
