import {
  FINDING_STATUSES,
  SEVERITIES,
  type FindingStatus,
  type Severity,
} from '../domain/enums.ts';
import type { Finding } from '../domain/schemas.ts';

// Pure rules about findings shared by the walk-through, the findings view, the summary and the
// report: the id of the finding a failed item raises, when such a finding may be withdrawn,
// status changes, counts and filters.

// cyrb53 (public domain): a fast, well-mixed 53-bit string hash. Two seeds give 106 bits, so
// two different answers never share a finding id in practice.
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The id of the finding raised by a failed answer. Deterministic, so the answer's transaction
 * finds "its" finding by primary key (no scan of the audit's findings per keypress), and short
 * whatever the length of the ids it is made from (Finding ids are at most 128 characters).
 */
export function autoFindingId(answerId: string): string {
  const a = cyrb53(answerId, 1).toString(16).padStart(14, '0');
  const b = cyrb53(answerId, 2).toString(16).padStart(14, '0');
  return `auto-${a}${b}`;
}

/**
 * A finding raised by a failed answer may be withdrawn when the answer is changed (a mistyped
 * "fail"), but only while nobody has worked on it: once it has an owner, a due date, a
 * remediation, a severity decision, a status change or evidence, it is a record and stays.
 */
export function isWithdrawable(finding: Finding, evidenceCount: number): boolean {
  return (
    finding.itemId !== null &&
    // A finding carried from an earlier audit is history, not a typo of this audit's.
    finding.firstSeenAuditId === finding.auditId &&
    evidenceCount === 0 &&
    finding.status === 'open' &&
    finding.severityChanges.length === 0 &&
    finding.owner.trim() === '' &&
    finding.dueDate === null &&
    finding.remediation.trim() === ''
  );
}

/** The life-across-audits fields of a finding first raised now (finding v2). */
export function firstSighting(
  findingId: string,
  auditId: string,
  at: string,
): Pick<Finding, 'lineageId' | 'seenIn' | 'carriedFrom' | 'resolution' | 'evidenceRefs'> {
  return {
    lineageId: findingId,
    seenIn: [{ auditId, at }],
    carriedFrom: null,
    resolution: null,
    evidenceRefs: [],
  };
}

export type StatusProblem = 'reasonRequired';

/** Risk acceptance is a decision somebody must justify; the other statuses need no reason. */
export function checkStatusChange(status: FindingStatus, reason: string): StatusProblem | null {
  return status === 'risk_accepted' && reason.trim() === '' ? 'reasonRequired' : null;
}

/** Open means something still has to be done: open or in remediation. */
export const isUnresolved = (status: FindingStatus): boolean =>
  status === 'open' || status === 'in_remediation';

export type FindingTally = {
  readonly total: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  readonly byStatus: Readonly<Record<FindingStatus, number>>;
  /** cells[severity][status] */
  readonly cells: Readonly<Record<Severity, Readonly<Record<FindingStatus, number>>>>;
};

const zeroStatuses = () =>
  Object.fromEntries(FINDING_STATUSES.map((s) => [s, 0])) as Record<FindingStatus, number>;

export function tallyFindings(
  findings: Iterable<Pick<Finding, 'severity' | 'status'>>,
): FindingTally {
  const cells = Object.fromEntries(SEVERITIES.map((s) => [s, zeroStatuses()])) as Record<
    Severity,
    Record<FindingStatus, number>
  >;
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byStatus = zeroStatuses();
  let total = 0;
  for (const finding of findings) {
    cells[finding.severity][finding.status] += 1;
    bySeverity[finding.severity] += 1;
    byStatus[finding.status] += 1;
    total += 1;
  }
  return { total, bySeverity, byStatus, cells };
}

export type FindingFilter = {
  severity?: Severity | null;
  status?: FindingStatus | null;
  roomId?: string | null;
  deviceId?: string | null;
  /** Matched, case-insensitively, against title, detail, item id, owner and `describe`. */
  text?: string;
};

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { high: 0, medium: 1, low: 2 };

/**
 * The findings that pass every set filter, most severe first, then by title. `describe`
 * returns extra searchable text for a finding (the device's name, tag and serial).
 */
export function filterFindings(
  findings: readonly Finding[],
  filter: FindingFilter,
  describe: (finding: Finding) => string = () => '',
): Finding[] {
  const needle = (filter.text ?? '').trim().toLocaleLowerCase();
  const out = findings.filter((f) => {
    if (filter.severity && f.severity !== filter.severity) return false;
    if (filter.status && f.status !== filter.status) return false;
    if (filter.roomId && f.roomId !== filter.roomId) return false;
    if (filter.deviceId && f.deviceId !== filter.deviceId) return false;
    if (!needle) return true;
    const haystack = [f.title, f.detail, f.itemId ?? '', f.owner, f.remediation, describe(f)]
      .join('\n')
      .toLocaleLowerCase();
    return haystack.includes(needle);
  });
  return out.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.title.localeCompare(b.title) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
