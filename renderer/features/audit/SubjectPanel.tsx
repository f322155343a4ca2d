import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { effectiveSeverity } from '../../../shared/checklist/effective-severity.ts';
import type { PlanStep } from '../../../shared/checklist/applicability.ts';
import type { Severity } from '../../../shared/domain/enums.ts';
import { lifecycleState } from '../../../shared/findings/lifecycle.ts';
import type { Device, Room } from '../../../shared/domain/schemas.ts';
import type { Suggestion } from '../../../shared/rules/prejudge.ts';
import type { Translator } from '../../i18n/translate.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import type { WalkData } from '../../store/slices/walkthrough.ts';
import { clearNoteDraft, readNoteDraft, writeNoteDraft } from './note-drafts.ts';
import { positionLabel } from './SubjectList.tsx';
import {
  answerStep,
  intendedResult,
  noteInputId,
  resolveStep,
  stepRowId,
  suggestionForStep,
  toggleMark,
} from './walk-actions.ts';

const RESULTS = ['pass', 'fail', 'na'] as const;

const ItemRow = memo(function ItemRow(props: {
  index: number;
  step: PlanStep;
  severity: Severity;
  suggestion: Suggestion | null;
  locked: boolean;
}) {
  const t = useT();
  const { index, step, suggestion, locked } = props;
  const answer = useStore((s) => s.walk?.answers.get(step.key));
  const current = useStore((s) => s.walkIndex === index);
  const setWalkIndex = useStore((s) => s.setWalkIndex);
  const auditId = useStore((s) => s.walk?.audit.id ?? '');
  // A draft typed before a reload comes back (note-drafts.ts) until it is saved.
  const [draft, setDraftState] = useState<string | null>(() =>
    locked ? null : readNoteDraft(auditId, step.key),
  );
  const setDraft = (text: string | null) => {
    setDraftState(text);
    if (text === null) clearNoteDraft(auditId, step.key);
    else writeNoteDraft(auditId, step.key, text);
  };
  const note = draft ?? answer?.note ?? '';
  const rowRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    const row = rowRef.current;
    if (!current || !row) return;
    row.scrollIntoView({ block: 'nearest' });
    // Keep the keyboard focus on the current step unless the inspector is typing somewhere.
    const active = document.activeElement;
    const typing =
      active instanceof HTMLInputElement ||
      active instanceof HTMLTextAreaElement ||
      active instanceof HTMLSelectElement ||
      active?.closest('dialog');
    if (!typing) row.focus({ preventScroll: true });
  }, [current]);

  const saveNote = async (advance: boolean) => {
    const changed = draft !== null && draft !== (answer?.note ?? '');
    const result = intendedResult(step.key) ?? 'unchecked';
    const saving = changed ? answerStep(index, result, { note: draft, stay: true }) : null;
    // An answered item moves on at once, like answering does (IndexedDB commits the note
    // before any later answer). An unanswered one keeps the cursor: the inspector wrote a note
    // first and answers next, and that key must answer this item, not the one after it.
    if (advance && result !== 'unchecked') setWalkIndex(index + 1);
    await saving;
    setDraft(null);
  };
  const onNoteKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      // Enter after a failed item's note goes on to the next item, as answering would have.
      void saveNote(e.key === 'Enter');
      rowRef.current?.focus({ preventScroll: true });
    }
  };
  const text = step.item.text[t.lang];
  const result = answer?.result ?? 'unchecked';
  const textId = `${stepRowId(index)}-text`;
  return (
    <li
      ref={rowRef}
      id={stepRowId(index)}
      tabIndex={-1}
      className={`witem res-${result}${current ? ' is-current' : ''}`}
      aria-labelledby={textId}
      aria-current={current ? 'step' : undefined}
      onClick={() => setWalkIndex(index)}
    >
      <span className="witem-id mono">{step.item.id}</span>
      <div className="witem-main">
        <span className="witem-text" id={textId}>
          {text}
        </span>
        <CarriedNote index={index} stepKey={step.key} locked={locked} />
        {suggestion && (
          <span className={`witem-suggest sugg-${suggestion.result}`}>
            <strong>
              {t('walk.suggests', { result: t.label('answerResult', suggestion.result) })}
            </strong>
            {' · '}
            {suggestion.reason[t.lang]}
            {current && result === 'unchecked' && !locked && (
              <kbd className="witem-enter">{t('walk.confirmHint')}</kbd>
            )}
          </span>
        )}
      </div>
      <span className={`badge sev-${props.severity}`}>{t.label('severity', props.severity)}</span>
      <span
        className="segmented"
        role="group"
        aria-label={t('walk.answerFor', { item: step.item.id })}
      >
        {RESULTS.map((r) => (
          <button
            key={r}
            type="button"
            className={`seg seg-${r}`}
            aria-pressed={result === r}
            disabled={locked}
            onClick={(e) => {
              e.stopPropagation();
              void answerStep(index, r, { note, stay: r === 'fail' });
              setDraft(null);
            }}
          >
            {t(`walk.result.${r}`)}
          </button>
        ))}
      </span>
      <span className="witem-note">
        <input
          id={noteInputId(index)}
          value={note}
          placeholder={result === 'fail' ? t('walk.noteAsk') : t('walk.notePlaceholder')}
          aria-label={t('walk.noteFor', { item: step.item.id })}
          disabled={locked}
          onChange={(e) => setDraft(e.target.value)}
          onFocus={() => setWalkIndex(index)}
          onKeyDown={onNoteKey}
          onBlur={() => void saveNote(false)}
          onClick={(e) => e.stopPropagation()}
        />
      </span>
    </li>
  );
});

