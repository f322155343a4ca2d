import type { Bilingual } from '../i18n/lang.ts';
import { importError, importMessage, type ImportMessage } from '../import/messages.ts';
import {
  ROOMCHECK_STIG_PREFIX,
  type ResultStatus,
  type RuleSeverity,
  type SeverityOverride,
} from './checklist.ts';

// What a checklist file says, once read: the same for .cklb and .ckl. Both readers first build
// a raw form by shape alone (real files carry keys no schema lists, nulls for strings, numbers
// for versions) and hand it to `finishChecklist`, which applies the rules every checklist must
// meet to be imported (a target host, identified STIGs, at least one usable result), skips what
// is unusable with a note, and cuts over-long text.

export type ReadTarget = {
  targetType: string;
  hostName: string;
  ipAddress: string;
  macAddress: string;
  fqdn: string;
  role: string;
  technologyArea: string;
  comments: string;
  /** CKL's MARKING, or a newer CKLB's target_data.classification. */
  marking: string;
};

export type ReadRule = {
  ruleIdSrc: string;
  groupId: string;
  /** DISA's rule version; for a Roomcheck export, the check item's id. */
  ruleVersion: string;
  ruleTitle: string;
  severity: RuleSeverity | 'unknown';
  status: ResultStatus;
  override: SeverityOverride | null;
  comments: string;
  findingDetails: string;
  /** When the rule was last changed, as UTC ISO 8601, if the file says. */
  updatedAt: string | null;
};

export type ReadStig = {
  uuid: string;
  stigId: string;
  stigName: string;
  version: string;
  releaseInfo: string;
  /** The tool that produced the results, when the file says (Evaluate-STIG, STIG Manager …). */
  tool: string | null;
  /** When the results were produced, if the file says: a scan time or the latest rule change. */
  assessedAt: string | null;
  rules: ReadRule[];
};

export type ChecklistFormat = 'cklb' | 'ckl';

export type ReadChecklist = {
  format: ChecklistFormat;
  /** CKLB's checklist id; CKL has none. */
  id: string | null;
  target: ReadTarget;
  stigs: ReadStig[];
  /** Rules or STIGs that were left out, one message per kind and STIG. */
  skipped: ImportMessage[];
  /** Text that was cut to its limit. */
  notes: ImportMessage[];
};

export type RawRule = Omit<ReadRule, 'status' | 'severity' | 'override' | 'updatedAt'> & {
  status: string;
  severity: string;
  override: { severity: string; reason: string } | null;
  updatedAt: string;
};
export type RawStig = Omit<ReadStig, 'rules' | 'assessedAt'> & {
  rules: RawRule[];
  /** A scan time the file records for this STIG (Evaluate-STIG), before checking it. */
  scannedAt: string;
};
export type RawChecklist = Omit<ReadChecklist, 'stigs' | 'skipped' | 'notes'> & {
  stigs: RawStig[];
};

/** Limits that keep a hostile file's cost bounded; real checklists stay far below them. */
export const CHECKLIST_LIMITS = {
  bytes: 32 * 1024 * 1024,
  stigs: 1_000,
  rules: 100_000,
  /** Host names, addresses, ids, versions, titles of STIGs. */
  shortText: 255,
  /** Comments and finding details (STIG Manager's limit). */
  longText: 32_767,
} as const;

const WHAT_RULES: Bilingual = { en: 'rules', zh: '条规则' };
const WHAT_STIGS: Bilingual = { en: 'STIGs', zh: '个 STIG' };

/** Refuses a file whose counts exceed the limits, before any further work on it. */
export function checkCounts(stigCount: number, ruleCount: number): void {
  if (stigCount > CHECKLIST_LIMITS.stigs) {
    throw importError('checklist_too_many', { max: CHECKLIST_LIMITS.stigs, what: WHAT_STIGS });
  }
  if (ruleCount > CHECKLIST_LIMITS.rules) {
    throw importError('checklist_too_many', { max: CHECKLIST_LIMITS.rules, what: WHAT_RULES });
  }
}

