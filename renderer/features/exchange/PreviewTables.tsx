import type { Room } from '../../../shared/domain/schemas.ts';
import { formatImportMessage } from '../../../shared/import/messages.ts';
import type { FieldChange, ImportPreview } from '../../../shared/import/preview.ts';
import { charactersReportsCannotShowIn } from '../../../shared/report/showable.ts';
import { useT } from '../../i18n/use-t.ts';

import type { ConflictChoice } from './planned-write.ts';

export type { ConflictChoice };

/** Tables show this many rows; the counts above them are always complete. */
export const SHOWN_ROWS = 100;

function valueText(v: FieldChange['from']): string {
  if (v === null || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
  return String(v);
}

function More(props: { total: number }) {
  const t = useT();
  if (props.total <= SHOWN_ROWS) return null;
  return (
    <p className="muted">{t('exchange.shownOf', { shown: SHOWN_ROWS, total: props.total })}</p>
  );
}

function Changes(props: { changes: FieldChange[] }) {
  const t = useT();
  return (
    <ul className="changes">
      {props.changes.map((c) => (
        <li key={c.field}>
          <span className="change-field">{c.label[t.lang]}</span> <del>{valueText(c.from)}</del> →{' '}
          <ins>{valueText(c.to)}</ins>
        </li>
      ))}
    </ul>
  );
}

/** Rows whose values hold characters no report font has, e.g. "row 3: 😀". */
function unshowableRows(preview: ImportPreview): string[] {
  const rows = [
    ...preview.toAdd.map((a) => [a.row, a.device] as const),
    ...preview.toUpdate.map((u) => [u.row, u.after] as const),
  ];
  return rows.flatMap(([row, device]) => {
    const chars = charactersReportsCannotShowIn(device);
    return chars.length ? [`${row}: ${chars.join(' ')}`] : [];
  });
}

/** What an inventory import would do, before anything is written. */
export function PreviewTables(props: {
  preview: ImportPreview;
  rooms: readonly Room[];
  choices: Readonly<Record<number, ConflictChoice>>;
  onChoose: (row: number, choice: ConflictChoice) => void;
  onChooseAll: (choice: ConflictChoice) => void;
}) {
  const t = useT();
  const { preview } = props;
  const roomName = new Map(
    [...props.rooms, ...preview.roomsToCreate].map((r) => [r.id, r.name] as const),
  );
  const rejectedRows = new Set(preview.rejected.map((r) => r.row)).size;
  const unshowable = unshowableRows(preview);
  const counts = [
    ['add', t('exchange.countAdd'), preview.toAdd.length],
    ['update', t('exchange.countUpdate'), preview.toUpdate.length],
    ['conflict', t('exchange.countConflicts'), preview.conflicts.length],
    ['reject', t('exchange.countRejected'), rejectedRows],
    ['same', t('exchange.countUnchanged'), preview.unchanged.length],
  ] as const;
  return (
    <div className="preview">
      <ul className="counts" aria-label={t('exchange.previewSummary')}>
        {counts.map(([key, label, n]) => (
          <li key={key} className={`count count-${key}`}>
            <strong>{n}</strong> <span>{label}</span>
          </li>
        ))}
      </ul>
      {(preview.roomsToCreate.length > 0 || preview.racksToCreate.length > 0) && (
        <p className="info-box">
          {preview.roomsToCreate.length > 0 && (
            <span className="place-line">
              {t('exchange.createRooms', {
                names: preview.roomsToCreate.map((r) => r.name).join(', '),
              })}
            </span>
          )}
          {preview.racksToCreate.length > 0 && (
            <span className="place-line">
              {t('exchange.createRacks', {
                names: preview.racksToCreate.map((r) => r.name).join(', '),
              })}
            </span>
          )}
        </p>
      )}

      {unshowable.length > 0 && (
        <p className="info-box" role="status">
          {t('exchange.unshowable', {
            rows: unshowable.slice(0, 10).join('; ') + (unshowable.length > 10 ? ' …' : ''),
          })}
        </p>
      )}

      {preview.rejected.length > 0 && (
        <section aria-labelledby="pv-rejected">
          <h3 id="pv-rejected">{t('exchange.rejectedTitle', { count: rejectedRows })}</h3>
          <table className="grid compact">
            <thead>
              <tr>
                <th scope="col">{t('exchange.row')}</th>
                <th scope="col">{t('exchange.column')}</th>
                <th scope="col">{t('exchange.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rejected.slice(0, SHOWN_ROWS).map((r, i) => (
                <tr key={`${r.row}-${i}`}>
                  <td className="num">{r.row}</td>
                  <td>{r.column || '—'}</td>
                  <td>{formatImportMessage(r.message, t.lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <More total={preview.rejected.length} />
        </section>
      )}

      {preview.conflicts.length > 0 && (
        <section aria-labelledby="pv-conflicts">
          <div className="section-head">
            <h3 id="pv-conflicts">
              {t('exchange.conflictsTitle', { count: preview.conflicts.length })}
            </h3>
            <button
              type="button"
              className="secondary small"
              onClick={() => props.onChooseAll('skip')}
            >
              {t('exchange.skipAll')}
            </button>
            <button
              type="button"
              className="secondary small"
              onClick={() => props.onChooseAll('apply')}
            >
              {t('exchange.applyAll')}
            </button>
          </div>
          <ul className="conflicts">
            {preview.conflicts.slice(0, SHOWN_ROWS).map((c) => {
              const choice = c.proposed ? props.choices[c.row] : 'skip';
              return (
                <li key={c.row} className="conflict">
                  <p>
                    <strong>{t('exchange.rowN', { row: c.row })}</strong>{' '}
                    {formatImportMessage(c.message, t.lang)}
                  </p>
                  {c.proposed ? (
                    <>
                      <Changes changes={c.proposed.changes} />
                      <fieldset className="choice">
                        <legend>{t('exchange.conflictChoice', { row: c.row })}</legend>
                        <label>
                          <input
                            type="radio"
                            name={`conflict-${c.row}`}
                            checked={choice === 'apply'}
                            onChange={() => props.onChoose(c.row, 'apply')}
                          />
                          {t('exchange.choiceApply')}
                        </label>
                        <label>
                          <input
                            type="radio"
                            name={`conflict-${c.row}`}
                            checked={choice === 'skip'}
                            onChange={() => props.onChoose(c.row, 'skip')}
                          />
                          {t('exchange.choiceSkip')}
                        </label>
                      </fieldset>
                    </>
                  ) : (
                    <p className="muted">{t('exchange.conflictSkipped')}</p>
                  )}
                </li>
              );
            })}
          </ul>
          <More total={preview.conflicts.length} />
        </section>
      )}

      {preview.toUpdate.length > 0 && (
        <section aria-labelledby="pv-update">
          <h3 id="pv-update">{t('exchange.updateTitle', { count: preview.toUpdate.length })}</h3>
          <table className="grid compact">
            <thead>
              <tr>
                <th scope="col">{t('exchange.row')}</th>
                <th scope="col">{t('exchange.device')}</th>
                <th scope="col">{t('exchange.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.toUpdate.slice(0, SHOWN_ROWS).map((u) => (
                <tr key={u.row}>
                  <td className="num">{u.row}</td>
                  <td>
                    <span className="mono">{u.before.assetTag || u.before.serial}</span>{' '}
                    {u.before.name}
                  </td>
                  <td>
                    <Changes changes={u.changes} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <More total={preview.toUpdate.length} />
        </section>
      )}

      {preview.toAdd.length > 0 && (
        <section aria-labelledby="pv-add">
          <h3 id="pv-add">{t('exchange.addTitle', { count: preview.toAdd.length })}</h3>
          <table className="grid compact">
            <thead>
              <tr>
                <th scope="col">{t('exchange.row')}</th>
                <th scope="col">{t.label('deviceField', 'assetTag')}</th>
                <th scope="col">{t('exchange.name')}</th>
                <th scope="col">{t('exchange.type')}</th>
                <th scope="col">{t('exchange.status')}</th>
                <th scope="col">{t('exchange.room')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.toAdd.slice(0, SHOWN_ROWS).map(({ row, device: d }) => (
                <tr key={row}>
                  <td className="num">{row}</td>
                  <td className="mono">{d.assetTag || '—'}</td>
                  <td>{d.name || '—'}</td>
                  <td>{t.label('deviceType', d.type)}</td>
                  <td>{t.label('lifecycleStatus', d.status)}</td>
                  <td>{roomName.get(d.roomId) ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <More total={preview.toAdd.length} />
        </section>
      )}
    </div>
  );
}