const CARRIED_TEXT = {
  resolved: 'walk.carriedResolved',
  recurring: 'walk.carriedRecurring',
  passed: 'walk.carriedPassed',
  not_rechecked: 'walk.carriedNotRechecked',
  settled: 'walk.carriedNotRechecked',
  new: 'walk.carriedNotRechecked',
} as const;

/** A finding carried from the prior audit for this item: where from, and where it stands. */
function CarriedNote(props: { index: number; stepKey: string; locked: boolean }) {
  const t = useT();
  const finding = useStore((s) => s.walk?.carried.get(props.stepKey));
  const answer = useStore((s) => s.walk?.answers.get(props.stepKey));
  const priorTitle = useStore((s) => s.walk?.priorTitle ?? null);
  if (!finding) return null;
  const state = lifecycleState(finding, new Map(answer ? [[answer.id, answer]] : []));
  return (
    <span className={`witem-carried carried-${state}`}>
      <strong>
        {t('walk.carriedFrom', {
          audit: priorTitle ?? finding.carriedFrom?.auditId ?? finding.firstSeenAuditId,
          date: finding.firstSeenAt.slice(0, 10),
        })}
      </strong>
      {' · '}
      {t(CARRIED_TEXT[state], { by: finding.resolution?.by ?? '' })}
      {state === 'passed' && !props.locked && (
        <button
          type="button"
          className="secondary small"
          onClick={(e) => {
            e.stopPropagation();
            void resolveStep(props.index);
          }}
        >
          {t('walk.resolveButton')} <kbd>R</kbd>
        </button>
      )}
    </span>
  );
}

