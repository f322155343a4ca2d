import type { Transaction } from 'dexie';

/** Default settings that v2 introduces; older databases get them on upgrade. */
export const DEFAULT_SETTINGS: Record<string, unknown> = {
  language: 'en',
  inspectorName: '',
  idlePolicyDays: 90,
};

/** Upgrade functions by target version. Each runs inside Dexie's upgrade transaction. */
export const UPGRADES: Record<number, (tx: Transaction) => Promise<void>> = {
  2: async (tx) => {
    await tx
      .table('settings')
      .bulkPut(Object.entries(DEFAULT_SETTINGS).map(([key, value]) => ({ key, value })));
    // v1 audits were created before the cursor existed in practice; make sure the field is
    // present so the resume logic can rely on it.
    await tx
      .table('audits')
      .toCollection()
      .modify((audit: { cursor?: unknown }) => {
        if (audit.cursor === undefined) audit.cursor = null;
      });
  },
};
