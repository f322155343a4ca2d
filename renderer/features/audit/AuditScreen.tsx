import { useCallback, useEffect, useRef, useState } from 'react';
import type { Device } from '../../../shared/domain/schemas.ts';
import { db } from '../../db/instance.ts';
import { moveCursor } from '../../db/repositories/audits.ts';
import { makeTranslator, translate } from '../../i18n/translate.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { routeToHash } from '../../store/slices/navigation.ts';
import { AuditHeader, ProgressBar } from './AuditHeader.tsx';
import { commandForKey, type WalkCommand } from './keymap.ts';
import { loadWalk, MISSING_TEXT } from './load-walk.ts';
import { ScopeChanges } from './ScopeChanges.tsx';
import { SubjectList } from './SubjectList.tsx';
import { SubjectPanel } from './SubjectPanel.tsx';
import { UnexpectedDeviceDialog } from './UnexpectedDeviceDialog.tsx';
import {
  answerStep,
  confirmStep,
  jumpToUnanswered,
  moveDevice,
  moveItem,
  noteInputId,
  resolveStep,
  toggleMark,
} from './walk-actions.ts';
import { WalkSidePanel } from './WalkSidePanel.tsx';
import './walkthrough.css';
import { errorText } from '../../ui/error-text.ts';

const CURSOR_SAVE_DELAY_MS = 400;

function OverallProgress() {
  const t = useT();
  const answered = useStore((s) => (s.walkRev, s.walk?.answeredTotal ?? 0));
  const total = useStore((s) => s.walk?.plan.steps.length ?? 0);
  const percent = total ? Math.floor((answered / total) * 100) : 100;
  return (
    <ProgressBar
      answered={answered}
      total={total}
      label={t('walk.progressOverall', { answered, total, percent })}
    />
  );
}

/** Types into fields and dialogs are theirs; buttons keep Enter and Space. */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('dialog')) return true;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return (tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A') && (key === 'Enter' || key === ' ');
}