function Fact(props: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={`fact${props.wide ? ' wide' : ''}`}>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

const dash = (v: string | null | undefined) => (v && v.trim() ? v : '—');

function DeviceFacts({ walk, device, t }: { walk: WalkData; device: Device; t: Translator }) {
  const mgmt = device.managementInterfaces
    .map((m) => `${t.label('managementInterfaceKind', m.kind)}${m.address ? ` ${m.address}` : ''}`)
    .join(', ');
  const media = device.media.map((m) => `${m.count}× ${t.label('mediaKind', m.kind)}`).join(', ');
  const net = device.network;
  return (
    <dl className="facts">
      <Fact label={t.label('deviceField', 'assetTag')}>
        <span className="mono">{dash(device.assetTag)}</span>
      </Fact>
      <Fact label={t('walk.fieldSerial')}>
        <span className="mono">{dash(device.serial)}</span>
      </Fact>
      <Fact label={t('walk.fieldPosition')}>{dash(positionLabel(walk, device))}</Fact>
      <Fact label={t('walk.fieldModel')}>
        {dash([device.manufacturer, device.model].filter(Boolean).join(' '))}
      </Fact>
      <Fact label={t('walk.fieldHost')}>
        <span className="mono">
          {dash([device.hostname, ...device.ips].filter(Boolean).join(' · '))}
        </span>
      </Fact>
      <Fact label={t('walk.fieldOwner')}>
        {dash([device.owner, device.department].filter(Boolean).join(' · '))}
      </Fact>
      <Fact label={t('walk.fieldNetwork')}>
        {t.label('networkState', net.state)}
        {net.switchName || net.switchPort ? ` · ${net.switchName} ${net.switchPort}` : ''}
      </Fact>
      <Fact label={t('walk.fieldPower')}>{t.label('powerState', device.power)}</Fact>
      <Fact label={t('walk.fieldIdle')}>{dash(device.idleSince)}</Fact>
      <Fact label={t('walk.fieldFirmware')}>
        {dash([device.firmwareVersion, device.firmwareDate].filter(Boolean).join(' · '))}
      </Fact>
      <Fact label={t('walk.fieldEos')}>{dash(device.endOfSupport)}</Fact>
      <Fact label={t('walk.fieldCredentials')}>
        {t('walk.defaultChanged', {
          value: t.label('triState', device.credentials.defaultChanged),
        })}
        {device.credentials.storesOtherCredentials && (
          <span className="badge sev-high">{t('walk.storesCredentials')}</span>
        )}
      </Fact>
      <Fact label={t('walk.fieldMgmt')} wide>
        {dash(mgmt)}
      </Fact>
      <Fact label={t('walk.fieldMedia')} wide>
        {dash(media)}
      </Fact>
    </dl>
  );
}

function RoomFacts({ room, t }: { room: Room; t: Translator }) {
  return (
    <dl className="facts">
      <Fact label={t('walk.fieldBuilding')}>
        {dash([room.building, room.floor].filter(Boolean).join(' · '))}
      </Fact>
      <Fact label={t('walk.fieldClassification')}>
        {t.label('classification', room.classification)}
      </Fact>
    </dl>
  );
}

/** The current subject (the room or one device): what is recorded about it and its items. */
export function SubjectPanel(props: { walk: WalkData; onAddUnexpected: () => void }) {
  const t = useT();
  const { walk } = props;
  const subjectIndex = useStore((s) => (s.walk ? s.walk.plan.subjectOfStep[s.walkIndex] : 0)) ?? 0;
  // Reconciliation marks change suggestions; walkRev tells when, without re-rendering per answer
  // (the selector returns the mark itself, which is stable across answers).
  const mark = useStore((s) => {
    const d = s.walk?.plan.subjects[subjectIndex]?.device;
    return d ? s.walk?.reconciliations.get(d.id)?.state : undefined;
  });
  const unexpectedCount = useStore((s) => {
    let n = 0;
    if (s.walk) for (const r of s.walk.reconciliations.values()) if (r.state === 'unexpected') n++;
    return n;
  });
  const subject = walk.plan.subjects[subjectIndex];
  const locked = walk.audit.status === 'completed' || walk.audit.status === 'signed';
  const rows = useMemo(() => {
    if (!subject) return [];
    const out = [];
    for (let i = subject.start; i < subject.end; i++) {
      const step = walk.plan.steps[i]!;
      out.push({
        index: i,
        step,
        severity: effectiveSeverity(step.item, subject.device),
        suggestion: suggestionForStep(walk, step),
      });
    }
    return out;
    // mark and unexpectedCount change the suggestions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [walk, subject, mark, unexpectedCount]);
  if (!subject) return null;
  const device = subject.device;
  const room = walk.rooms.find((r) => r.id === subject.roomId)!;
  const deviceNumber =
    walk.plan.rooms.find((r) => r.room.id === room.id)?.subjects.indexOf(subject) ?? 0;
  return (
    <section
      className="walk-current"
      id="walk-current"
      tabIndex={-1}
      aria-labelledby="walk-subject-title"
    >
      <header className="subject-head">
        <div className="subject-title-row">
          <h2 id="walk-subject-title" title={device ? device.name : room.name}>
            {device ? device.name || device.assetTag : t('walk.roomSubject', { room: room.name })}
          </h2>
          {device && (
            <>
              <span className="badge">{t.label('deviceType', device.type)}</span>
              <span className={`badge status-${device.status}`}>
                {t.label('lifecycleStatus', device.status)}
              </span>
              {mark && (
                <span className={`badge mark-${mark}`}>{t.label('reconciliationState', mark)}</span>
              )}
            </>
          )}
          <span className="muted subject-count">
            {device
              ? t('walk.deviceOf', {
                  n: deviceNumber,
                  total: walk.plan.rooms.find((r) => r.room.id === room.id)!.subjects.length - 1,
                })
              : room.name}
          </span>
        </div>
        {device ? (
          <DeviceFacts walk={walk} device={device} t={t} />
        ) : (
          <RoomFacts room={room} t={t} />
        )}
        <div className="subject-actions" role="group" aria-label={t('walk.reconTitle')}>
          {device && mark !== 'unexpected' && (
            <>
              <button
                type="button"
                className="secondary small"
                aria-pressed={mark === 'not_found'}
                disabled={locked}
                onClick={() => void toggleMark('not_found')}
              >
                {t('walk.markNotFound')} <kbd>X</kbd>
              </button>
              <button
                type="button"
                className="secondary small"
                aria-pressed={mark === 'wrong_location'}
                disabled={locked}
                onClick={() => void toggleMark('wrong_location')}
              >
                {t('walk.markWrongLocation')} <kbd>W</kbd>
              </button>
            </>
          )}
          <button
            type="button"
            className="secondary small"
            disabled={locked}
            onClick={props.onAddUnexpected}
          >
            {t('walk.addUnexpected')} <kbd>A</kbd>
          </button>
        </div>
      </header>
      <ol
        className="witems"
        aria-label={t('walk.itemsOf', { subject: device ? device.name : room.name })}
      >
        {rows.map((r) => (
          <ItemRow
            key={r.step.key}
            index={r.index}
            step={r.step}
            severity={r.severity}
            suggestion={r.suggestion}
            locked={locked}
          />
        ))}
      </ol>
    </section>
  );
}
