import { answerId } from '../../shared/domain/schemas.ts';
import { autoFindingId } from '../../shared/findings/findings.ts';
import type { AuditSnapshot } from '../../shared/snapshot/schema.ts';

/**
 * The snapshot with some of its device ids replaced by the ids of the same devices in this
 * database (matched by asset tag, serial or MAC when the inventory was entered separately).
 * Everything that names a device follows: answers (whose ids embed the device id), the
 * findings raised from those answers (whose ids derive from the answer's), evidence,
 * reconciliation marks and the audit's cursor. The embedded prior audit is left as it was:
 * comparisons match its devices by the same keys.
 */
export function remapDeviceIds(
  snapshot: AuditSnapshot,
  idMap: ReadonlyMap<string, string>,
): AuditSnapshot {
  if (idMap.size === 0) return snapshot;
  const dev = (id: string | null) => (id === null ? null : (idMap.get(id) ?? id));
  const findingIds = new Map<string, string>();
  const answers = snapshot.answers.map((a) => {
    const deviceId = dev(a.deviceId);
    const id = answerId(a.auditId, a.roomId, deviceId, a.itemId);
    if (id !== a.id) findingIds.set(autoFindingId(a.id), autoFindingId(id));
    return { ...a, id, deviceId };
  });
  const findings = snapshot.findings.map((f) => ({
    ...f,
    id: findingIds.get(f.id) ?? f.id,
    deviceId: dev(f.deviceId),
  }));
  const evidence = snapshot.evidence.map((e) => ({
    ...e,
    deviceId: dev(e.deviceId),
    findingId: e.findingId === null ? null : (findingIds.get(e.findingId) ?? e.findingId),
  }));
  const reconciliations = snapshot.reconciliations.map((r) => {
    const deviceId = dev(r.deviceId) ?? r.deviceId;
    return { ...r, id: `${r.auditId}|${deviceId}`, deviceId };
  });
  const cursor = snapshot.audit.cursor
    ? { ...snapshot.audit.cursor, deviceId: dev(snapshot.audit.cursor.deviceId) }
    : null;
  return {
    ...snapshot,
    devices: snapshot.devices.map((d) => ({ ...d, id: dev(d.id) ?? d.id })),
    audit: { ...snapshot.audit, cursor },
    answers,
    findings,
    evidence,
    reconciliations,
  };
}