/** The walk-through of one audit: room items, then each device in walk order, by keyboard. */
export function AuditScreen({
  auditId,
  startDeviceId,
}: {
  auditId: string;
  startDeviceId?: string;
}) {
  const t = useT();
  const walk = useStore((s) => (s.walk?.audit.id === auditId ? s.walk : null));
  const setWalk = useStore((s) => s.setWalk);
  const [missing, setMissing] = useState<'audit' | 'template' | 'damagedRecord' | null>(null);
  const [adding, setAdding] = useState<{ roomId: string; rackId: string | null } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  // Asked for once (the rack elevation opens a device): taken when the walk loads, not again.
  const startAt = useRef(startDeviceId);

  useEffect(() => {
    let live = true;
    const openedAt = performance.now();
    loadWalk(auditId)
      .then((loaded) => {
        if (!live) return;
        if ('missing' in loaded) return setMissing(loaded.missing);
        setMissing(null);
        const asked = startAt.current;
        startAt.current = undefined;
        const subject = asked
          ? loaded.walk.plan.subjects.find((x) => x.device?.id === asked)
          : undefined;
        setWalk(loaded.walk, subject?.start ?? loaded.index);
        // The address goes back to the audit's own: a reload resumes where the inspector is.
        if (asked) {
          const route = { name: 'audit', auditId } as const;
          history.replaceState(null, '', routeToHash(route));
          useStore.getState().navigate(route);
        }
        requestAnimationFrame(() =>
          performance.measure('roomcheck.walkthrough-open', {
            start: openedAt,
            end: performance.now(),
          }),
        );
      })
      .catch((err: unknown) => {
        const { notify, lang } = useStore.getState();
        notify('error', errorText(makeTranslator(lang), err));
      });
    return () => {
      live = false;
      // The next open reads afresh: the inventory may change between visits.
      useStore.getState().setWalk(null);
    };
  }, [auditId, setWalk]);

  // Remember where the inspector is, also when moving without answering; answers carry their
  // own cursor in their transaction, so this is only a short-delayed extra.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = useStore.subscribe((s, prev) => {
      if (s.walkIndex === prev.walkIndex || !s.walk || s.walk !== prev.walk) return;
      clearTimeout(timer);
      const step = s.walk.plan.steps[s.walkIndex];
      const id = s.walk.audit.id;
      if (!step) return;
      timer = setTimeout(() => {
        void moveCursor(db(), id, {
          roomId: step.roomId,
          deviceId: step.deviceId,
          itemId: step.item.id,
        }).catch(() => undefined);
      }, CURSOR_SAVE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, []);

  const openAddUnexpected = useCallback(() => {
    const { walk: w, walkIndex } = useStore.getState();
    const step = w?.plan.steps[walkIndex];
    if (!w || !step) return;
    if (w.audit.status === 'completed' || w.audit.status === 'signed') return;
    const rackId = step.deviceId ? (w.devices.get(step.deviceId)?.rackId ?? null) : null;
    setAdding({ roomId: step.roomId, rackId });
  }, []);

  useEffect(() => {
    const run = (command: WalkCommand, keyAt: number) => {
      const index = useStore.getState().walkIndex;
      switch (command) {
        case 'pass':
        case 'fail':
        case 'na':
          return void answerStep(index, command, { keyAt });
        case 'confirm':
          return confirmStep(index, keyAt);
        case 'nextItem':
          return moveItem(1);
        case 'prevItem':
          return moveItem(-1);
        case 'nextDevice':
          return moveDevice(1);
        case 'prevDevice':
          return moveDevice(-1);
        case 'nextUnanswered':
          if (!jumpToUnanswered()) {
            const { notify, lang } = useStore.getState();
            notify('info', translate(lang, 'walk.allAnswered'));
          }
          return;
        case 'search':
          return searchRef.current?.focus();
        case 'note':
          return document.getElementById(noteInputId(index))?.focus();
        case 'notFound':
          return void toggleMark('not_found');
        case 'wrongLocation':
          return void toggleMark('wrong_location');
        case 'addUnexpected':
          return openAddUnexpected();
        case 'resolve':
          return void resolveStep(index);
      }
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || ownsKey(e.target, e.key)) return;
      if (!useStore.getState().walk) return;
      const command = commandForKey(e);
      if (!command) return;
      e.preventDefault();
      run(command, e.timeStamp);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [openAddUnexpected]);

  // After a scope decision the plan may have a subject more or less: read it again, same place.
  const reload = useCallback(() => {
    void loadWalk(auditId).then((loaded) => {
      if ('missing' in loaded) return;
      setWalk(loaded.walk, useStore.getState().walkIndex);
    });
  }, [auditId, setWalk]);

  const onAdded = useCallback(
    (device: Device | null) => {
      setAdding(null);
      if (!device) return;
      void loadWalk(auditId).then((loaded) => {
        if ('missing' in loaded) return;
        const subject = loaded.walk.plan.subjects.find((s) => s.device?.id === device.id);
        setWalk(loaded.walk, subject?.start ?? useStore.getState().walkIndex);
      });
    },
    [auditId, setWalk],
  );

  if (missing) return <p role="alert">{t(MISSING_TEXT[missing])}</p>;
  if (!walk) return <p className="muted">{t('common.loading')}</p>;
  const locked = walk.audit.status === 'completed' || walk.audit.status === 'signed';
  return (
    <div className="walk">
      <AuditHeader audit={walk.audit} tab="audit">
        <OverallProgress />
        <button type="button" className="secondary small" onClick={() => jumpToUnanswered()}>
          {t('walk.key.nextUnanswered')} <kbd>U</kbd>
        </button>
      </AuditHeader>
      {locked && (
        <p className="walk-locked" role="status">
          {t('walk.locked')}
        </p>
      )}
      {!locked && <ScopeChanges auditId={walk.audit.id} by={walk.inspector} onDecided={reload} />}
      {walk.plan.steps.length === 0 ? (
        <p className="empty">{t('walk.empty')}</p>
      ) : (
        <div className="walk-body">
          <SubjectList walk={walk} searchRef={searchRef} />
          <SubjectPanel walk={walk} onAddUnexpected={openAddUnexpected} />
          <WalkSidePanel walk={walk} />
        </div>
      )}
      {adding && (
        <UnexpectedDeviceDialog
          walk={walk}
          roomId={adding.roomId}
          rackId={adding.rackId}
          onDone={onAdded}
        />
      )}
    </div>
  );
}
