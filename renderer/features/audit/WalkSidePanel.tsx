import { reconciliationLists } from '../../../shared/checklist/reconciliation.ts';
import type { WalkCommand } from './keymap.ts';
import { KEY_MAP } from './keymap.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import type { WalkData } from '../../store/slices/walkthrough.ts';
import { ProgressBar } from './AuditHeader.tsx';
import { positionLabel } from './SubjectList.tsx';

const COMMAND_KEYS: Readonly<Record<WalkCommand, `walk.key.${WalkCommand}`>> = {
  pass: 'walk.key.pass',
  fail: 'walk.key.fail',
  na: 'walk.key.na',
  confirm: 'walk.key.confirm',
  nextItem: 'walk.key.nextItem',
  prevItem: 'walk.key.prevItem',
  nextDevice: 'walk.key.nextDevice',
  prevDevice: 'walk.key.prevDevice',
  nextUnanswered: 'walk.key.nextUnanswered',
  search: 'walk.key.search',
  note: 'walk.key.note',
  notFound: 'walk.key.notFound',
  wrongLocation: 'walk.key.wrongLocation',
  addUnexpected: 'walk.key.addUnexpected',
  resolve: 'walk.key.resolve',
};

export function KeyMapPanel() {
  const t = useT();
  return (
    <section className="side-card" aria-labelledby="walk-keys-title">
      <h2 id="walk-keys-title">{t('walk.keysTitle')}</h2>
      <dl className="keymap">
        {KEY_MAP.map(({ command, keys }) => (
          <div key={command}>
            <dt>
              {keys.map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{t(COMMAND_KEYS[command])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function RoomProgress({ walk }: { walk: WalkData }) {
  const t = useT();
  useStore((s) => s.walkRev); // counters are mutated in place; the revision says when
  return (
    <section className="side-card" aria-labelledby="walk-progress-title">
      <h2 id="walk-progress-title">{t('walk.progressTitle')}</h2>
      {walk.plan.rooms.map((r, i) => {
        const answered = walk.answeredByRoom[i] ?? 0;
        const total = r.end - r.start;
        return (
          <div key={r.room.id} className="side-progress">
            <span className="side-progress-name" title={r.room.name}>
              {r.room.name}
            </span>
            <ProgressBar
              answered={answered}
              total={total}
              label={t('walk.roomProgress', { answered, total })}
            />
          </div>
        );
      })}
    </section>
  );
}

function ReconciliationPanel({ walk }: { walk: WalkData }) {
  const t = useT();
  useStore((s) => s.walkRev);
  const setWalkIndex = useStore((s) => s.setWalkIndex);
  const lists = reconciliationLists(walk.reconciliations.values());
  const groups = [
    {
      key: 'missing',
      title: t('walk.missingList', { count: lists.missing.length }),
      rows: lists.missing,
    },
    {
      key: 'unexpected',
      title: t('walk.unexpectedList', { count: lists.unexpected.length }),
      rows: lists.unexpected,
    },
    { key: 'moved', title: t('walk.movedList', { count: lists.moved.length }), rows: lists.moved },
  ];
  return (
    <section className="side-card" aria-labelledby="walk-recon-title">
      <h2 id="walk-recon-title">{t('walk.reconTitle')}</h2>
      {groups.map((g) => (
        <details key={g.key} className="recon-group" open={g.rows.length > 0 && g.rows.length <= 6}>
          <summary>{g.title}</summary>
          <ul>
            {g.rows.map((r) => {
              const device = walk.devices.get(r.deviceId);
              const subject = walk.plan.subjects.findIndex((s) => s.device?.id === r.deviceId);
              return (
                <li key={r.id}>
                  <button
                    type="button"
                    className="link"
                    onClick={() => subject >= 0 && setWalkIndex(walk.plan.subjects[subject]!.start)}
                  >
                    {device?.name || device?.assetTag || r.deviceId}
                  </button>{' '}
                  <span className="muted mono">{device ? positionLabel(walk, device) : ''}</span>
                </li>
              );
            })}
          </ul>
        </details>
      ))}
    </section>
  );
}

export function WalkSidePanel({ walk }: { walk: WalkData }) {
  return (
    <aside className="walk-side">
      <RoomProgress walk={walk} />
      <ReconciliationPanel walk={walk} />
      <KeyMapPanel />
    </aside>
  );
}
