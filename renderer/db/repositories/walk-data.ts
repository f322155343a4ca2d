import type { RoomcheckDb } from '../db.ts';
import { getSetting } from './settings.ts';
import { isFrozen, readRecord } from './snapshot.ts';

/**
 * Everything one audit's walk needs, read in one transaction (a consistent picture even while
 * another tab writes); null when the audit does not exist. A completed audit is read from its
 * frozen record; one in progress from its scope (the devices and state fixed when it started),
 * the inventory's changes since then are listed live by ScopeChanges. A frozen
 * record that no longer matches its id throws DamagedRecordError.
 */
export async function readWalkData(db: RoomcheckDb, auditId: string) {
  return db.transaction(
    'r',
    [
      db.audits,
      db.auditRecords,
      db.auditScopes,
      db.templates,
      db.rooms,
      db.racks,
      db.devices,
      db.answers,
      db.findings,
      db.reconciliations,
      db.settings,
    ],
    async () => {
      const audit = await db.audits.get(auditId);
      if (!audit) return null;
      const [record, prior, inspector, idleDays] = await Promise.all([
        isFrozen(audit) ? readRecord(db, auditId) : Promise.resolve(undefined),
        audit.priorAuditId ? readRecord(db, audit.priorAuditId) : Promise.resolve(undefined),
        getSetting(db, 'inspectorName', ''),
        getSetting(db, 'idlePolicyDays', 90),
      ]);
      const settings = { inspector, idleDays, priorTitle: prior?.snapshot.audit.title ?? null };
      if (record) {
        const s = record.snapshot;
        return { ...settings, ...s, audit };
      }
      const [template, rooms, racks, scope, live, answers, findings, reconciliations] =
        await Promise.all([
          db.templates.get(audit.templateId),
          db.rooms.bulkGet(audit.roomIds),
          db.racks.where('roomId').anyOf(audit.roomIds).toArray(),
          db.auditScopes.get(auditId),
          db.devices.where('roomId').anyOf(audit.roomIds).toArray(),
          db.answers.where('auditId').equals(auditId).toArray(),
          db.findings.where('auditId').equals(auditId).toArray(),
          db.reconciliations.where('auditId').equals(auditId).toArray(),
        ]);
      return {
        ...settings,
        audit,
        template,
        rooms: rooms.filter((r) => r !== undefined),
        racks,
        devices: scope?.devices ?? live,
        answers,
        findings,
        reconciliations,
      };
    },
  );
}
