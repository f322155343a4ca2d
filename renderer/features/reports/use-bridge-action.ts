import { useCallback, useState } from 'react';

/**
 * Runs a bridge call from a dialog and keeps its error beside the form: a toast would sit
 * behind the modal dialog, out of reach. The message is main's sentence (already user-facing).
 */
export function useBridgeAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await action(...args);
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [action],
  );
  return { run, busy, error, setError };
}
