import { scopeChanges, type ScopeChange } from '../../../shared/audit/scope.ts';
import { ReconciliationSchema, type AuditScope } from '../../../shared/domain/schemas.ts';
import type { RoomcheckDb } from '../db.ts';
import { nowIso } from '../ids.ts';
import { writableAudit } from './audits.ts';
import { addToScope, reconciliationId } from './reconciliation.ts';

// Decisions about an audit's scope while it is in progress. The inventory of its rooms may
// change meanwhile (an edit, an import, a deletion); the walk-through shows each change as
// "changed since this audit started" and nothing enters or leaves the audit until somebody
// decides, recorded with who and when.

export type ScopeState = { scope: AuditScope; changes: ScopeChange[] };

/** The audit's scope and how its rooms' inventory differs from it now. */
export async function readScopeState(db: RoomcheckDb, auditId: string): Promise<ScopeState | null> {
  return db.transaction('r', [db.audits, db.auditScopes, db.devices], async () => {
    const [audit, scope] = await Promise.all([db.audits.get(auditId), db.auditScopes.get(auditId)]);
    if (!audit || !scope) return null;
    const devices = await db.devices.where('roomId').anyOf(audit.roomIds).toArray();
    return { scope, changes: scopeChanges(scope, audit.roomIds, devices) };
  });
}

async function changeOf(db: RoomcheckDb, auditId: string, deviceId: string) {
  const audit = await writableAudit(db, auditId);
  const scope = await db.auditScopes.get(auditId);
  if (!scope) throw new Error('This audit has no recorded scope.');
  const devices = await db.devices.where('roomId').anyOf(audit.roomIds).toArray();
  const change = scopeChanges(scope, audit.roomIds, devices).find((c) =>
    c.kind === 'removed' ? c.recorded.id === deviceId : c.device.id === deviceId,
  );
  if (!change) throw new Error('This device has not changed since the audit started.');
  return { audit, scope, change };
}

const TABLES = (db: RoomcheckDb) => [db.audits, db.auditScopes, db.devices, db.reconciliations];

/**
 * Takes the inventory's current record of a device into the audit: a device added to its rooms
 * since the start joins the scope ("brought in"), an edited one replaces its recorded state.
 */
export async function bringIntoScope(
  db: RoomcheckDb,
  auditId: string,
  deviceId: string,
  by: string,
): Promise<void> {
  await db.transaction('rw', TABLES(db), async () => {
    const { change } = await changeOf(db, auditId, deviceId);
    if (change.kind === 'removed') throw new Error('This device is no longer in the inventory.');
    await addToScope(
      db,
      auditId,
      change.device,
      change.kind === 'added' ? 'brought_in' : 'updated',
      by,
      nowIso(),
    );
  });
}

/** A device added to the audit's rooms since the start, recorded as found here unexpectedly. */
export async function recordAsUnexpected(
  db: RoomcheckDb,
  auditId: string,
  deviceId: string,
  by: string,
): Promise<void> {
  await db.transaction('rw', TABLES(db), async () => {
    const { change } = await changeOf(db, auditId, deviceId);
    if (change.kind !== 'added')
      throw new Error('Only a device added since the audit started can be recorded as unexpected.');
    const at = nowIso();
    await addToScope(db, auditId, change.device, 'unexpected', by, at);
    await db.reconciliations.put(
      ReconciliationSchema.parse({
        id: reconciliationId(auditId, deviceId),
        auditId,
        deviceId,
        roomId: change.device.roomId,
        state: 'unexpected',
        note: '',
        by,
        at,
      }),
    );
  });
}

/** Takes a device that left the inventory of the audit's rooms out of the audit's scope. */
export async function removeFromScope(
  db: RoomcheckDb,
  auditId: string,
  deviceId: string,
  by: string,
): Promise<void> {
  await db.transaction('rw', TABLES(db), async () => {
    const { scope, change } = await changeOf(db, auditId, deviceId);
    if (change.kind !== 'removed')
      throw new Error('Only a device no longer in the inventory can leave the scope.');
    await db.auditScopes.put({
      ...scope,
      devices: scope.devices.filter((d) => d.id !== deviceId),
      decisions: [...scope.decisions, { deviceId, kind: 'removed', by, at: nowIso() }],
    });
    await db.reconciliations.delete(reconciliationId(auditId, deviceId));
  });
}
