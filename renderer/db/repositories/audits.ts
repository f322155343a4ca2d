import type { Lang } from '../../../shared/i18n/lang.ts';
import {
  AnswerSchema,
  AuditSchema,
  FindingSchema,
  answerId,
  type Answer,
  type Audit,
  type AuditCursor,
  type Finding,
} from '../../../shared/domain/schemas.ts';
import { effectiveSeverity } from '../../../shared/checklist/effective-severity.ts';
import { scopeAtStart } from '../../../shared/audit/scope.ts';
import { currentTimeZone, EMPTY_BRIEF, type AuditBrief } from '../../../shared/audit/brief.ts';
import { isTimeZone } from '../../../shared/report/time-zone.ts';
import { autoFindingId, firstSighting, isWithdrawable } from '../../../shared/findings/findings.ts';
import { isCarried } from '../../../shared/findings/lifecycle.ts';
import type { AnswerResult } from '../../../shared/domain/enums.ts';
import type { RoomcheckDb } from '../db.ts';
import { newId, nowIso } from '../ids.ts';
import { CONTENT_TABLES, writeRecord } from './snapshot.ts';

export type StartAuditInput = {
  siteId: string;
  roomIds: string[];
  templateId: string;
  title: string;
  inspectors: string[];
  priorAuditId?: string | null;
  /** Objectives, audit client and auditees; empty when not given. */
  brief?: AuditBrief;
  /** The site's IANA time zone; this computer's when not given. */
  timeZone?: string;
};

export async function startAudit(db: RoomcheckDb, input: StartAuditInput): Promise<Audit> {
  const now = nowIso();
  return db.transaction('rw', [db.audits, db.templates, db.devices, db.auditScopes], async () => {
    const template = await db.templates.get(input.templateId);
    if (!template) throw new Error('The chosen checklist template no longer exists.');
    const audit = AuditSchema.parse({
      id: newId(),
      siteId: input.siteId,
      roomIds: input.roomIds,
      title: input.title,
      templateId: template.id,
      templateVersion: template.version,
      inspectors: input.inspectors,
      status: 'in_progress',
      startedAt: now,
      completedAt: null,
      priorAuditId: input.priorAuditId ?? null,
      reopenLog: [],
      cursor: null,
      createdAt: now,
      updatedAt: now,
      ...(input.brief ?? EMPTY_BRIEF),
      timeZone: input.timeZone ?? currentTimeZone(),
    });
    // The scope is fixed now: the rooms' devices with the state the audit will use.
    const devices = await db.devices.where('roomId').anyOf(audit.roomIds).toArray();
    await Promise.all([db.audits.add(audit), db.auditScopes.add(scopeAtStart(audit, devices))]);
    return audit;
  });
}

export const getAudit = (db: RoomcheckDb, id: string) => db.audits.get(id);

export const listAuditsOfSite = (db: RoomcheckDb, siteId: string): Promise<Audit[]> =>
  db.audits.where('siteId').equals(siteId).reverse().sortBy('startedAt');

/** Every audit, newest first by start (not indexed: nothing else queries it). */
export const listAllAudits = async (db: RoomcheckDb): Promise<Audit[]> =>
  (await db.audits.toArray()).sort((a, b) => b.startedAt.localeCompare(a.startedAt));

export const listAnswers = (db: RoomcheckDb, auditId: string): Promise<Answer[]> =>
  db.answers.where('auditId').equals(auditId).toArray();

export class AuditLockedError extends Error {
  constructor() {
    super('This audit is completed; reopen it to change answers.');
    this.name = 'AuditLockedError';
  }
}

export const isLocked = (audit: Pick<Audit, 'status'>): boolean =>
  audit.status === 'completed' || audit.status === 'signed';

/** The audit, for a write that must not touch a completed one. Call inside a transaction. */
export async function writableAudit(db: RoomcheckDb, auditId: string): Promise<Audit> {
  const audit = await db.audits.get(auditId);
  if (!audit) throw new Error('This audit no longer exists.');
  if (isLocked(audit)) throw new AuditLockedError();
  return audit;
}

export type AnswerInput = {
  auditId: string;
  roomId: string;
  deviceId: string | null;
  itemId: string;
  result: AnswerResult;
  note: string;
  by: string;
  prejudged?: Answer['prejudged'];
  /** Where to resume after this answer (usually the next step); defaults to this item. */
  cursorAfter?: AuditCursor;
  /** Language of the title given to a finding this answer raises. */
  lang?: Lang;
};

