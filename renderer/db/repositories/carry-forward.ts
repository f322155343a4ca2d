import { carryForward } from '../../../shared/audit/carry-forward.ts';
import { AuditSchema, answerId, type Audit, type Finding } from '../../../shared/domain/schemas.ts';
import { autoFindingId } from '../../../shared/findings/findings.ts';
import type { RoomcheckDb } from '../db.ts';
import { ExchangeError } from '../exchange-error.ts';
import { newId, nowIso } from '../ids.ts';
import { scopeAtStart } from '../../../shared/audit/scope.ts';
import { currentTimeZone, EMPTY_BRIEF, type AuditBrief } from '../../../shared/audit/brief.ts';
import { loadAuditSide, SIDE_TABLES } from './audit-sides.ts';
import { findingsAsTheyStand } from './finding-events.ts';

/** Ids for carried findings: the item's own finding id where free, else one derived from the prior finding. */
function carriedFindingIds(auditId: string): (f: Finding) => string {
  const taken = new Set<string>();
  return (f) => {
    const own =
      f.itemId === null ? null : autoFindingId(answerId(auditId, f.roomId, f.deviceId, f.itemId));
    const chosen = own && !taken.has(own) ? own : `${auditId}|${f.id}`;
    taken.add(chosen);
    return chosen;
  };
}

export type CarryForwardInput = {
  priorAuditId: string;
  title: string;
  inspectors: string[];
  /** Defaults to the prior audit's checklist when this database has it, else the first template. */
  templateId?: string;
  /** Objectives, audit client and auditees; the client and auditees default to the prior's. */
  brief?: AuditBrief;
  /** The site's IANA time zone; this computer's when not given. */
  timeZone?: string;
};

export type CarriedAudit = {
  audit: Audit;
  /** Open findings of the prior audit that the new audit must re-check. */
  recheck: number;
  /** Devices of the prior inventory that were absent here and came back with it. */
  devicesRestored: number;
  /** Devices whose first-seen audit was unknown and is now the prior audit (or earlier). */
  firstSeenFilled: number;
};

/**
 * Starts a new audit that follows a prior one, in one transaction: the prior's rooms, its
 * inventory (devices already here are left as they are, only their first-seen audit filled
 * in when unknown), and a copy of every finding still open, first-seen date intact, to be
 * re-checked. A carried finding is recognised later as recurring by compareAudits.
 */
export async function startAuditFromPrior(
  db: RoomcheckDb,
  input: CarryForwardInput,
): Promise<CarriedAudit> {
  const now = nowIso();
  const id = newId();
  const tables = [...SIDE_TABLES(db), db.templates, db.rooms, db.findingEvents];
  return db.transaction('rw', tables, async () => {
    const side = await loadAuditSide(db, input.priorAuditId);
    if (!side)
      throw new ExchangeError('prior_missing', 'The prior audit is no longer in this database.');
    // Its findings as they stand now: one closed since its completion is not carried, one
    // reopened since is, with the status the last change gave it.
    const prior = { ...side, findings: await findingsAsTheyStand(db, side.findings, [side.audit]) };
    const rooms = (await db.rooms.bulkGet(prior.audit.roomIds)).filter((r) => r !== undefined);
    if (rooms.length === 0)
      throw new ExchangeError('room_missing', 'None of the prior audit’s rooms exists here.');
    const roomIds = new Set(rooms.map((r) => r.id));
    const templates = await db.templates.toArray();
    const template =
      templates.find((t) => t.id === input.templateId) ??
      templates.find((t) => t.id === prior.audit.templateId) ??
      templates[0];
    if (!template) throw new Error('No checklist template is available.');

    // A carried finding of a check item takes the id the walk-through gives that item's
    // finding in the new audit, so failing it again finds the carried (recurring) finding
    // instead of raising a duplicate beside it.
    const carried = carryForward(
      { ...prior, devices: prior.devices.filter((d) => roomIds.has(d.roomId)) },
      id,
      now,
      { makeFindingId: carriedFindingIds(id) },
    );
    const audit = AuditSchema.parse({
      id,
      siteId: prior.audit.siteId,
      roomIds: [...roomIds],
      title: input.title,
      templateId: template.id,
      templateVersion: template.version,
      inspectors: input.inspectors,
      status: 'in_progress',
      startedAt: now,
      completedAt: null,
      priorAuditId: prior.audit.id,
      reopenLog: [],
      cursor: null,
      createdAt: now,
      updatedAt: now,
      ...(input.brief ?? {
        ...EMPTY_BRIEF,
        auditClient: prior.audit.auditClient,
        auditees: prior.audit.auditees,
      }),
      timeZone: input.timeZone ?? currentTimeZone(),
    });

    const local = await db.devices.bulkGet(carried.devices.map((d) => d.id));
    const restored = carried.devices.filter((_d, i) => !local[i]);
    const filled = local.flatMap((d, i) =>
      d && d.firstSeenAuditId === null
        ? [{ ...d, firstSeenAuditId: carried.devices[i]!.firstSeenAuditId, updatedAt: now }]
        : [],
    );
    const findings = carried.findings.filter((f) => roomIds.has(f.roomId));
    await Promise.all([
      db.audits.add(audit),
      db.devices.bulkAdd(restored),
      db.devices.bulkPut(filled),
      db.findings.bulkAdd(findings),
    ]);
    // The scope is fixed now, from the rooms' inventory as the carry-forward left it.
    const devices = await db.devices.where('roomId').anyOf(audit.roomIds).toArray();
    await db.auditScopes.add(scopeAtStart(audit, devices));
    return {
      audit,
      recheck: findings.length,
      devicesRestored: restored.length,
      firstSeenFilled: filled.length,
    };
  });
}
