import {
  CLASSIFICATIONS,
  FINDING_STATUSES,
  SEVERITIES,
  type Classification,
  type FindingStatus,
  type Severity,
} from '../domain/enums.ts';
import type { CheckItem, Device, Finding, Rack, Room } from '../domain/schemas.ts';
import type { AuditSnapshot, SnapshotEvidence } from '../snapshot/schema.ts';
import { auditPlan, stepKey } from '../checklist/applicability.ts';
import { isDataBearing } from '../checklist/effective-severity.ts';
import { addDays } from '../calendar/dates.ts';
import { rankRisks } from '../findings/risk-rank.ts';

// What the report says, worked out from the snapshot before anything is drawn: finding numbers,
// counts, the overall judgement, key risks, lookups. Kept apart from the drawing so it can be
// tested on its own and so every section numbers and counts things the same way.

export type ReportFinding = {
  /** Number printed in the report, e.g. "H-03": severity letter and rank within it. */
  no: string;
  finding: Finding;
  item: CheckItem | null;
  device: Device | null;
  room: Room | null;
  rack: Rack | null;
  evidence: SnapshotEvidence[];
  isNew: boolean;
  overdue: boolean;
};

export type Judgement = 'unsatisfactory' | 'reservations' | 'satisfactory';

/** Unresolved findings (open or in remediation), split the way the counts table shows them. */
export type Unresolved = { total: number; open: number; inRemediation: number };

/** Items passed of items checked (pass or fail; n/a and not checked are left out). */
export type Conformity = { passed: number; checked: number };

/** "96.3": the conformity rate to one decimal, rounded down so 99.96 % never reads 100; null
 * when nothing was checked. */
export function conformityPercent(c: Conformity): string | null {
  return c.checked === 0 ? null : (Math.floor((c.passed / c.checked) * 1000) / 10).toFixed(1);
}

/** A step of the audit's plan that has no pass, fail or n/a. */
export type NotCheckedItem = { room: Room; device: Device | null; item: CheckItem };

export type ReportModel = {
  snapshot: AuditSnapshot;
  /** YYYY-MM-DD of completion (or generation, before): what "overdue" is measured against. */
  today: string;
  classification: Classification;
  findings: ReportFinding[];
  bySeverity: Record<Severity, ReportFinding[]>;
  counts: Record<Severity, Record<FindingStatus, number>>;
  judgement: Judgement;
  unresolvedHigh: Unresolved;
  unresolvedOther: Unresolved;
  keyRisks: ReportFinding[];
  conformity: Conformity;
  conformityByRoom: Array<{ room: Room; conformity: Conformity; na: number; unchecked: number }>;
  notChecked: NotCheckedItem[];
  /** The control bases the checklist's items cite (each "; "-separated reference once), in
   * checklist order. */
  controlBases: string[];
  /** When the next audit of the rooms is due: completion plus the shortest room interval. */
  nextAudit: { due: string; intervalDays: number } | null;
  answerCounts: { pass: number; fail: number; na: number; unchecked: number };
  reconciliation: { notFound: number; unexpected: number; wrongLocation: number };
  /** Idle or decommissioning devices observed powered on and connected (D1's concern). */
  exposedDevices: Device[];
  roomById: Map<string, Room>;
  rackById: Map<string, Rack>;
  deviceById: Map<string, Device>;
  findingNoById: Map<string, string>;
};

const SEVERITY_LETTER: Record<Severity, string> = { high: 'H', medium: 'M', low: 'L' };
const STATUS_ORDER: Record<FindingStatus, number> = {
  open: 0,
  in_remediation: 1,
  risk_accepted: 2,
  closed: 3,
};

export function isOpen(status: FindingStatus): boolean {
  return status === 'open' || status === 'in_remediation';
}

/** The most restrictive classification among the audited rooms: the report's own level. */
export function highestClassification(rooms: readonly Room[]): Classification {
  let rank = 0;
  for (const room of rooms) rank = Math.max(rank, CLASSIFICATIONS.indexOf(room.classification));
  return CLASSIFICATIONS[rank] ?? 'unclassified';
}

const KEY_RISKS = 6;

/** Every step of the audit's plan without a pass, fail or n/a, in walk order. */
function notCheckedItems(snapshot: AuditSnapshot): NotCheckedItem[] {
  const plan = auditPlan(snapshot.template, snapshot.rooms, snapshot.racks, snapshot.devices);
  const answered = new Set<string>();
  for (const a of snapshot.answers)
    if (a.result !== 'unchecked') answered.add(stepKey(a.roomId, a.deviceId, a.itemId));
  const out: NotCheckedItem[] = [];
  for (const planRoom of plan.rooms) {
    for (const subject of planRoom.subjects) {
      for (let i = subject.start; i < subject.end; i++) {
        const step = plan.steps[i]!;
        if (!answered.has(step.key))
          out.push({ room: planRoom.room, device: subject.device, item: step.item });
      }
    }
  }
  return out;
}

