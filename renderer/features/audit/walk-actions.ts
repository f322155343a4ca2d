import {
  adjacentSubjectStart,
  nextUnanswered,
  type PlanStep,
} from '../../../shared/checklist/applicability.ts';
import { suggestionFor } from '../../../shared/checklist/reconciliation.ts';
import type { AnswerResult } from '../../../shared/domain/enums.ts';
import type { AuditCursor } from '../../../shared/domain/schemas.ts';
import type { Suggestion } from '../../../shared/rules/prejudge.ts';
import { db } from '../../db/instance.ts';
import { AuditLockedError, isLocked, recordAnswer } from '../../db/repositories/audits.ts';
import { resolveCarriedFinding } from '../../db/repositories/findings.ts';
import { markDevice } from '../../db/repositories/reconciliation.ts';
import { makeTranslator, translate } from '../../i18n/translate.ts';
import { useStore } from '../../store/store.ts';
import type { WalkData } from '../../store/slices/walkthrough.ts';
import { errorText } from '../../ui/error-text.ts';

// What the walk-through's keys and buttons do, outside React: each reads the store at the
// moment it runs (no stale closures, no re-render to learn the current step) and writes through
// the repositories. Errors become toasts; nothing is lost silently.

export const noteInputId = (index: number) => `walk-note-${index}`;
export const stepRowId = (index: number) => `walk-step-${index}`;

function report(err: unknown): void {
  const { notify, lang } = useStore.getState();
  const message =
    err instanceof AuditLockedError
      ? translate(lang, 'walk.lockedToast')
      : errorText(makeTranslator(lang), err);
  notify('error', message);
}

/** How many devices of a room were found there although the inventory did not list them. */
function unexpectedInRoom(walk: WalkData, roomId: string): number {
  let n = 0;
  for (const record of walk.reconciliations.values())
    if (record.roomId === roomId && record.state === 'unexpected') n++;
  return n;
}

export function suggestionForStep(walk: WalkData, step: PlanStep): Suggestion | null {
  const device = step.deviceId ? (walk.devices.get(step.deviceId) ?? null) : null;
  return suggestionFor(
    step.item.id,
    device,
    device ? walk.reconciliations.get(device.id)?.state : undefined,
    {
      today: walk.today,
      idlePolicyDays: walk.idlePolicyDays,
      unexpectedInRoom: device ? 0 : unexpectedInRoom(walk, step.roomId),
    },
  );
}

const cursorOf = (step: PlanStep): AuditCursor => ({
  roomId: step.roomId,
  deviceId: step.deviceId,
  itemId: step.item.id,
});

/**
 * Results asked for but not yet committed. A note typed right after "F" is saved while the
 * fail may still be on its way to IndexedDB; it must keep the fail, not the stale answer.
 */
const pendingResults = new Map<string, AnswerResult>();

/** Notes asked for but not yet committed: a key pressed right after saving a note keeps it. */
const pendingNotes = new Map<string, string>();

/** The answer a step will have once what was asked is committed. */
export function intendedResult(stepKey: string): AnswerResult | undefined {
  return pendingResults.get(stepKey) ?? useStore.getState().walk?.answers.get(stepKey)?.result;
}

export type AnswerOptions = {
  /** The note to store; the answer's current note when omitted. */
  note?: string;
  /** Stay on the step (e.g. to write the note of a failed item) instead of moving on. */
  stay?: boolean;
  /** performance.now() of the key press, to measure keypress-to-commit. */
  keyAt?: number;
};

/**
 * Answers one step. The view moves on at once (typing ahead is fine: IndexedDB runs the
 * transactions in order); the answer shows when it is committed. A failed item keeps the step
 * and focuses its note, because a finding without a note is of little use in the report.
 */
