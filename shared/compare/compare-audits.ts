import { requireDayNumber } from '../calendar/dates.ts';
import type { LifecycleStatus, Severity } from '../domain/enums.ts';
import { reconciliationLists } from '../checklist/reconciliation.ts';
import type { Answer, Audit, Device, Finding, Reconciliation } from '../domain/schemas.ts';
import {
  classifyFindings,
  type ClassifiedFinding,
  type FindingClassification,
} from '../findings/lifecycle.ts';

export type { FindingClassification };
import { matchDevices, normaliseIdentifier, type MatchKey } from './match-devices.ts';

// What changed in a room between two audits: the "comparison with the previous audit" section
// of the report and the compare view of the app. Pure and deterministic: `today` is passed in.

/** One audit with the inventory and findings it recorded (an AuditSnapshot has these). */
export interface AuditSide {
  readonly audit: Audit;
  readonly devices: readonly Device[];
  readonly findings: readonly Finding[];
  /** Its answers: what a carried finding's item got (re-checked, passed, failed again). */
  readonly answers?: readonly Answer[];
  /** Its inventory marks: devices not found, unexpected, at the wrong place. */
  readonly reconciliations?: readonly Reconciliation[];
}

export interface FromTo<T> {
  readonly from: T;
  readonly to: T;
}

/** A device found in both audits at a different place. Only the parts that changed are set. */
export interface DeviceMove {
  readonly prior: Device;
  readonly current: Device;
  readonly matchedBy: MatchKey;
  readonly room?: FromTo<string>;
  readonly rack?: FromTo<string | null>;
  readonly positionU?: FromTo<number | null>;
}

export interface DeviceStatusChange {
  readonly prior: Device;
  readonly current: Device;
  readonly matchedBy: MatchKey;
  readonly status: FromTo<LifecycleStatus>;
}

/** A problem seen before and present again (still open, or back after being closed). */
export interface RecurringFinding {
  readonly current: Finding;
  readonly prior: Finding;
  /** The prior finding had been closed: the problem came back. */
  readonly reappeared: boolean;
  /** The earliest audit in which this problem was seen, carried across audits. */
  readonly firstSeenAuditId: string;
  readonly firstSeenAt: string;
}

/** A problem open in the prior audit that is closed in, or absent from, the current one. */
export interface ResolvedFinding {
  readonly prior: Finding;
  /** The current audit's record that closed it; null when the problem was not found again. */
  readonly current: Finding | null;
}

/**
 * The comparison of two audits. With no prior audit (`isFirstAudit`), every device is added
 * and every finding new; a report says "first audit of this room" instead of listing them.
 * Lists are in the order of their side's input, findings sorted High > Medium > Low first.
 */
export interface AuditComparison {
  readonly priorAuditId: string | null;
  readonly currentAuditId: string;
  readonly isFirstAudit: boolean;
  /** The day overdue was judged against. */
  readonly today: string;
  readonly devices: {
    /** In the current inventory, not in the prior. */
    readonly added: readonly Device[];
    /** In the prior inventory, not in the current. */
    readonly missing: readonly Device[];
    /** Room, rack or U position changed. */
    readonly moved: readonly DeviceMove[];
    readonly statusChanged: readonly DeviceStatusChange[];
    /** Matched devices with neither a move nor a status change. */
    readonly unchanged: number;
  };
  readonly findings: {
    readonly new: readonly Finding[];
    readonly resolved: readonly ResolvedFinding[];
    readonly recurring: readonly RecurringFinding[];
    /** Carried findings whose item passes here, not yet closed (offered for closing). */
    readonly passed: readonly ClassifiedFinding[];
    /** Carried findings whose item was not re-checked here. */
    readonly notRechecked: readonly ClassifiedFinding[];
    /** Open in the prior audit and not carried into this one. */
    readonly notCarried: readonly Finding[];
    /** Current findings past their due date and still to remediate. */
    readonly overdue: readonly Finding[];
  };
  /** Every current finding's state (shared/findings/lifecycle.ts), counted. */
  readonly lifecycle: FindingClassification['counts'];
  /** What the inspector recorded about the inventory during the current audit. */
  readonly reconciliation: {
    readonly missing: readonly Reconciliation[];
    readonly unexpected: readonly Reconciliation[];
    readonly moved: readonly Reconciliation[];
  };
  readonly counts: {
    /** Inventory changes between the two audits' scopes. */
    readonly added: number;
    readonly removed: number;
    readonly relocated: number;
    readonly statusChanged: number;
    /** The current audit's reconciliation: the same figures as its summary. */
    readonly missing: number;
    readonly unexpected: number;
    readonly moved: number;
    readonly newFindings: number;
    readonly resolved: number;
    readonly recurring: number;
    readonly passed: number;
    readonly notRechecked: number;
    readonly notCarried: number;
    readonly overdue: number;
  };
}

