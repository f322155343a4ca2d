import { auditPlan, findStep, stepKey } from '../../../shared/checklist/applicability.ts';
import type { Finding } from '../../../shared/domain/schemas.ts';
import { isCarried } from '../../../shared/findings/lifecycle.ts';
import { DamagedRecordError } from '../../../shared/record/record-id.ts';
import { db } from '../../db/instance.ts';
import { readWalkData } from '../../db/repositories/walk-data.ts';
import { indexAnswers, type WalkData } from '../../store/slices/walkthrough.ts';

export type LoadedWalk =
  { walk: WalkData; index: number } | { missing: 'audit' | 'template' | 'damagedRecord' };

/** What each screen of an audit says when it cannot show it. */
export const MISSING_TEXT = {
  audit: 'walk.notFound',
  template: 'walk.templateMissing',
  damagedRecord: 'walk.recordDamaged',
} as const;

/** The inspection day in the inspector's own calendar (not UTC: an 01:00 walk is "today"). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Reads one audit and everything its walk needs (renderer/db/repositories/walk-data.ts),
 * builds the plan and finds where to resume.
 */
export async function loadWalk(auditId: string): Promise<LoadedWalk> {
  try {
    return await readWalk(auditId);
  } catch (err) {
    // A record that no longer matches its id is not shown as if it were the record.
    if (err instanceof DamagedRecordError) return { missing: 'damagedRecord' };
    throw err;
  }
}

async function readWalk(auditId: string): Promise<LoadedWalk> {
  const data = await readWalkData(db(), auditId);
  if (!data) return { missing: 'audit' };
  if (!data.template) return { missing: 'template' };
  const plan = auditPlan(data.template, data.rooms, data.racks, data.devices);
  const carried = new Map<string, Finding>();
  for (const f of data.findings)
    if (isCarried(f) && f.itemId) carried.set(stepKey(f.roomId, f.deviceId, f.itemId), f);
  const walk: WalkData = {
    audit: data.audit,
    template: data.template,
    rooms: data.rooms,
    racksById: new Map(data.racks.map((r) => [r.id, r])),
    devices: new Map(data.devices.map((d) => [d.id, d])),
    plan,
    ...indexAnswers(plan, data.answers),
    reconciliations: new Map(data.reconciliations.map((r) => [r.deviceId, r])),
    carried,
    priorTitle: data.priorTitle,
    inspector: data.inspector || data.audit.inspectors[0] || '',
    idlePolicyDays: Number.isInteger(data.idleDays) && data.idleDays >= 0 ? data.idleDays : 90,
    today: localToday(),
  };
  const resumed = data.audit.cursor ? findStep(plan, data.audit.cursor) : null;
  return { walk, index: resumed ?? 0 };
}
