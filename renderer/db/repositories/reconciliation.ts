import {
  DeviceSchema,
  ReconciliationSchema,
  type ScopeDecision,
  type Device,
  type Reconciliation,
} from '../../../shared/domain/schemas.ts';
import type { ReconciliationState } from '../../../shared/domain/enums.ts';
import type { RoomcheckDb } from '../db.ts';
import { newId, nowIso } from '../ids.ts';
import { writableAudit } from './audits.ts';
import { DuplicateAssetTagError } from './inventory.ts';

// Reconciliation: what the inspector finds in the room against what the inventory says. One
// record per audit and device; "found" is the default and is stored as the absence of a record.

export const reconciliationId = (auditId: string, deviceId: string) => `${auditId}|${deviceId}`;

export type MarkInput = {
  auditId: string;
  deviceId: string;
  state: Exclude<ReconciliationState, 'unexpected'>;
  note: string;
  by: string;
};

/** Marks a device not found or at the wrong location, or ("found") clears the mark. */
export async function markDevice(
  db: RoomcheckDb,
  input: MarkInput,
): Promise<Reconciliation | null> {
  return db.transaction('rw', [db.audits, db.auditScopes, db.reconciliations], async () => {
    const audit = await writableAudit(db, input.auditId);
    // The device as the audit recorded it: it stays markable after an edit or a deletion.
    const scope = await db.auditScopes.get(audit.id);
    const device = scope?.devices.find((d) => d.id === input.deviceId);
    if (!device) throw new Error('This device is not in the scope of this audit.');
    const id = reconciliationId(audit.id, device.id);
    const current = await db.reconciliations.get(id);
    // A device that was not in the inventory stays "unexpected": that is what the report needs.
    if (current?.state === 'unexpected') return current;
    if (input.state === 'found') {
      await db.reconciliations.delete(id);
      return null;
    }
    const record = ReconciliationSchema.parse({
      id,
      auditId: audit.id,
      deviceId: device.id,
      roomId: device.roomId,
      state: input.state,
      note: input.note,
      by: input.by,
      at: nowIso(),
    });
    await db.reconciliations.put(record);
    return record;
  });
}

export type UnexpectedDeviceInput = {
  auditId: string;
  draft: Omit<Device, 'id' | 'createdAt' | 'updatedAt' | 'firstSeenAuditId'>;
  note: string;
  by: string;
};

/**
 * Records a device found in the room that the inventory did not list: the device joins the
 * inventory (first seen in this audit) and is flagged "unexpected", in one transaction.
 */
export async function addUnexpectedDevice(
  db: RoomcheckDb,
  input: UnexpectedDeviceInput,
): Promise<{ device: Device; record: Reconciliation }> {
  return db.transaction(
    'rw',
    [db.audits, db.devices, db.reconciliations, db.auditScopes],
    async () => {
      const audit = await writableAudit(db, input.auditId);
      if (!audit.roomIds.includes(input.draft.roomId))
        throw new Error('This room is not part of the audit.');
      const now = nowIso();
      const device = DeviceSchema.parse({
        ...input.draft,
        id: newId(),
        firstSeenAuditId: audit.id,
        createdAt: now,
        updatedAt: now,
      });
      if (device.assetTag) {
        const clash = await db.devices
          .where('[siteId+assetTag]')
          .equals([device.siteId, device.assetTag])
          .first();
        if (clash) throw new DuplicateAssetTagError(device.assetTag);
      }
      const record = ReconciliationSchema.parse({
        id: reconciliationId(audit.id, device.id),
        auditId: audit.id,
        deviceId: device.id,
        roomId: device.roomId,
        state: 'unexpected',
        note: input.note,
        by: input.by,
        at: now,
      });
      await db.devices.add(device);
      await db.reconciliations.add(record);
      await addToScope(db, audit.id, device, 'unexpected', input.by, now);
      return { device, record };
    },
  );
}

/** Puts a device into an audit's scope with the decision that brought it. Inside a transaction. */
export async function addToScope(
  db: RoomcheckDb,
  auditId: string,
  device: Device,
  kind: ScopeDecision['kind'],
  by: string,
  at: string,
): Promise<void> {
  const scope = await db.auditScopes.get(auditId);
  if (!scope) throw new Error('This audit has no recorded scope.');
  await db.auditScopes.put({
    ...scope,
    devices: [...scope.devices.filter((d) => d.id !== device.id), device],
    decisions: [...scope.decisions, { deviceId: device.id, kind, by, at }],
  });
}

export const listReconciliations = (db: RoomcheckDb, auditId: string): Promise<Reconciliation[]> =>
  db.reconciliations.where('auditId').equals(auditId).toArray();