export type SavedAnswer = {
  answer: Answer;
  /** The finding a failed answer raised or still has; null otherwise. */
  finding: Finding | null;
  /** A finding that stays although the answer is no longer "fail" (somebody worked on it). */
  keptFinding: Finding | null;
};

/**
 * Records one answer, moves the audit's cursor and keeps the answer's finding in step, in one
 * transaction: after a crash the answer, its finding and the place to resume are either all
 * there or all not. A "fail" raises a finding (severity from the item for this device); changing
 * the answer withdraws that finding again unless somebody has worked on it (isWithdrawable).
 */
export async function recordAnswer(db: RoomcheckDb, input: AnswerInput): Promise<SavedAnswer> {
  const id = answerId(input.auditId, input.roomId, input.deviceId, input.itemId);
  const answer = AnswerSchema.parse({
    id,
    auditId: input.auditId,
    roomId: input.roomId,
    deviceId: input.deviceId,
    itemId: input.itemId,
    result: input.result,
    note: input.note,
    prejudged: input.prejudged ?? null,
    by: input.by,
    at: nowIso(),
  });
  const findingId = autoFindingId(id);
  const cursor: AuditCursor = input.cursorAfter ?? {
    roomId: input.roomId,
    deviceId: input.deviceId,
    itemId: input.itemId,
  };
  // Two round trips per answer: read the audit (lock check), the previous answer and the
  // finding together, then write together. This is the keypress path of the walk-through.
  return db.transaction(
    'rw',
    [db.audits, db.answers, db.findings, db.evidence, db.templates, db.auditScopes],
    async () => {
      const [audit, previous, existing] = await Promise.all([
        db.audits.get(input.auditId),
        db.answers.get(id),
        db.findings.get(findingId),
      ]);
      if (!audit) throw new Error('This audit no longer exists.');
      if (isLocked(audit)) throw new AuditLockedError();
      const writes: Promise<unknown>[] = [
        db.answers.put(answer),
        db.audits.put({ ...audit, cursor, updatedAt: answer.at }),
      ];

      let result: SavedAnswer = { answer, finding: null, keptFinding: null };
      if (answer.result === 'fail') {
        if (!existing) {
          writes.push(
            raiseFinding(db, audit, answer, findingId, input.lang ?? 'en').then((finding) => {
              result = { answer, finding, keptFinding: null };
            }),
          );
        } else {
          let next = existing;
          // The note of a failed item is the finding's detail until somebody edits the detail.
          if (existing.detail === (previous?.note ?? '') && existing.detail !== answer.note)
            next = { ...next, detail: answer.note };
          // A carried finding failing again was seen again in this audit: it recurs.
          if (isCarried(existing) && !existing.seenIn.some((s) => s.auditId === audit.id))
            next = { ...next, seenIn: [...next.seenIn, { auditId: audit.id, at: answer.at }] };
          if (next !== existing) {
            next = { ...next, updatedAt: answer.at };
            writes.push(db.findings.put(next));
          }
          result = { answer, finding: next, keptFinding: null };
        }
      } else if (existing) {
        const evidence = await db.evidence.where('findingId').equals(existing.id).count();
        if (isWithdrawable(existing, evidence)) writes.push(db.findings.delete(existing.id));
        else result = { answer, finding: null, keptFinding: existing };
      }
      await Promise.all(writes);
      return result;
    },
  );
}

/** recordAnswer for callers that only need the stored answer. */
export async function saveAnswer(db: RoomcheckDb, input: AnswerInput): Promise<Answer> {
  return (await recordAnswer(db, input)).answer;
}

