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

export type ReportModel = {
  snapshot: AuditSnapshot;
  /** YYYY-MM-DD of completion (or generation, before): what "overdue" is measured against. */
  today: string;
  classification: Classification;
  findings: ReportFinding[];
  bySeverity: Record<Severity, ReportFinding[]>;
  counts: Record<Severity, Record<FindingStatus, number>>;
  judgement: Judgement;
  openHigh: number;
  openOther: number;
  keyRisks: ReportFinding[];
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

  const openHigh = bySeverity.high.filter((f) => isOpen(f.finding.status)).length;
  const openOther = [...bySeverity.medium, ...bySeverity.low].filter((f) =>
    isOpen(f.finding.status),
  ).length;
  const judgement: Judgement =
    openHigh > 0 ? 'unsatisfactory' : openOther > 0 ? 'reservations' : 'satisfactory';

  // Overdue and recurring high findings first: they say most about how risk is being managed.
  const keyRisks = bySeverity.high
    .filter((f) => isOpen(f.finding.status))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || Number(a.isNew) - Number(b.isNew))
    .slice(0, 6);

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

  return {
    snapshot,
    today,
    classification: highestClassification(snapshot.rooms),
    findings,
    bySeverity,
    counts,
    judgement,
    openHigh,
    openOther,
    keyRisks,
    answerCounts,
    reconciliation,
    exposedDevices,
    roomById,
    rackById,
    deviceById,
    findingNoById,
  };
}