export async function answerStep(
  index: number,
  result: AnswerResult,
  options: AnswerOptions = {},
): Promise<void> {
  const state = useStore.getState();
  const walk = state.walk;
  const step = walk?.plan.steps[index];
  if (!walk || !step) return;
  if (isLocked(walk.audit)) return report(new AuditLockedError());
  const suggestion = suggestionForStep(walk, step);
  const current = walk.answers.get(step.key);
  // A failed item stays for its note; a carried finding's item that passes stays to offer
  // closing the finding (R), so that key acts on this item and not the next.
  const carried = walk.carried.get(step.key);
  const offersClosing = result === 'pass' && carried !== undefined && carried.status !== 'closed';
  const stay = options.stay ?? (result === 'fail' || offersClosing);
  const nextStep = walk.plan.steps[index + 1];
  if (!stay && nextStep && state.walkIndex === index) state.setWalkIndex(index + 1);
  // Focus the note at once, not after the commit: the inspector starts typing right away.
  const askNote = result === 'fail' && stay && options.note === undefined;
  if (askNote) document.getElementById(noteInputId(index))?.focus();
  pendingResults.set(step.key, result);
  const note = options.note ?? pendingNotes.get(step.key) ?? current?.note ?? '';
  pendingNotes.set(step.key, note);
  try {
    const saved = await recordAnswer(db(), {
      auditId: walk.audit.id,
      roomId: step.roomId,
      deviceId: step.deviceId,
      itemId: step.item.id,
      result,
      note,
      by: walk.inspector,
      prejudged: suggestion
        ? { result: suggestion.result, reason: suggestion.reason[state.lang] }
        : null,
      cursorAfter: cursorOf(!stay && nextStep ? nextStep : step),
      lang: state.lang,
    });
    if (options.keyAt !== undefined)
      performance.measure('roomcheck.answer', { start: options.keyAt, end: performance.now() });
    useStore.getState().applyAnswer(saved.answer);
    // A carried finding whose item passes is offered for closing on the item itself.
    if (saved.keptFinding && !offersClosing) {
      const { notify, lang } = useStore.getState();
      notify('info', translate(lang, 'walk.findingKept', { item: step.item.id }));
    }
  } catch (err) {
    report(err);
  } finally {
    if (pendingResults.get(step.key) === result) pendingResults.delete(step.key);
    if (pendingNotes.get(step.key) === note) pendingNotes.delete(step.key);
  }
}

/** Enter: take the rule's suggestion; on an answered step without one, just move on. */
export function confirmStep(index: number, keyAt?: number): void {
  const { walk, setWalkIndex } = useStore.getState();
  const step = walk?.plan.steps[index];
  if (!walk || !step) return;
  const suggestion = suggestionForStep(walk, step);
  if (suggestion) void answerStep(index, suggestion.result, { keyAt });
  else if (walk.answers.has(step.key)) setWalkIndex(index + 1);
}

export function moveItem(delta: 1 | -1): void {
  const { walkIndex, setWalkIndex } = useStore.getState();
  setWalkIndex(walkIndex + delta);
}

export function moveDevice(direction: 1 | -1): void {
  const { walk, walkIndex, setWalkIndex } = useStore.getState();
  if (!walk) return;
  const target = adjacentSubjectStart(walk.plan, walkIndex, direction);
  if (target !== null) setWalkIndex(target);
}

/** Returns false when every step is answered. */
export function jumpToUnanswered(): boolean {
  const { walk, walkIndex, setWalkIndex } = useStore.getState();
  if (!walk) return false;
  const target = nextUnanswered(walk.plan, walkIndex, (key) => {
    const answer = walk.answers.get(key);
    return answer !== undefined && answer.result !== 'unchecked';
  });
  if (target === null) return false;
  setWalkIndex(target);
  return true;
}

/** X / W: toggles a reconciliation mark on the current device. */
export async function toggleMark(state: 'not_found' | 'wrong_location'): Promise<void> {
  const { walk, walkIndex } = useStore.getState();
  const step = walk?.plan.steps[walkIndex];
  if (!walk || !step?.deviceId) return;
  if (isLocked(walk.audit)) return report(new AuditLockedError());
  const current = walk.reconciliations.get(step.deviceId)?.state;
  if (current === 'unexpected') return;
  try {
    const record = await markDevice(db(), {
      auditId: walk.audit.id,
      deviceId: step.deviceId,
      state: current === state ? 'found' : state,
      note: '',
      by: walk.inspector,
    });
    useStore.getState().applyReconciliation(step.deviceId, record);
  } catch (err) {
    report(err);
  }
}

/** R: closes the current item's carried finding as resolved, when the item now passes. */
export async function resolveStep(index: number): Promise<void> {
  const { walk, lang, notify } = useStore.getState();
  const step = walk?.plan.steps[index];
  if (!walk || !step) return;
  if (isLocked(walk.audit)) return report(new AuditLockedError());
  const finding = walk.carried.get(step.key);
  if (!finding || intendedResult(step.key) !== 'pass' || finding.status === 'closed') {
    notify('info', translate(lang, 'walk.resolveNothing'));
    return;
  }
  try {
    const resolved = await resolveCarriedFinding(
      db(),
      finding.id,
      walk.inspector,
      translate(lang, 'walk.resolvedReason', { audit: walk.audit.title || walk.audit.id }),
    );
    useStore.getState().applyCarried(resolved);
    const state = useStore.getState();
    if (state.walkIndex === index) state.setWalkIndex(index + 1);
  } catch (err) {
    report(err);
  }
}
