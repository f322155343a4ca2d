import { z } from 'zod';
import { auditPlan, stepKey } from '../checklist/applicability.ts';
import { reconciliationLists } from '../checklist/reconciliation.ts';
import { FINDING_STATUSES, SEVERITIES } from '../domain/enums.ts';
import type {
  Answer,
  Audit,
  Device,
  Finding,
  Rack,
  Reconciliation,
  Room,
  Template,
} from '../domain/schemas.ts';
import { tallyFindings } from '../findings/findings.ts';
import { compareAudits } from '../compare/compare-audits.ts';
import { LIFECYCLE_STATES } from '../findings/lifecycle.ts';

// The summary figures of one audit, computed by one function from the audit's own content
// (its scope, answers, findings, reconciliation): the summary screen, the report and Compare
// all show these, and a completed audit's record stores them as they were at completion.
// "Not checked" is every step of the plan without a pass, fail or n/a, not only the steps
// somebody explicitly marked unchecked.

const Count = z.number().int().min(0);
const ResultCounts = z.object({ pass: Count, fail: Count, na: Count, unchecked: Count });

export const AuditFiguresSchema = z.object({
  /** Check items to answer: the plan of the audit's scope. */
  steps: Count,
  answered: Count,
  results: ResultCounts,
  rooms: z.array(ResultCounts.extend({ roomId: z.string(), steps: Count, answered: Count })),
  /** Devices in the audit's scope. */
  devices: Count,
  /** Devices with at least one answered item. */
  devicesInspected: Count,
  findings: z.object({
    total: Count,
    cells: z.record(z.enum(SEVERITIES), z.record(z.enum(FINDING_STATUSES), Count)),
  }),
  /** Findings by their life across audits, against the prior audit (compareAudits). */
  lifecycle: z.record(z.enum([...LIFECYCLE_STATES, 'notCarried']), Count),
  reconciliation: z.object({ missing: Count, unexpected: Count, moved: Count }),
});
export type AuditFigures = z.infer<typeof AuditFiguresSchema>;

export type FiguresInput = {
  readonly audit: Audit;
  readonly prior: {
    readonly audit: Audit;
    readonly devices: readonly Device[];
    readonly findings: readonly Finding[];
  } | null;
  readonly template: Template;
  readonly rooms: readonly Room[];
  readonly racks: readonly Rack[];
  readonly devices: readonly Device[];
  readonly answers: readonly Answer[];
  readonly findings: readonly Finding[];
  readonly reconciliations: readonly Reconciliation[];
};

export function computeAuditFigures(input: FiguresInput): AuditFigures {
  const plan = auditPlan(input.template, input.rooms, input.racks, input.devices);
  const rooms = plan.rooms.map((r) => ({
    roomId: r.room.id,
    steps: r.end - r.start,
    answered: 0,
    pass: 0,
    fail: 0,
    na: 0,
    unchecked: 0,
  }));
  const results = { pass: 0, fail: 0, na: 0, unchecked: 0 };
  const inspected = new Set<string>();
  for (const answer of input.answers) {
    if (answer.result === 'unchecked') continue;
    const index = plan.indexByKey.get(stepKey(answer.roomId, answer.deviceId, answer.itemId));
    if (index === undefined) continue;
    const room = rooms[plan.roomOfStep[index]!]!;
    room[answer.result] += 1;
    room.answered += 1;
    results[answer.result] += 1;
    if (answer.deviceId) inspected.add(answer.deviceId);
  }
  for (const room of rooms) room.unchecked = room.steps - room.answered;
  const answered = results.pass + results.fail + results.na;
  results.unchecked = plan.steps.length - answered;
  const tally = tallyFindings(input.findings);
  const recon = reconciliationLists(input.reconciliations);
  return {
    steps: plan.steps.length,
    answered,
    results,
    rooms,
    devices: input.devices.length,
    devicesInspected: inspected.size,
    findings: {
      total: tally.total,
      cells: structuredCells(tally.cells),
    },
    lifecycle: { ...lifecycleAgainstPrior(input) },
    reconciliation: {
      missing: recon.missing.length,
      unexpected: recon.unexpected.length,
      moved: recon.moved.length,
    },
  };
}

const structuredCells = (cells: ReturnType<typeof tallyFindings>['cells']) =>
  Object.fromEntries(
    SEVERITIES.map((s) => [s, { ...cells[s] }]),
  ) as AuditFigures['findings']['cells'];

/** The lifecycle counts exactly as Compare and the report's comparison section count them. */
function lifecycleAgainstPrior(input: FiguresInput) {
  const day = (input.audit.completedAt ?? input.audit.startedAt).slice(0, 10);
  return compareAudits(input.prior, input, day).lifecycle;
}
