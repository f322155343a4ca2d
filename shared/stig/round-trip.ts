import { applicableItems } from '../checklist/applicability.ts';
import type { AnswerResult } from '../domain/enums.ts';
import { AnswerSchema } from '../domain/schemas.ts';
import type { Bilingual } from '../i18n/lang.ts';
import { importError, importMessage, type ImportMessage } from '../import/messages.ts';
import type { StigAuditSource } from './audit-source.ts';
import {
  ROOMCHECK_AUDIT_LABEL,
  ROOMCHECK_ID_LABEL,
  ROOMCHECK_STIG_PREFIX,
  resultOfStatus,
  type SeverityOverride,
} from './checklist.ts';
import { checklistIds, stigIdOf, subjectRef } from './from-audit.ts';
import type { ReadChecklist } from './read-model.ts';

// A checklist Roomcheck exported, coming back (perhaps edited in STIG Viewer) into the audit
// it was exported from: each rule maps back through its rule_version, the check item's id, to
// an answer (status -> result, comments -> note) and, where a severity was overridden, to the
// finding's severity. It must prove where it came from: the subject named in its target
// comments must be in this audit, and its STIG's uuid (and a CKLB's checklist id) must be the
// ones this audit's export gives that subject (from-audit.ts derives them by UUIDv5).
// finding_details is not read back: findings live in the audit, the text only describes them.

/** As many characters as an answer's note holds. */
const MAX_NOTE = AnswerSchema.shape.note.maxLength ?? 10_000;
const NOTE_FIELD: Bilingual = { en: 'comment', zh: '备注' };

export type RestoredAnswer = {
  roomId: string;
  deviceId: string | null;
  itemId: string;
  result: AnswerResult;
  note: string;
  /** The severity the finding on this item should carry, with its reason. */
  override: SeverityOverride | null;
};

export type RoundTrip = {
  subject: { roomId: string; deviceId: string | null };
  answers: RestoredAnswer[];
  /** Rules that were skipped or shortened, one message each. */
  problems: ImportMessage[];
};

const labelled = (comments: string, label: string): string | null => {
  for (const line of comments.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.startsWith(label)) return trimmed.slice(label.length).trim();
  }
  return null;
};

/** The audit's device or room that "device/<id>" or "room/<id>" names, if it is in the audit. */
function subjectOf(ref: string, source: StigAuditSource) {
  if (ref.startsWith('device/')) {
    const device = source.devices.find((d) => d.id === ref.slice('device/'.length));
    return device ? { roomId: device.roomId, deviceId: device.id, device } : null;
  }
  if (ref.startsWith('room/')) {
    const roomId = ref.slice('room/'.length);
    return source.audit.roomIds.includes(roomId) ? { roomId, deviceId: null, device: null } : null;
  }
  return null;
}

/** Whether a read checklist is one Roomcheck exported (any template, any audit). */
export const isRoomcheckChecklist = (checklist: ReadChecklist): boolean =>
  checklist.stigs.some((s) => s.stigId.startsWith(ROOMCHECK_STIG_PREFIX));

/**
 * The answers a Roomcheck-exported checklist holds for the audit it came from. Throws
 * ImportError (one sentence) when the checklist is not a Roomcheck export of this audit.
 */
export function answersFromChecklist(checklist: ReadChecklist, source: StigAuditSource): RoundTrip {
  const { audit, template } = source;
  if (!isRoomcheckChecklist(checklist)) throw importError('checklist_not_roomcheck', {});
  const comments = checklist.target.comments;
  const auditId = labelled(comments, ROOMCHECK_AUDIT_LABEL);
  if (auditId !== null && auditId !== audit.id) {
    throw importError('checklist_other_audit', { found: auditId });
  }
  const ref = labelled(comments, ROOMCHECK_ID_LABEL);
  const name = ref ?? checklist.target.hostName;
  const found = ref === null ? null : subjectOf(ref, source);
  if (!found) throw importError('checklist_unknown_subject', { subject: name });
  const { device, ...subject } = found;

  const { checklistId, stigUuid } = checklistIds(
    audit.id,
    subjectRef(subject.roomId, subject.deviceId),
    template,
  );
  const stig = checklist.stigs.find((s) => s.stigId === stigIdOf(template));
  if (
    !stig ||
    stig.uuid.toLowerCase() !== stigUuid ||
    (checklist.id !== null && checklist.id.toLowerCase() !== checklistId)
  ) {
    throw importError('checklist_ids_mismatch', { subject: name });
  }

  const applicable = new Set(applicableItems(template, device ?? 'room').map((i) => i.id));
  const seen = new Set<string>();
  const answers: RestoredAnswer[] = [];
  const problems: ImportMessage[] = [];
  for (const rule of stig.rules) {
    const itemId = rule.ruleVersion.trim();
    if (!applicable.has(itemId)) {
      problems.push(
        importMessage('checklist_rule_not_applicable', { rule: itemId, subject: name }),
      );
      continue;
    }
    if (seen.has(itemId)) {
      problems.push(importMessage('checklist_rule_repeated', { rule: itemId, subject: name }));
      continue;
    }
    seen.add(itemId);
    if (rule.comments.length > MAX_NOTE) {
      problems.push(
        importMessage('checklist_text_cut', {
          field: NOTE_FIELD,
          start: rule.comments.slice(0, 40),
          max: MAX_NOTE,
        }),
      );
    }
    answers.push({
      ...subject,
      itemId,
      result: resultOfStatus(rule.status),
      note: rule.comments.slice(0, MAX_NOTE),
      override: rule.override,
    });
  }
  return { subject, answers, problems };
}