export interface CompareOptions {
  /** Limit to these rooms: a device counts if either audit had it in one of them. */
  readonly roomIds?: readonly string[];
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { high: 0, medium: 1, low: 2 };
const bySeverity =
  <T>(severityOf: (x: T) => Severity) =>
  (a: T, b: T) =>
    SEVERITY_RANK[severityOf(a)] - SEVERITY_RANK[severityOf(b)];

/** Closed or risk accepted: nothing left to remediate. */
const isSettled = (finding: Finding) =>
  finding.status === 'closed' || finding.status === 'risk_accepted';

/**
 * What a finding is about, stable across audits: the check item on the device (mapped to the
 * current inventory's id) or on the room; a finding raised by hand by its title instead.
 */
export function findingLineageKey(
  finding: Pick<Finding, 'itemId' | 'deviceId' | 'roomId' | 'title'>,
  deviceIdMap?: ReadonlyMap<string, string>,
): string {
  const deviceId =
    finding.deviceId === null ? null : (deviceIdMap?.get(finding.deviceId) ?? finding.deviceId);
  const subject = deviceId === null ? `room:${finding.roomId}` : `device:${deviceId}`;
  const what =
    finding.itemId === null
      ? `manual:${normaliseIdentifier(finding.title)}`
      : `item:${finding.itemId}`;
  return `${subject}|${what}`;
}

/** A finding copied forward from an earlier audit keeps that audit as its first sighting. */
export function isCarriedForward(finding: Pick<Finding, 'auditId' | 'firstSeenAuditId'>): boolean {
  return finding.firstSeenAuditId !== finding.auditId;
}

function earlierSighting(
  a: Finding,
  b: Finding,
): Pick<Finding, 'firstSeenAuditId' | 'firstSeenAt'> {
  return b.firstSeenAt < a.firstSeenAt ? b : a;
}

export function compareAudits(
  prior: AuditSide | null,
  current: AuditSide,
  today: string,
  options: CompareOptions = {},
): AuditComparison {
  requireDayNumber(today, 'today');
  const scope = options.roomIds ? new Set(options.roomIds) : null;
  const inScope = (roomId: string) => scope === null || scope.has(roomId);

  const matching = matchDevices(prior?.devices ?? [], current.devices);
  const added = matching.currentOnly.filter((d) => inScope(d.roomId));
  const missing = matching.priorOnly.filter((d) => inScope(d.roomId));
  const moved: DeviceMove[] = [];
  const statusChanged: DeviceStatusChange[] = [];
  let unchanged = 0;
  const deviceIdMap = new Map<string, string>();
  for (const { prior: p, current: c, matchedBy } of matching.pairs) {
    deviceIdMap.set(p.id, c.id);
    if (!inScope(p.roomId) && !inScope(c.roomId)) continue;
    const move: { -readonly [K in keyof DeviceMove]: DeviceMove[K] } = {
      prior: p,
      current: c,
      matchedBy,
    };
    if (p.roomId !== c.roomId) move.room = { from: p.roomId, to: c.roomId };
    if (p.rackId !== c.rackId) move.rack = { from: p.rackId, to: c.rackId };
    if (p.positionU !== c.positionU) move.positionU = { from: p.positionU, to: c.positionU };
    const isMove =
      move.room !== undefined || move.rack !== undefined || move.positionU !== undefined;
    if (isMove) moved.push(move);
    if (p.status !== c.status)
      statusChanged.push({
        prior: p,
        current: c,
        matchedBy,
        status: { from: p.status, to: c.status },
      });
    if (!isMove && p.status === c.status) unchanged += 1;
  }

  const currentFindings = current.findings.filter((f) => inScope(f.roomId));
  const classified = classifyFindings(
    (prior?.findings ?? []).filter((f) => inScope(f.roomId)),
    currentFindings,
    current.answers ?? [],
    {
      prior: (f) => findingLineageKey(f, deviceIdMap),
      current: (f) => findingLineageKey(f),
    },
  );
  const newFindings = classified.byState.new.map((c) => c.current);
  const recurring: RecurringFinding[] = classified.byState.recurring.map((c) => {
    const first = c.prior ? earlierSighting(c.prior, c.current) : c.current;
    return {
      current: c.current,
      prior: c.prior ?? c.current,
      reappeared: c.prior?.status === 'closed',
      firstSeenAuditId: first.firstSeenAuditId,
      firstSeenAt: first.firstSeenAt,
    };
  });
  const resolved: ResolvedFinding[] = [
    ...classified.byState.resolved.map((c) => ({
      prior: c.prior ?? c.current,
      current: c.current,
    })),
  ];
  const recon = reconciliationLists(
    (current.reconciliations ?? []).filter((r) => inScope(r.roomId)),
  );

  // Overdue means work promised and not done: a risk-accepted finding has no remediation due.
  const overdue = currentFindings.filter(
    (f) => f.dueDate !== null && f.dueDate < today && !isSettled(f),
  );

  newFindings.sort(bySeverity((f) => f.severity));
  recurring.sort(bySeverity((r) => r.current.severity));
  resolved.sort(bySeverity((r) => r.prior.severity));
  overdue.sort(bySeverity((f) => f.severity));

  return {
    priorAuditId: prior?.audit.id ?? null,
    currentAuditId: current.audit.id,
    isFirstAudit: prior === null,
    today,
    devices: { added, missing, moved, statusChanged, unchanged },
    findings: {
      new: newFindings,
      resolved,
      recurring,
      passed: classified.byState.passed,
      notRechecked: classified.byState.not_rechecked,
      notCarried: classified.notCarried,
      overdue,
    },
    lifecycle: classified.counts,
    reconciliation: recon,
    counts: {
      added: added.length,
      removed: missing.length,
      relocated: moved.length,
      statusChanged: statusChanged.length,
      missing: recon.missing.length,
      unexpected: recon.unexpected.length,
      moved: recon.moved.length,
      newFindings: newFindings.length,
      resolved: resolved.length,
      recurring: recurring.length,
      passed: classified.counts.passed,
      notRechecked: classified.counts.not_rechecked,
      notCarried: classified.counts.notCarried,
      overdue: overdue.length,
    },
  };
}
