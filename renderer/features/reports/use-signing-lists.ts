import { useCallback, useEffect, useState } from 'react';
import type { IdentitySummary, TrustList } from '../../../shared/bridge/signing-schemas.ts';
import { call } from '../../bridge/client.ts';

// Identities and trust anchors live in main, not in IndexedDB, so screens ask for them and ask
// again after each change (there is no live query across the bridge).

type Loaded<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: unknown };

function useBridgeList<T>(load: () => Promise<T>) {
  const [data, setData] = useState<Loaded<T>>({ state: 'loading' });
  const reload = useCallback(() => {
    load()
      .then((value) => setData({ state: 'ready', value }))
      .catch((error: unknown) => setData({ state: 'error', error }));
  }, [load]);
  useEffect(reload, [reload]);
  return { data, reload, set: (value: T) => setData({ state: 'ready', value }) };
}

const loadIdentities = () => call('identityList', {}).then((r) => r.identities);
const loadTrust = () => call('trustAnchorList', {});

export const useIdentities = () => useBridgeList<IdentitySummary[]>(loadIdentities);
export const useTrustList = () => useBridgeList<TrustList>(loadTrust);

/** Whether keys can be protected by the operating system (only in the desktop app). */
export function useOsKeyProtection(): boolean {
  const [ipc, setIpc] = useState(false);
  useEffect(() => {
    call('appInfo', {})
      .then((info) => setIpc(info.transport === 'ipc'))
      .catch(() => setIpc(false));
  }, []);
  return ipc;
}
