import type { ReactNode } from 'react';
import { ModalForm } from './ModalForm.tsx';
import './dialog.css';

/**
 * A modal question (or small form) with a confirm and a cancel button. Cancel has the focus
 * first, so a stray Enter never confirms a deletion; a form passes `focusContent` and
 * autoFocuses its first field instead.
 */
export function ConfirmDialog(props: {
  title: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  danger?: boolean;
  busy?: boolean;
  focusContent?: boolean;
  wide?: boolean;
  children?: ReactNode;
}) {
  const { confirmLabel, onConfirm, focusContent, wide, ...rest } = props;
  return (
    <ModalForm
      {...rest}
      classes={{
        dialog: wide ? 'dialog dialog-wide' : 'dialog',
        body: 'dialog-body',
        buttons: 'dialog-buttons',
      }}
      submitLabel={confirmLabel}
      onSubmit={onConfirm}
      focusCancel={!focusContent}
    />
  );
}
