import type { Transaction } from 'dexie';
import { scopeAtStart } from '../../shared/audit/scope.ts';
import type { Audit, Device } from '../../shared/domain/schemas.ts';
import { FIRST_VERSIONS, upgradeRecord } from '../../shared/migrations/records.ts';
import { frozenBeside } from '../../shared/record/frozen-record.ts';
import { recordId } from '../../shared/record/record-id.ts';
import { parseAnySnapshot, type AuditSnapshot } from '../../shared/snapshot/schema.ts';

/** Default settings that v2 introduces; older databases get them on upgrade. */
export const DEFAULT_SETTINGS: Record<string, unknown> = {
  language: 'en',
  inspectorName: '',
  idlePolicyDays: 90,
};

/** Frozen records brought to the current snapshot version through the shared chain. */
async function upgradeFrozenRecords(tx: Transaction): Promise<void> {
  await tx
    .table('auditRecords')
    .toCollection()
    .modify((row: { snapshot: unknown; frozen?: unknown; recordId?: string }) => {
      const parsed = parseAnySnapshot(row.snapshot);
      // A record that does not read stays as it was, to be reported where it is used.
      if (!parsed.success) return;
      // A record with an id keeps the content its id is of (record-id.ts, frozenBeside).
      const frozen = frozenBeside(row, parsed.data);
      if (frozen !== undefined) row.frozen = frozen;
      row.snapshot = parsed.data;
    });
}

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
  // Rows of databases 1-3 hold records of version 1 (FIRST_VERSIONS); they go through the
  // same chain as every file does.
  4: async (tx) => {
    await tx
      .table('findings')
      .toCollection()
      .modify((finding: Record<string, unknown>, ref: { value: unknown }) => {
        ref.value = upgradeRecord('finding', finding, FIRST_VERSIONS.finding);
      });
    await upgradeFrozenRecords(tx);
    const [audits, devices] = await Promise.all([
      tx.table('audits').toArray() as Promise<Audit[]>,
      tx.table('devices').toArray() as Promise<Device[]>,
    ]);
    // The best record of what an audit started before scopes existed inspects: its rooms'
    // devices as they are now.
    await tx.table('auditScopes').bulkPut(audits.map((a) => scopeAtStart(a, devices)));
  },
  // Rows of database 4 hold devices and scopes of version 1.
  5: async (tx) => {
    const upgrade = (type: 'device' | 'scope') => (row: unknown, ref: { value: unknown }) => {
      ref.value = upgradeRecord(type, row, 1);
    };
    await tx.table('devices').toCollection().modify(upgrade('device'));
    await tx.table('auditScopes').toCollection().modify(upgrade('scope'));
    await upgradeFrozenRecords(tx);
  },
  // Database 5 holds audits of record version 1; their frozen records upgrade with them.
  6: async (tx) => {
    await tx
      .table('audits')
      .toCollection()
      .modify((audit: Record<string, unknown>, ref: { value: unknown }) => {
        ref.value = upgradeRecord('audit', audit, 1);
      });
    await upgradeFrozenRecords(tx);
  },
  // Records written before ids existed get theirs from their content as it is now: the
  // upgrade cannot know an earlier content, and from here on any change to it is caught.
  7: async (tx) => {
    await tx
      .table('auditRecords')
      .toCollection()
      .modify((row: { snapshot: AuditSnapshot; recordId?: string }) => {
        // A record that does not read stays without an id: reading it reports it damaged.
        if (row.recordId !== undefined || !parseAnySnapshot(row.snapshot).success) return;
        row.recordId = recordId(row.snapshot);
      });
  },
};