async function raiseFinding(
  db: RoomcheckDb,
  audit: Audit,
  answer: Answer,
  findingId: string,
  lang: Lang,
): Promise<Finding> {
  // Only a failing answer pays for these reads; "pass" stays at three requests.
  // Severity from the device's state as the audit recorded it (its scope), not as edited since.
  const [template, scope] = await Promise.all([
    db.templates.get(audit.templateId),
    answer.deviceId ? db.auditScopes.get(audit.id) : Promise.resolve(undefined),
  ]);
  const device = scope?.devices.find((d) => d.id === answer.deviceId);
  const item = template?.items.find((i) => i.id === answer.itemId);
  const severity = item ? effectiveSeverity(item, device ?? null) : 'medium';
  const text = item ? item.text[lang] : answer.itemId;
  const finding = FindingSchema.parse({
    id: findingId,
    auditId: audit.id,
    roomId: answer.roomId,
    deviceId: answer.deviceId,
    itemId: answer.itemId,
    severity,
    severityChanges: [],
    title: `${answer.itemId}: ${text}`.slice(0, 300),
    detail: answer.note,
    remediation: '',
    owner: '',
    dueDate: null,
    status: 'open',
    statusReason: '',
    firstSeenAuditId: audit.id,
    firstSeenAt: answer.at,
    ...firstSighting(findingId, audit.id, answer.at),
    createdAt: answer.at,
    updatedAt: answer.at,
  });
  await db.findings.put(finding);
  return finding;
}

/** Remembers where the inspector is without answering (moving around, searching). */
export async function moveCursor(
  db: RoomcheckDb,
  auditId: string,
  cursor: AuditCursor,
): Promise<void> {
  await db.transaction('rw', db.audits, async () => {
    const audit = await db.audits.get(auditId);
    // A completed audit keeps the cursor it was completed with; looking around changes nothing.
    if (!audit || isLocked(audit)) return;
    await db.audits.update(auditId, { cursor });
  });
}

export class UnknownTimeZoneError extends Error {
  constructor(readonly timeZone: string) {
    super(`"${timeZone}" is not a time zone; choose an IANA name such as Asia/Shanghai or UTC.`);
    this.name = 'UnknownTimeZoneError';
  }
}

/**
 * Changes an audit's objectives, audit client, auditees and (when given) time zone while it is
 * in progress; refused once it is completed, since the record is then frozen. A zone this
 * computer does not know is refused too: the report could not show moments in it.
 */
export async function updateAuditBrief(
  db: RoomcheckDb,
  auditId: string,
  brief: AuditBrief & { timeZone?: string },
): Promise<Audit> {
  if (brief.timeZone !== undefined && !isTimeZone(brief.timeZone))
    throw new UnknownTimeZoneError(brief.timeZone);
  return db.transaction('rw', [db.audits], async () => {
    const audit = await writableAudit(db, auditId);
    const next = AuditSchema.parse({
      ...audit,
      objectives: brief.objectives,
      auditClient: brief.auditClient,
      auditees: brief.auditees,
      timeZone: brief.timeZone ?? audit.timeZone,
      updatedAt: nowIso(),
    });
    await db.audits.put(next);
    return next;
  });
}

/**
 * Completes the audit and writes its frozen record in the same transaction: from now on every
 * screen and report of it is built from that record, whatever happens to the inventory.
 */
export async function completeAudit(
  db: RoomcheckDb,
  auditId: string,
  appVersion = '0.0.0',
): Promise<Audit> {
  return db.transaction('rw', CONTENT_TABLES(db), async () => {
    const audit = await writableAudit(db, auditId);
    const now = nowIso();
    const next = AuditSchema.parse({
      ...audit,
      status: 'completed',
      completedAt: now,
      updatedAt: now,
    });
    await db.audits.put(next);
    await writeRecord(db, next, appVersion);
    return next;
  });
}

/** Reopens a completed audit, recording who did it and why. A signed audit stays as signed. */
export async function reopenAudit(
  db: RoomcheckDb,
  auditId: string,
  by: string,
  reason: string,
): Promise<Audit> {
  if (!by.trim()) throw new Error('Say who reopens the audit.');
  if (!reason.trim()) throw new Error('Give the reason for reopening the audit.');
  return db.transaction('rw', [db.audits, db.auditRecords], async () => {
    const audit = await db.audits.get(auditId);
    if (!audit) throw new Error('This audit no longer exists.');
    if (audit.status === 'signed')
      throw new Error('A signed audit cannot be reopened; start a new audit that follows it.');
    if (audit.status !== 'completed') throw new Error('Only a completed audit can be reopened.');
    const now = nowIso();
    const next = AuditSchema.parse({
      ...audit,
      status: 'in_progress',
      completedAt: null,
      reopenLog: [...audit.reopenLog, { by: by.trim(), at: now, reason: reason.trim() }],
      updatedAt: now,
    });
    // The record of the completion is withdrawn with it; completing again writes a new one,
    // which carries the reopening in the audit's reopen log.
    await Promise.all([db.audits.put(next), db.auditRecords.delete(auditId)]);
    return next;
  });
}