/** A value read by shape: strings as they are, numbers and booleans as text, anything else "". */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** Both formats' status spellings: not_a_finding / NotAFinding, not_applicable / Not_Applicable. */
const STATUS_BY_LETTERS: ReadonlyMap<string, ResultStatus> = new Map([
  ['notafinding', 'not_a_finding'],
  ['open', 'open'],
  ['notapplicable', 'not_applicable'],
  ['notreviewed', 'not_reviewed'],
]);

// Maps, not object literals: a file's "constructor" or "toString" must find nothing.
const statusOf = (raw: string): ResultStatus | null =>
  STATUS_BY_LETTERS.get(raw.toLowerCase().replace(/[^a-z]/g, '')) ?? null;

const SEVERITY_WORDS: ReadonlyMap<string, RuleSeverity> = new Map([
  ['high', 'high'],
  ['medium', 'medium'],
  ['low', 'low'],
  ['cati', 'high'],
  ['catii', 'medium'],
  ['catiii', 'low'],
]);

const severityOf = (raw: string): RuleSeverity | null =>
  SEVERITY_WORDS.get(raw.toLowerCase().replace(/[^a-z]/g, '')) ?? null;

const ISO_TIMESTAMP =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** A timestamp as UTC ISO 8601, or null when it is not an ISO 8601 date-time. */
export function isoTimestamp(raw: string): string | null {
  const trimmed = raw.trim();
  if (!ISO_TIMESTAMP.test(trimmed)) return null;
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const FIELD_NAMES: Readonly<Record<string, Bilingual>> = {
  ipAddress: { en: 'IP address', zh: 'IP 地址' },
  macAddress: { en: 'MAC address', zh: 'MAC 地址' },
  fqdn: { en: 'FQDN', zh: '完全限定域名' },
  role: { en: 'role', zh: '角色' },
  technologyArea: { en: 'technology area', zh: '技术领域' },
  comments: { en: 'comment', zh: '备注' },
  marking: { en: 'marking', zh: '密级标识' },
  targetType: { en: 'target type', zh: '目标类型' },
  stigId: { en: 'STIG id', zh: 'STIG 标识' },
  stigName: { en: 'STIG title', zh: 'STIG 标题' },
  version: { en: 'STIG version', zh: 'STIG 版本' },
  releaseInfo: { en: 'release information', zh: '发布信息' },
  tool: { en: 'tool name', zh: '工具名称' },
  uuid: { en: 'STIG uuid', zh: 'STIG uuid' },
  ruleIdSrc: { en: 'rule id', zh: '规则编号' },
  groupId: { en: 'group id', zh: '组编号' },
  ruleVersion: { en: 'rule version', zh: '规则版本' },
  ruleTitle: { en: 'rule title', zh: '规则标题' },
  findingDetails: { en: 'finding details', zh: '问题详情' },
  reason: { en: 'override reason', zh: '调整理由' },
};

function cutter(notes: ImportMessage[]) {
  return (field: keyof typeof FIELD_NAMES, value: string, max: number): string => {
    if (value.length <= max) return value;
    notes.push(
      importMessage('checklist_text_cut', {
        field: FIELD_NAMES[field]!,
        start: value.slice(0, 40),
        max,
      }),
    );
    return value.slice(0, max);
  };
}

function finishRule(
  raw: RawRule,
  cut: ReturnType<typeof cutter>,
): { rule: ReadRule } | { problem: 'no_id' | 'bad_status' } {
  const ruleIdSrc = raw.ruleIdSrc.trim();
  if (!ruleIdSrc) return { problem: 'no_id' };
  const status = statusOf(raw.status);
  if (!status) return { problem: 'bad_status' };
  const overrideSeverity = raw.override ? severityOf(raw.override.severity) : null;
  const { shortText, longText } = CHECKLIST_LIMITS;
  return {
    rule: {
      ruleIdSrc: cut('ruleIdSrc', ruleIdSrc, shortText),
      groupId: cut('groupId', raw.groupId, shortText),
      ruleVersion: cut('ruleVersion', raw.ruleVersion, shortText),
      ruleTitle: cut('ruleTitle', raw.ruleTitle, longText),
      severity: severityOf(raw.severity) ?? 'unknown',
      status,
      override:
        overrideSeverity && raw.override
          ? { severity: overrideSeverity, reason: cut('reason', raw.override.reason, longText) }
          : null,
      comments: cut('comments', raw.comments, longText),
      findingDetails: cut('findingDetails', raw.findingDetails, longText),
      updatedAt: isoTimestamp(raw.updatedAt),
    },
  };
}

const latest = (a: string | null, b: string | null) =>
  a === null || (b !== null && b > a) ? b : a;

/** Applies the rules every checklist must meet; throws ImportError with one sentence if not. */
export function finishChecklist(raw: RawChecklist): ReadChecklist {
  const { shortText, longText } = CHECKLIST_LIMITS;
  const hostName = raw.target.hostName.trim();
  if (!hostName) throw importError('checklist_no_host', {});
  if (hostName.length > shortText) {
    throw importError('checklist_host_too_long', { length: hostName.length, max: shortText });
  }
  const notes: ImportMessage[] = [];
  const skipped: ImportMessage[] = [];
  const cut = cutter(notes);
  const t = raw.target;
  const target: ReadTarget = {
    targetType: cut('targetType', t.targetType, shortText),
    hostName,
    ipAddress: cut('ipAddress', t.ipAddress, shortText),
    macAddress: cut('macAddress', t.macAddress, shortText),
    fqdn: cut('fqdn', t.fqdn, shortText),
    role: cut('role', t.role, shortText),
    technologyArea: cut('technologyArea', t.technologyArea, shortText),
    comments: cut('comments', t.comments, longText),
    marking: cut('marking', t.marking, shortText),
  };

  const identified = raw.stigs.filter((s) => s.stigId.trim() !== '');
  if (identified.length === 0 && raw.stigs.length > 0)
    throw importError('checklist_no_stig_id', {});
  if (identified.length < raw.stigs.length) {
    skipped.push(
      importMessage('checklist_skipped_stigs', { count: raw.stigs.length - identified.length }),
    );
  }
  const stigs: ReadStig[] = identified.map((s) => {
    const stigId = cut('stigId', s.stigId.trim(), shortText);
    const rules: ReadRule[] = [];
    let noId = 0;
    let badStatus = 0;
    let assessedAt = isoTimestamp(s.scannedAt);
    for (const r of s.rules) {
      const result = finishRule(r, cut);
      if ('rule' in result) {
        rules.push(result.rule);
        if (s.scannedAt === '') assessedAt = latest(assessedAt, result.rule.updatedAt);
      } else if (result.problem === 'no_id') noId++;
      else badStatus++;
    }
    if (noId)
      skipped.push(importMessage('checklist_skipped_no_rule_id', { stig: stigId, count: noId }));
    if (badStatus) {
      skipped.push(
        importMessage('checklist_skipped_bad_status', { stig: stigId, count: badStatus }),
      );
    }
    return {
      uuid: cut('uuid', s.uuid, shortText),
      stigId,
      stigName: cut('stigName', s.stigName, shortText),
      version: cut('version', s.version, shortText),
      releaseInfo: cut('releaseInfo', s.releaseInfo, shortText),
      // A CKLB has no place for its writer's name; Roomcheck's STIG ids say it.
      tool:
        s.tool !== null
          ? cut('tool', s.tool, shortText)
          : stigId.startsWith(ROOMCHECK_STIG_PREFIX)
            ? 'Roomcheck'
            : null,
      assessedAt,
      rules,
    };
  });
  if (!stigs.some((s) => s.rules.length > 0)) throw importError('checklist_no_results', {});
  return { format: raw.format, id: raw.id, target, stigs, skipped, notes };
}
