import type { ReactNode } from 'react';
import { ModalForm } from './ModalForm.tsx';
import './form-dialog.css';

/**
 * A modal form. The first field gets the focus via `autoFocus` in `children`; submitting runs
 * `onSubmit`, which decides whether to close.
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
  const { wide, ...rest } = props;
  return (
    <ModalForm
      {...rest}
      classes={{
        dialog: wide ? 'form-dialog wide' : 'form-dialog',
        body: 'form-dialog-body',
        buttons: 'form-dialog-buttons',
      }}
    />
  );
}
