import {
  AnswerSchema,
  AuditSchema,
  answerId,
  type Answer,
  type Audit,
  type AuditCursor,
} from '../../../shared/domain/schemas.ts';
import type { AnswerResult } from '../../../shared/domain/enums.ts';
import type { RoomcheckDb } from '../db.ts';
import { newId, nowIso } from '../ids.ts';

export type StartAuditInput = {
  siteId: string;
  roomIds: string[];
  templateId: string;
  title: string;
  inspectors: string[];
  priorAuditId?: string | null;
};

export async function startAudit(db: RoomcheckDb, input: StartAuditInput): Promise<Audit> {
  const now = nowIso();
  return db.transaction('rw', db.audits, db.templates, async () => {
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
    });
    await db.audits.add(audit);
    return audit;
  });
}

export const getAudit = (db: RoomcheckDb, id: string) => db.audits.get(id);

export const listAuditsOfSite = (db: RoomcheckDb, siteId: string): Promise<Audit[]> =>
  db.audits.where('siteId').equals(siteId).reverse().sortBy('startedAt');

export const listAnswers = (db: RoomcheckDb, auditId: string): Promise<Answer[]> =>
  db.answers.where('auditId').equals(auditId).toArray();

export class AuditLockedError extends Error {
  constructor() {
    super('This audit is completed; reopen it to change answers.');
    this.name = 'AuditLockedError';
  }
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
};

/**
 * Records one answer and moves the audit's cursor to it, in one transaction: after a crash
 * the answer and the place to resume are either both there or both not.
 */
export async function saveAnswer(db: RoomcheckDb, input: AnswerInput): Promise<Answer> {
  const answer = AnswerSchema.parse({
    id: answerId(input.auditId, input.roomId, input.deviceId, input.itemId),
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
  await db.transaction('rw', db.audits, db.answers, async () => {
    const audit = await db.audits.get(input.auditId);
    if (!audit) throw new Error('This audit no longer exists.');
    if (audit.status === 'completed' || audit.status === 'signed') throw new AuditLockedError();
    const cursor: AuditCursor = {
      roomId: input.roomId,
      deviceId: input.deviceId,
      itemId: input.itemId,
    };
    await db.answers.put(answer);
    await db.audits.update(audit.id, { cursor, updatedAt: answer.at });
  });
  return answer;
}
