import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { PlanSubject } from '../../../shared/checklist/applicability.ts';
import type { Device } from '../../../shared/domain/schemas.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import type { WalkData } from '../../store/slices/walkthrough.ts';

// The room and its devices in walk order: 2,000 rows and more, so only the visible ones are in
// the DOM, and each row subscribes to its own count and state only.

const ROW_HEIGHT = 30;

export function positionLabel(walk: WalkData, device: Device): string {
  const rack = device.rackId ? walk.racksById.get(device.rackId) : undefined;
  if (!rack) return '';
  return device.positionU === null ? rack.name : `${rack.name} U${device.positionU}`;
}

const SubjectRow = memo(function SubjectRow(props: {
  index: number;
  subject: PlanSubject;
  start: number;
  size: number;
}) {
  const t = useT();
  const { index, subject } = props;
  const answered = useStore((s) => s.walk?.answeredBySubject[index] ?? 0);
  const current = useStore(
    (s) => s.walk !== null && s.walk.plan.subjectOfStep[s.walkIndex] === index,
  );
  const mark = useStore((s) =>
    subject.device ? s.walk?.reconciliations.get(subject.device.id)?.state : undefined,
  );
  const walk = useStore((s) => s.walk)!;
  const setWalkIndex = useStore((s) => s.setWalkIndex);
  const total = subject.end - subject.start;
  const device = subject.device;
  const room = walk.rooms.find((r) => r.id === subject.roomId);
  const name = device
    ? device.name || device.assetTag || device.id
    : t('walk.roomSubject', { room: room?.name ?? '' });
  const where = device ? positionLabel(walk, device) : '';
  const done = answered === total;
  return (
    <li
      className={`subj${current ? ' is-current' : ''}${device ? '' : ' subj-room'}`}
      style={{ transform: `translateY(${props.start}px)`, height: props.size }}
    >
      <button
        type="button"
        onClick={() => setWalkIndex(subject.start)}
        aria-current={current ? 'step' : undefined}
        title={[where, name].filter(Boolean).join(' · ')}
      >
        <span className="subj-where mono">{where}</span>
        <span className="subj-name">{name}</span>
        {mark && mark !== 'found' && (
          <span className={`subj-mark mark-${mark}`}>{t.label('reconciliationState', mark)}</span>
        )}
        <span className={`subj-count${done ? ' done' : ''}`}>
          {t('walk.answeredCount', { answered, total })}
        </span>
      </button>
    </li>
  );
});

function useSearch(walk: WalkData) {
  // One lower-cased haystack per subject, built once per walk: a keystroke scans strings only.
  const haystacks = useMemo(
    () =>
      walk.plan.subjects.map((s) => {
        const d = s.device;
        if (!d) return '';
        return [d.name, d.assetTag, d.serial, d.hostname, d.model, ...d.ips, positionLabel(walk, d)]
          .join(' ')
          .toLocaleLowerCase();
      }),
    [walk],
  );
  return (text: string): number[] => {
    const needle = text.trim().toLocaleLowerCase();
    if (!needle) return [];
    const out: number[] = [];
    for (let i = 0; i < haystacks.length && out.length < 50; i++)
      if (haystacks[i]!.includes(needle)) out.push(i);
    return out;
  };
}

export function SubjectList(props: {
  walk: WalkData;
  searchRef: React.RefObject<HTMLInputElement | null>;
}) {
  const t = useT();
  const { walk } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const subjects = walk.plan.subjects;
  const current = useStore((s) => (s.walk ? s.walk.plan.subjectOfStep[s.walkIndex] : -1));
  const setWalkIndex = useStore((s) => s.setWalkIndex);
  // The virtualizer's functions are read during render; the compiler's skipping this component is intended.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: subjects.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  useEffect(() => {
    if (current !== undefined && current >= 0)
      virtualizer.scrollToIndex(current, { align: 'auto' });
  }, [current, virtualizer]);

  const search = useSearch(walk);
  const [query, setQuery] = useState('');
  const matches = useMemo(() => search(query), [search, query]);
  const go = (subjectIndex: number | undefined) => {
    const subject = subjectIndex === undefined ? undefined : subjects[subjectIndex];
    if (!subject) return;
    setWalkIndex(subject.start);
    setQuery('');
    document.getElementById('walk-current')?.focus();
  };
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      go(matches[0]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setQuery('');
      document.getElementById('walk-current')?.focus();
    }
  };
  return (
    <aside className="walk-subjects" aria-label={t('walk.subjects')}>
      <div className="walk-search">
        <label htmlFor="walk-search" className="visually-hidden">
          {t('walk.searchLabel')}
        </label>
        <input
          id="walk-search"
          ref={props.searchRef}
          type="search"
          value={query}
          placeholder={t('walk.searchPlaceholder')}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
          autoComplete="off"
        />
        {query.trim() && (
          <ul
            className="walk-search-results"
            aria-label={t('walk.searchResults', { count: matches.length })}
          >
            {matches.length === 0 && <li className="muted">{t('walk.searchNoMatch')}</li>}
            {matches.slice(0, 12).map((i) => {
              const d = subjects[i]!.device!;
              return (
                <li key={d.id}>
                  <button type="button" onClick={() => go(i)}>
                    <span className="mono">{positionLabel(walk, d)}</span> {d.name}{' '}
                    <span className="muted mono">{d.assetTag}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <div className="walk-subject-scroll" ref={scrollRef}>
        <ul
          className="walk-subject-list"
          aria-label={t('walk.subjectsLabel', { count: subjects.length })}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((row) => (
            <SubjectRow
              key={row.key}
              index={row.index}
              subject={subjects[row.index]!}
              start={row.start}
              size={row.size}
            />
          ))}
        </ul>
      </div>
    </aside>
  );
}
