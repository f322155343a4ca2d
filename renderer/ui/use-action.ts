import { useCallback, useState } from 'react';
import { useT } from '../i18n/use-t.ts';
import { useStore } from '../store/store.ts';
import { errorText } from './error-text.ts';

/** Runs a write; shows its error as a toast instead of losing it, and reports busy state. */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<unknown>) {
  const t = useT();
  const notify = useStore((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (...args: A): Promise<boolean> => {
      setBusy(true);
      try {
        await action(...args);
        return true;
      } catch (err) {
        notify('error', errorText(t, err));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [action, notify, t],
  );
  return { run, busy };
}
