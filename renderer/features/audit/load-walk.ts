import { auditPlan, findStep } from '../../../shared/checklist/applicability.ts';
import { db } from '../../db/instance.ts';
import { getSetting } from '../../db/repositories/settings.ts';
import { indexAnswers, type WalkData } from '../../store/slices/walkthrough.ts';

export type LoadedWalk = { walk: WalkData; index: number } | { missing: 'audit' | 'template' };

/** The inspection day in the inspector's own calendar (not UTC: an 01:00 walk is "today"). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Reads one audit and everything its walk needs in one read transaction (a consistent picture
 * even while another tab writes), builds the plan and finds where to resume.
 */
export async function loadWalk(auditId: string): Promise<LoadedWalk> {
  const database = db();
  const data = await database.transaction(
    'r',
    [
      database.audits,
      database.templates,
      database.rooms,
      database.racks,
      database.devices,
      database.answers,
      database.reconciliations,
      database.settings,
    ],
    async () => {
      const audit = await database.audits.get(auditId);
      if (!audit) return null;
      const [template, rooms, racks, devices, answers, reconciliations, inspector, idleDays] =
        await Promise.all([
          database.templates.get(audit.templateId),
          database.rooms.bulkGet(audit.roomIds),
          database.racks.where('roomId').anyOf(audit.roomIds).toArray(),
          database.devices.where('roomId').anyOf(audit.roomIds).toArray(),
          database.answers.where('auditId').equals(auditId).toArray(),
          database.reconciliations.where('auditId').equals(auditId).toArray(),
          getSetting(database, 'inspectorName', ''),
          getSetting(database, 'idlePolicyDays', 90),
        ]);
      return {
        audit,
        template,
        rooms,
        racks,
        devices,
        answers,
        reconciliations,
        inspector,
        idleDays,
      };
    },
  );
  if (!data) return { missing: 'audit' };
  if (!data.template) return { missing: 'template' };
  const rooms = data.rooms.filter((r) => r !== undefined);
  const plan = auditPlan(data.template, rooms, data.racks, data.devices);
  const walk: WalkData = {
    audit: data.audit,
    template: data.template,
    rooms,
    racksById: new Map(data.racks.map((r) => [r.id, r])),
    devices: new Map(data.devices.map((d) => [d.id, d])),
    plan,
    ...indexAnswers(plan, data.answers),
    reconciliations: new Map(data.reconciliations.map((r) => [r.deviceId, r])),
    inspector: data.inspector || data.audit.inspectors[0] || '',
    idlePolicyDays: Number.isInteger(data.idleDays) && data.idleDays >= 0 ? data.idleDays : 90,
    today: localToday(),
  };
  const resumed = data.audit.cursor ? findStep(plan, data.audit.cursor) : null;
  return { walk, index: resumed ?? 0 };
}