export function buildReportModel(snapshot: AuditSnapshot, generatedAt: string): ReportModel {
  // A completed audit is judged as of its completion, so every report of it says the same.
  const today = (snapshot.audit.completedAt ?? generatedAt).slice(0, 10);
  const roomById = new Map(snapshot.rooms.map((r) => [r.id, r]));
  const rackById = new Map(snapshot.racks.map((r) => [r.id, r]));
  const deviceById = new Map(snapshot.devices.map((d) => [d.id, d]));
  const itemById = new Map(snapshot.template.items.map((i) => [i.id, i]));
  const evidenceByFinding = new Map<string, SnapshotEvidence[]>();
  for (const ev of snapshot.evidence) {
    if (!ev.findingId) continue;
    const list = evidenceByFinding.get(ev.findingId) ?? [];
    list.push(ev);
    evidenceByFinding.set(ev.findingId, list);
  }

  const sorted = [...snapshot.findings].sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.id.localeCompare(b.id),
  );

  const bySeverity: Record<Severity, ReportFinding[]> = { high: [], medium: [], low: [] };
  const counts = Object.fromEntries(
    SEVERITIES.map((s) => [s, Object.fromEntries(FINDING_STATUSES.map((st) => [st, 0]))]),
  ) as Record<Severity, Record<FindingStatus, number>>;
  const width = String(snapshot.findings.length).length > 2 ? 3 : 2;
  const findingNoById = new Map<string, string>();

  for (const finding of sorted) {
    const group = bySeverity[finding.severity];
    const no = `${SEVERITY_LETTER[finding.severity]}-${String(group.length + 1).padStart(width, '0')}`;
    const device = finding.deviceId ? (deviceById.get(finding.deviceId) ?? null) : null;
    group.push({
      no,
      finding,
      item: finding.itemId ? (itemById.get(finding.itemId) ?? null) : null,
      device,
      room: roomById.get(finding.roomId) ?? null,
      rack: device?.rackId ? (rackById.get(device.rackId) ?? null) : null,
      evidence: evidenceByFinding.get(finding.id) ?? [],
      isNew: finding.firstSeenAuditId === snapshot.audit.id,
      overdue: isOpen(finding.status) && finding.dueDate !== null && finding.dueDate < today,
    });
    counts[finding.severity][finding.status]++;
    findingNoById.set(finding.id, no);
  }
  const findings = [...bySeverity.high, ...bySeverity.medium, ...bySeverity.low];

  const unresolved = (list: readonly ReportFinding[]): Unresolved => {
    const open = list.filter((f) => f.finding.status === 'open').length;
    const inRemediation = list.filter((f) => f.finding.status === 'in_remediation').length;
    return { total: open + inRemediation, open, inRemediation };
  };
  const unresolvedHigh = unresolved(bySeverity.high);
  const unresolvedOther = unresolved([...bySeverity.medium, ...bySeverity.low]);
  const judgement: Judgement =
    unresolvedHigh.total > 0
      ? 'unsatisfactory'
      : unresolvedOther.total > 0
        ? 'reservations'
        : 'satisfactory';

  // The riskiest unresolved findings (shared/findings/risk-rank.ts), not the first found.
  const keyRisks = rankRisks(
    findings.filter((f) => isOpen(f.finding.status)),
    (f) => ({
      severity: f.finding.severity,
      recurring: !f.isNew,
      overdue: f.overdue,
      dataBearing: f.device !== null && isDataBearing(f.device),
    }),
    KEY_RISKS,
  );

  const results = snapshot.figures.results;
  const conformity = { passed: results.pass, checked: results.pass + results.fail };
  const conformityByRoom = snapshot.figures.rooms.flatMap((r) => {
    const room = roomById.get(r.roomId);
    return room
      ? [
          {
            room,
            conformity: { passed: r.pass, checked: r.pass + r.fail },
            na: r.na,
            unchecked: r.unchecked,
          },
        ]
      : [];
  });

  // The audit's own summary figures: "not checked" counts every unanswered step of its scope.
  const answerCounts = { ...snapshot.figures.results };
  const reconciliation = {
    notFound: snapshot.figures.reconciliation.missing,
    unexpected: snapshot.figures.reconciliation.unexpected,
    wrongLocation: snapshot.figures.reconciliation.moved,
  };
  const exposedDevices = snapshot.devices.filter(
    (d) =>
      (d.status === 'idle' || d.status === 'decommissioning') &&
      d.power === 'on' &&
      d.network.state === 'connected',
  );

  const completed = snapshot.audit.completedAt?.slice(0, 10) ?? null;
  const interval = Math.min(...snapshot.rooms.map((r) => r.auditIntervalDays));
  return {
    snapshot,
    today,
    classification: highestClassification(snapshot.rooms),
    findings,
    bySeverity,
    counts,
    judgement,
    unresolvedHigh,
    unresolvedOther,
    keyRisks,
    conformity,
    conformityByRoom,
    notChecked: notCheckedItems(snapshot),
    controlBases: [
      ...new Set(
        snapshot.template.items.flatMap((i) =>
          i.basis
            .split(';')
            .map((b) => b.trim())
            .filter(Boolean),
        ),
      ),
    ],
    nextAudit:
      completed && Number.isFinite(interval)
        ? { due: addDays(completed, interval), intervalDays: interval }
        : null,
    answerCounts,
    reconciliation,
    exposedDevices,
    roomById,
    rackById,
    deviceById,
    findingNoById,
  };
}
