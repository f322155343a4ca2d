import type { Answer, Finding } from '../domain/schemas.ts';
import { answerId } from '../domain/schemas.ts';

// Where each finding of an audit stands in its life across audits. One function decides it, and
// the summary, the Compare view and the report's comparison section all count with it, so they
// cannot disagree. A finding keeps one identity (lineageId) from first seen to closed; a copy
// carried into a follow-up is judged by what the follow-up did with its check item:
//   new            first seen in this audit
//   recurring      carried, and seen failing again here (or recorded as seen again)
//   resolved       carried, and closed here as resolved (verified in this audit)
//   passed         carried, its item passes here, not yet closed: offered for closing
//   not_rechecked  carried, its item was not re-checked here ("carried, not re-checked")
//   settled        carried and closed or risk-accepted here without a verification

export const LIFECYCLE_STATES = [
  'new',
  'recurring',
  'resolved',
  'passed',
  'not_rechecked',
  'settled',
] as const;
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

/** A finding copied forward from an earlier audit (it names an earlier first sighting). */
export const isCarried = (finding: Pick<Finding, 'auditId' | 'firstSeenAuditId'>): boolean =>
  finding.firstSeenAuditId !== finding.auditId;

/** The answer a finding's check item has in the finding's own audit, if any. */
export function answerOfFinding(
  finding: Pick<Finding, 'auditId' | 'roomId' | 'deviceId' | 'itemId'>,
  answersById: ReadonlyMap<string, Pick<Answer, 'result'>>,
): Pick<Answer, 'result'> | undefined {
  if (finding.itemId === null) return undefined;
  return answersById.get(
    answerId(finding.auditId, finding.roomId, finding.deviceId, finding.itemId),
  );
}

export function lifecycleState(
  finding: Finding,
  answersById: ReadonlyMap<string, Pick<Answer, 'result'>>,
): LifecycleState {
  if (!isCarried(finding)) return 'new';
  if (finding.status === 'closed' && finding.resolution?.auditId === finding.auditId)
    return 'resolved';
  const result = answerOfFinding(finding, answersById)?.result;
  if (result === 'fail' || finding.seenIn.some((s) => s.auditId === finding.auditId))
    return 'recurring';
  if (finding.status === 'closed' || finding.status === 'risk_accepted') return 'settled';
  if (result === 'pass') return 'passed';
  return 'not_rechecked';
}

export type LifecycleCounts = Readonly<Record<LifecycleState, number>>;

/** A finding of the current audit with its state and, when there is one, its prior sighting. */
export type ClassifiedFinding = {
  readonly current: Finding;
  readonly state: LifecycleState;
  readonly prior: Finding | null;
};

export type FindingClassification = {
  readonly byState: Readonly<Record<LifecycleState, readonly ClassifiedFinding[]>>;
  /** Open in the prior audit, and nowhere in the current one (not carried forward). */
  readonly notCarried: readonly Finding[];
  readonly counts: LifecycleCounts & { readonly notCarried: number };
};

/** What a finding is about, for findings that predate lineage ids (see findingV2). */
export type LineageKey = (finding: Finding) => string;

/**
 * Every finding of the current audit in its state, paired with the prior audit's finding of
 * the same lineage (by lineage id, then by what it is about through `keyOf`). A finding raised
 * afresh here for a problem that was open in the prior audit is recurring, not new.
 */
export function classifyFindings(
  prior: readonly Finding[] | null,
  current: readonly Finding[],
  answers: readonly Pick<Answer, 'id' | 'result'>[],
  keyOf: { prior: LineageKey; current: LineageKey },
): FindingClassification {
  const answersById = new Map(answers.map((a) => [a.id, a]));
  const priorByLineage = new Map<string, Finding>();
  const priorByKey = new Map<string, Finding[]>();
  const byFirstSighting = [...(prior ?? [])].sort((a, b) =>
    a.firstSeenAt < b.firstSeenAt ? -1 : a.firstSeenAt > b.firstSeenAt ? 1 : 0,
  );
  for (const f of byFirstSighting) {
    if (!priorByLineage.has(f.lineageId)) priorByLineage.set(f.lineageId, f);
    const key = keyOf.prior(f);
    const list = priorByKey.get(key);
    if (list) list.push(f);
    else priorByKey.set(key, [f]);
  }
  const paired = new Set<Finding>();
  const take = (f: Finding): Finding | null => {
    const byLineage = priorByLineage.get(f.lineageId);
    if (byLineage && !paired.has(byLineage)) {
      paired.add(byLineage);
      return byLineage;
    }
    const byKey = priorByKey.get(keyOf.current(f))?.find((p) => !paired.has(p));
    if (byKey) paired.add(byKey);
    return byKey ?? null;
  };
  const byState = Object.fromEntries(LIFECYCLE_STATES.map((s) => [s, []])) as unknown as Record<
    LifecycleState,
    ClassifiedFinding[]
  >;
  for (const finding of current) {
    const priorMatch = take(finding);
    let state = lifecycleState(finding, answersById);
    // Raised afresh, but the prior audit had the same problem: it came back.
    if (state === 'new' && priorMatch) state = 'recurring';
    byState[state].push({ current: finding, state, prior: priorMatch });
  }
  const notCarried = (prior ?? []).filter(
    (f) => !paired.has(f) && (f.status === 'open' || f.status === 'in_remediation'),
  );
  const counts = Object.fromEntries(LIFECYCLE_STATES.map((s) => [s, byState[s].length])) as Record<
    LifecycleState,
    number
  >;
  return { byState, notCarried, counts: { ...counts, notCarried: notCarried.length } };
}
