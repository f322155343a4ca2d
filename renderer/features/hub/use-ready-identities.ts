import type { IdentitySummary } from '../../../shared/bridge/signing-schemas.ts';
import { useIdentities } from '../reports/use-signing-lists.ts';

/** Signing identities that can sign now (certificate present); null while loading. */
export function useReadyIdentities(): IdentitySummary[] | null {
  const { data } = useIdentities();
  if (data.state === 'loading') return null;
  return data.state === 'ready' ? data.value.filter((i) => i.state === 'ready') : [];
}
