import type { AnswerResult, Severity } from '../domain/enums.ts';

// The neutral checklist model between Roomcheck and the two STIG Viewer formats: the writers
// (cklb-write.ts, ckl-write.ts) turn it into files, the readers (cklb-read.ts, ckl-read.ts)
// turn files into its read-side form. Field names follow CKLB's, in camelCase; CKL's element
// names map onto them one to one (see README.md).

/** A rule's result, in CKLB's words (CKL: NotAFinding, Open, Not_Applicable, Not_Reviewed). */
export const RESULT_STATUSES = ['not_a_finding', 'open', 'not_applicable', 'not_reviewed'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

/** DISA's severities are Roomcheck's: high = CAT I, medium = CAT II, low = CAT III. */
export type RuleSeverity = Severity;

export type SeverityOverride = { severity: RuleSeverity; reason: string };

/** What the checklist is about: a device, or a room for its room-level items. */
export type ChecklistTarget = {
  targetType: 'Computing' | 'Non-Computing';
  hostName: string;
  ipAddress: string;
  macAddress: string;
  fqdn: string;
  role: 'None' | 'Workstation' | 'Member Server' | 'Domain Controller';
  technologyArea: '' | 'Traditional Security';
  /** Room, rack, U position, asset tag and the Roomcheck id, one per line. */
  comments: string;
  /** The room's classification, upper case (CKL's MARKING; CKLB 1.0 has no such key). */
  marking: string;
};

export type ChecklistRule = {
  uuid: string;
  groupId: string;
  ruleId: string;
  ruleIdSrc: string;
  /** The check item's id (P1 … L2): what a checklist that comes back is mapped through. */
  ruleVersion: string;
  severity: RuleSeverity;
  groupTitle: string;
  ruleTitle: string;
  discussion: string;
  checkContent: string;
  fixText: string;
  iaControls: string;
  status: ResultStatus;
  comments: string;
  findingDetails: string;
  override: SeverityOverride | null;
  createdAt: string;
  updatedAt: string;
};

export type ChecklistStig = {
  uuid: string;
  stigId: string;
  stigName: string;
  displayName: string;
  /** The benchmark's version, always 1 (from-audit.ts); CKL only, CKLB 1.0 has no key for it. */
  version: string;
  /** "Release: N Benchmark Date: DD Mon YYYY" (N the template's version), as STIG Manager parses it. */
  releaseInfo: string;
  /** Every item of the template, applicable or not (CKLB's "size"). */
  size: number;
  rules: ChecklistRule[];
};

/** One exported checklist: one subject (a device, or a room's room-level items), one STIG. */
export type Checklist = {
  id: string;
  /** The file name without extension, as STIG Viewer records it. */
  title: string;
  subject: { roomId: string; deviceId: string | null };
  target: ChecklistTarget;
  stig: ChecklistStig;
};

const STATUS_OF_RESULT: Readonly<Record<AnswerResult, ResultStatus>> = {
  pass: 'not_a_finding',
  fail: 'open',
  na: 'not_applicable',
  unchecked: 'not_reviewed',
};

const RESULT_OF_STATUS: Readonly<Record<ResultStatus, AnswerResult>> = {
  not_a_finding: 'pass',
  open: 'fail',
  not_applicable: 'na',
  not_reviewed: 'unchecked',
};

/** An answer's result as a rule status; no answer at all is "not reviewed". */
export const statusOfResult = (result: AnswerResult | undefined): ResultStatus =>
  STATUS_OF_RESULT[result ?? 'unchecked'];

export const resultOfStatus = (status: ResultStatus): AnswerResult => RESULT_OF_STATUS[status];

/** CKL's spelling of each status. */
export const CKL_STATUS: Readonly<Record<ResultStatus, string>> = {
  not_a_finding: 'NotAFinding',
  open: 'Open',
  not_applicable: 'Not_Applicable',
  not_reviewed: 'Not_Reviewed',
};

/** The stig_id of every checklist Roomcheck writes starts with this. */
export const ROOMCHECK_STIG_PREFIX = 'Roomcheck_';
/** Target comment line naming the subject: "Roomcheck-ID: device/<id>" or "room/<id>". */
export const ROOMCHECK_ID_LABEL = 'Roomcheck-ID:';
/** Target comment line naming the audit the checklist was exported from. */
export const ROOMCHECK_AUDIT_LABEL = 'Roomcheck-Audit:';
