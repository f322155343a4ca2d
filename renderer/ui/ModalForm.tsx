import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * The scaffolding under ConfirmDialog and FormDialog: a form in a native modal <dialog> (focus
 * trapped, Escape cancels without any code of ours) with a title, a body and cancel/submit
 * buttons. Each caller brings its own look through the class names.
 */
export function ModalForm(props: {
  classes: { dialog: string; body: string; buttons: string };
  title: string;
  submitLabel: string;
  cancelLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  danger?: boolean;
  busy?: boolean;
  /** Cancel takes the focus first, so a stray Enter never confirms a deletion. */
  focusCancel?: boolean;
  children?: ReactNode;
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
    <dialog ref={ref} className={props.classes.dialog} aria-labelledby={titleId}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        <h2 id={titleId}>{props.title}</h2>
        <div className={props.classes.body}>{props.children}</div>
        <div className={props.classes.buttons}>
          <button
            type="button"
            className="secondary"
            onClick={props.onCancel}
            autoFocus={props.focusCancel}
          >
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
