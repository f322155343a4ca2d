import { useCallback, useEffect, useState } from 'react';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import type { Conflict } from '../../sync/conflicts.ts';
import { allConflicts, resolve } from '../../sync/hub-service.ts';

const KIND: Record<string, MessageKey> = {
  site: 'hub.kind.site',
  room: 'hub.kind.room',
  rack: 'hub.kind.rack',
  device: 'hub.kind.device',
  template: 'hub.kind.template',
};

const show = (value: unknown): string =>
  value === null || value === undefined
    ? '—'
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);

/** The fields whose values differ between the versions (bookkeeping fields left out). */
function differing(conflict: Conflict): string[] {
  const keys = new Set(conflict.versions.flatMap((v) => Object.keys(v.data)));
  return [...keys]
    .filter((k) => k !== 'updatedAt' && k !== 'createdAt' && k !== 'id')
    .filter((k) => new Set(conflict.versions.map((v) => show(v.data[k]))).size > 1)
    .sort();
}

/** Every conflicting edit, each version side by side; a person keeps one. */
export function ConflictsPanel() {
  const t = useT();
  const notify = useStore((s) => s.notify);
  const count = useStore((s) => s.sync.conflicts);
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const reload = useCallback(() => {
    allConflicts()
      .then(setConflicts)
      .catch(() => setConflicts([]));
  }, []);
  useEffect(reload, [reload, count]);

  if (conflicts === null) return <p className="muted">{t('common.loading')}</p>;
  if (conflicts.length === 0) return <p className="empty">{t('hub.conflictsNone')}</p>;

  async function keep(conflict: Conflict, rev: string, n: number) {
    await resolve(conflict, rev);
    notify('info', t('hub.conflictResolved', { n }));
    reload();
  }

  return (
    <div className="hub-conflicts">
      <p>{t('hub.conflictsIntro')}</p>
      {conflicts.map((c) => {
        const fields = differing(c);
        const name = show(c.versions[0]?.data.name ?? c.id);
        return (
          <section key={c.id} className="hub-conflict" aria-label={name}>
            <h3>
              {KIND[c.kind] ? t(KIND[c.kind]!) : c.kind}: {name}
            </h3>
            <table className="grid">
              <thead>
                <tr>
                  <th scope="col">{t('hub.conflictField')}</th>
                  {c.versions.map((v, i) => (
                    <th scope="col" key={v.rev}>
                      {t('hub.conflictVersion', { n: i + 1 })}
                      {i === 0 && <span className="muted"> ({t('hub.conflictCurrent')})</span>}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {fields.map((f) => (
                  <tr key={f}>
                    <th scope="row">{f}</th>
                    {c.versions.map((v) => (
                      <td key={v.rev}>{show(v.data[f])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="actions">
              {c.versions.map((v, i) => (
                <button
                  type="button"
                  key={v.rev}
                  className={i === 0 ? 'primary' : 'secondary'}
                  onClick={() => void keep(c, v.rev, i + 1)}
                >
                  {t('hub.conflictKeep', { n: i + 1 })}
                </button>
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}
