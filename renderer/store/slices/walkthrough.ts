import type { StateCreator } from 'zustand';
import { stepKey, type AuditPlan } from '../../../shared/checklist/applicability.ts';
import type {
  Answer,
  Audit,
  Device,
  Finding,
  Rack,
  Reconciliation,
  Room,
  Template,
} from '../../../shared/domain/schemas.ts';
import type { RootState } from '../store.ts';

// The open walk-through: the plan and everything the keyboard loop reads, held once in memory so
// a keypress costs one IndexedDB transaction and a re-render of the rows it changed, not a
// re-query of 40,000 answers. The answer map and counters are mutated in place and `walkRev`
// bumps with every change: components select the one answer or count they show
// (`s.walk?.answers.get(key)`), so an answer re-renders its own row and nothing else. Copying
// a 40,000-entry Map per keypress would be the alternative, at a few milliseconds each.

export type WalkData = {
  readonly audit: Audit;
  readonly template: Template;
  readonly rooms: readonly Room[];
  readonly racksById: ReadonlyMap<string, Rack>;
  readonly devices: ReadonlyMap<string, Device>;
  readonly plan: AuditPlan;
  /** By step key; only answers about steps of the plan. */
  readonly answers: Map<string, Answer>;
  readonly answeredBySubject: Int32Array;
  readonly answeredByRoom: Int32Array;
  answeredTotal: number;
  /** By device id. */
  readonly reconciliations: Map<string, Reconciliation>;
  /** Findings carried from the prior audit, by the step key of their check item. */
  readonly carried: Map<string, Finding>;
  /** The prior audit's title, for "carried from …". */
  readonly priorTitle: string | null;
  readonly inspector: string;
  readonly idlePolicyDays: number;
  /** The inspection day (YYYY-MM-DD, local), for the rules. */
  readonly today: string;
};

export type WalkSlice = {
  walk: WalkData | null;
  /** The current step of the plan. */
  walkIndex: number;
  /** Bumps whenever `walk`'s answers, counters or reconciliations change in place. */
  walkRev: number;
  setWalk: (walk: WalkData | null, index?: number) => void;
  setWalkIndex: (index: number) => void;
  /** Puts a committed answer into the open walk (no-op for another audit or an unplanned step). */
  applyAnswer: (answer: Answer) => void;
  applyReconciliation: (deviceId: string, record: Reconciliation | null) => void;
  /** Puts a committed change of a carried finding into the open walk. */
  applyCarried: (finding: Finding) => void;
  setWalkAudit: (audit: Audit) => void;
};

const counts = (result: Answer['result'] | undefined) => (result && result !== 'unchecked' ? 1 : 0);

/** Builds the answer map and counters of a freshly loaded walk. */
export function indexAnswers(
  plan: AuditPlan,
  answers: readonly Answer[],
): Pick<WalkData, 'answers' | 'answeredBySubject' | 'answeredByRoom' | 'answeredTotal'> {
  const map = new Map<string, Answer>();
  const answeredBySubject = new Int32Array(plan.subjects.length);
  const answeredByRoom = new Int32Array(plan.rooms.length);
  let answeredTotal = 0;
  for (const answer of answers) {
    const key = stepKey(answer.roomId, answer.deviceId, answer.itemId);
    const index = plan.indexByKey.get(key);
    if (index === undefined) continue;
    map.set(key, answer);
    if (counts(answer.result)) {
      answeredBySubject[plan.subjectOfStep[index]!]! += 1;
      answeredByRoom[plan.roomOfStep[index]!]! += 1;
      answeredTotal += 1;
    }
  }
  return { answers: map, answeredBySubject, answeredByRoom, answeredTotal };
}

export const createWalkSlice: StateCreator<RootState, [], [], WalkSlice> = (set, get) => ({
  walk: null,
  walkIndex: 0,
  walkRev: 0,
  setWalk: (walk, index = 0) => set((s) => ({ walk, walkIndex: index, walkRev: s.walkRev + 1 })),
  setWalkIndex: (index) => {
    const walk = get().walk;
    if (!walk || walk.plan.steps.length === 0) return;
    const clamped = Math.max(0, Math.min(walk.plan.steps.length - 1, index));
    if (clamped !== get().walkIndex) set({ walkIndex: clamped });
  },
  applyAnswer: (answer) => {
    const walk = get().walk;
    if (!walk || walk.audit.id !== answer.auditId) return;
    const key = stepKey(answer.roomId, answer.deviceId, answer.itemId);
    const index = walk.plan.indexByKey.get(key);
    if (index === undefined) return;
    const delta = counts(answer.result) - counts(walk.answers.get(key)?.result);
    walk.answers.set(key, answer);
    if (delta !== 0) {
      walk.answeredBySubject[walk.plan.subjectOfStep[index]!]! += delta;
      walk.answeredByRoom[walk.plan.roomOfStep[index]!]! += delta;
      walk.answeredTotal += delta;
    }
    set((s) => ({ walkRev: s.walkRev + 1 }));
  },
  applyReconciliation: (deviceId, record) => {
    const walk = get().walk;
    if (!walk) return;
    if (record) walk.reconciliations.set(deviceId, record);
    else walk.reconciliations.delete(deviceId);
    set((s) => ({ walkRev: s.walkRev + 1 }));
  },
  applyCarried: (finding) => {
    const walk = get().walk;
    if (!walk || walk.audit.id !== finding.auditId || !finding.itemId) return;
    walk.carried.set(stepKey(finding.roomId, finding.deviceId, finding.itemId), finding);
    set((s) => ({ walkRev: s.walkRev + 1 }));
  },
  setWalkAudit: (audit) => {
    const walk = get().walk;
    if (!walk || walk.audit.id !== audit.id) return;
    set((s) => ({ walk: { ...walk, audit }, walkRev: s.walkRev + 1 }));
  },
});
