import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { compareAudits, type AuditComparison } from '../../../shared/compare/compare-audits.ts';
import type { Device, Finding } from '../../../shared/domain/schemas.ts';
import type { FindingStanding } from '../../../shared/findings/status-events.ts';
import { db } from '../../db/instance.ts';
import { getRoom, listAllRacks, listAllRooms } from '../../db/repositories/inventory.ts';
import { findingStandings } from '../../db/repositories/finding-events.ts';
import { listRoomAudits, loadAuditSide } from '../../db/repositories/audit-sides.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { Field } from '../../ui/Field.tsx';
import { CarryForwardButton } from './CarryForwardButton.tsx';
import { localDay } from '../../ui/download.ts';
import './exchange.css';

function Section(props: { id: string; title: string; count: number; children: ReactNode }) {
  const t = useT();
  return (
    <section className="card compare-section" aria-labelledby={props.id}>
      <h3 id={props.id}>
        {props.title} <span className="badge count-badge">{props.count}</span>
      </h3>
      {props.count === 0 ? <p className="empty">{t('compare.none')}</p> : props.children}
    </section>
  );
}

function DeviceLine(props: { device: Device; children?: ReactNode }) {
  const t = useT();
  const d = props.device;
  return (
    <li>
      <span className="line-main">
        <span className="mono">{d.assetTag || d.serial || '—'}</span>{' '}
        <strong>{d.name || '—'}</strong>
      </span>
      <span className="line-meta">
        {t.label('deviceType', d.type)}
        {props.children && <> · {props.children}</>}
      </span>
    </li>
  );
}

/** The standings of the findings on screen: how each stands now (status-events.ts). */
const StandingsContext = createContext<ReadonlyMap<string, FindingStanding>>(new Map());

function FindingLine(props: { finding: Finding; children?: ReactNode }) {
  const t = useT();
  const f = props.finding;
  const standing = useContext(StandingsContext).get(f.id);
  const last = standing?.since.at(-1);
  return (
    <li>
      <span className="line-main">
        <span className={`badge sev-${f.severity}`}>{t.label('severity', f.severity)}</span>{' '}
        {f.title}
      </span>
      <span className="line-meta">
        {t.label('findingStatus', standing?.status ?? f.status)}
        {standing &&
          last &&
          ` (${t('compare.statusSince', {
            frozen: t.label('findingStatus', standing.frozen),
            by: last.by,
            date: last.at.slice(0, 10),
          })})`}
        {props.children && <> · {props.children}</>}
      </span>
    </li>
  );
}

function Count(props: { n: number; label: string; tone?: 'add' | 'reject' | 'conflict' }) {
  return (
    <li className={`count${props.tone ? ` count-${props.tone}` : ''}`}>
      <strong>{props.n}</strong> <span>{props.label}</span>
    </li>
  );
}

/** Two audits of a room side by side: inventory and findings, what changed between them. */
export function CompareScreen(props: { roomId: string }) {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const room = useLiveQuery(() => getRoom(db(), props.roomId), [props.roomId]);
  const audits = useLiveQuery(() => listRoomAudits(db(), props.roomId), [props.roomId]);
  // null: not chosen yet, so the two newest audits; '' (earlier only): no earlier audit.
  const [chosenEarlier, setEarlier] = useState<string | null>(null);
  const [chosenLater, setLater] = useState<string | null>(null);
  const [computed, setComputed] = useState<{
    key: string;
    result: AuditComparison;
    standings: ReadonlyMap<string, FindingStanding>;
  } | null>(null);
  const rooms = useLiveQuery(() => listAllRooms(db()), []);
  const racks = useLiveQuery(() => listAllRacks(db()), []);

  const later = chosenLater ?? audits?.[0]?.id ?? '';
  const earlier = chosenEarlier ?? audits?.[1]?.id ?? '';
  const key = `${earlier}|${later}|${props.roomId}`;

  useEffect(() => {
    let live = true;
    if (!later) return;
    void (async () => {
      const [prior, current] = await Promise.all([
        earlier ? loadAuditSide(db(), earlier) : Promise.resolve(null),
        loadAuditSide(db(), later),
      ]);
      if (!live || !current) return;
      // The counts compare the two records; each finding line also says how it stands now.
      const standings = await findingStandings(
        db(),
        [...(prior?.findings ?? []), ...current.findings],
        [current.audit, ...(prior ? [prior.audit] : [])],
      );
      if (!live) return;
      setComputed({
        key: `${earlier}|${later}|${props.roomId}`,
        result: compareAudits(prior, current, localDay(), { roomIds: [props.roomId] }),
        standings,
      });
    })();
    return () => {
      live = false;
    };
  }, [earlier, later, props.roomId]);
  const result = computed?.key === key ? computed.result : null;
  const standings = computed?.key === key ? computed.standings : new Map<string, FindingStanding>();

  const roomName = (id: string) => rooms?.find((r) => r.id === id)?.name ?? '—';
  const rackName = (id: string | null) =>
    id === null ? '—' : (racks?.find((r) => r.id === id)?.name ?? '—');

  // Rooms and racks name the devices: read them too, so no line shows "—" and then a name.
  if (room === undefined || audits === undefined || rooms === undefined || racks === undefined)
    return <p>{t('common.loading')}</p>;
  if (room === null) return <p>{t('compare.noRoom')}</p>;
  const label = (id: string) => {
    const a = audits.find((x) => x.id === id);
    return a ? `${a.title} · ${t.label('auditStatus', a.status)}` : '';
  };
  const same = earlier !== '' && earlier === later;

  return (
    <StandingsContext.Provider value={standings}>
      <div className="screen compare">
        <p className="crumbs">
          <button
            type="button"
            className="link"
            onClick={() => navigate({ name: 'room', roomId: room.id })}
          >
            {room.name}
          </button>
        </p>
        <div className="title-row">
          <h1>{t('compare.title', { room: room.name })}</h1>
          {later && <CarryForwardButton priorAuditId={later} />}
        </div>
        {audits.length < 2 && <p className="info-box">{t('compare.needTwo')}</p>}
        <div className="row compare-pickers">
          <Field id="cmp-earlier" label={t('compare.earlier')}>
            <select id="cmp-earlier" value={earlier} onChange={(e) => setEarlier(e.target.value)}>
              <option value="">{t('compare.noEarlier')}</option>
              {audits.map((a) => (
                <option key={a.id} value={a.id}>
                  {label(a.id)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="cmp-later" label={t('compare.later')}>
            <select id="cmp-later" value={later} onChange={(e) => setLater(e.target.value)}>
              {audits.map((a) => (
                <option key={a.id} value={a.id}>
                  {label(a.id)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {same && (
          <p className="error-box" role="alert">
            {t('compare.same')}
          </p>
        )}
        {result && !same && (
          <>
            <ul className="counts" aria-label={t('compare.summary')}>
              <Count
                n={result.counts.newFindings}
                label={t('compare.newFindings')}
                tone="conflict"
              />
              <Count n={result.counts.resolved} label={t('compare.resolved')} tone="add" />
              <Count n={result.counts.recurring} label={t('compare.recurring')} tone="conflict" />
              <Count n={result.counts.notRechecked} label={t('compare.notRechecked')} />
              <Count n={result.counts.passed} label={t('compare.passed')} />
              <Count n={result.counts.overdue} label={t('compare.overdue')} tone="reject" />
            </ul>
            <ul className="counts" aria-label={t('compare.observed')}>
              <Count n={result.counts.missing} label={t('compare.missing')} tone="reject" />
              <Count n={result.counts.unexpected} label={t('compare.unexpected')} tone="reject" />
              <Count n={result.counts.moved} label={t('compare.moved')} />
            </ul>
            <ul className="counts" aria-label={t('compare.records')}>
              <Count n={result.counts.added} label={t('compare.added')} tone="add" />
              <Count n={result.counts.removed} label={t('compare.removed')} />
              <Count n={result.counts.relocated} label={t('compare.relocated')} />
              <Count n={result.counts.statusChanged} label={t('compare.statusChanged')} />
            </ul>
            {result.isFirstAudit && <p className="info-box">{t('compare.first')}</p>}
            <h2>{t('compare.inventory')}</h2>
            <div className="compare-grid">
              <Section id="cmp-added" title={t('compare.added')} count={result.counts.added}>
                <ul className="plain">
                  {result.devices.added.map((d) => (
                    <DeviceLine key={d.id} device={d} />
                  ))}
                </ul>
              </Section>
              <Section id="cmp-removed" title={t('compare.removed')} count={result.counts.removed}>
                <ul className="plain">
                  {result.devices.missing.map((d) => (
                    <DeviceLine key={d.id} device={d} />
                  ))}
                </ul>
              </Section>
              <Section
                id="cmp-relocated"
                title={t('compare.relocated')}
                count={result.counts.relocated}
              >
                <ul className="plain">
                  {result.devices.moved.map((m) => (
                    <DeviceLine key={m.current.id} device={m.current}>
                      <span className="change">
                        {m.room && `${roomName(m.room.from)} → ${roomName(m.room.to)} `}
                        {m.rack &&
                          `${t('compare.rack')} ${rackName(m.rack.from)} → ${rackName(m.rack.to)} `}
                        {m.positionU && `U ${m.positionU.from ?? '—'} → ${m.positionU.to ?? '—'}`}
                      </span>
                    </DeviceLine>
                  ))}
                </ul>
              </Section>
              <Section
                id="cmp-status"
                title={t('compare.statusChanged')}
                count={result.counts.statusChanged}
              >
                <ul className="plain">
                  {result.devices.statusChanged.map((s) => (
                    <DeviceLine key={s.current.id} device={s.current}>
                      <span className="change">
                        {t.label('lifecycleStatus', s.status.from)} →{' '}
                        {t.label('lifecycleStatus', s.status.to)}
                      </span>
                    </DeviceLine>
                  ))}
                </ul>
              </Section>
            </div>
            <h2>{t('compare.findings')}</h2>
            <div className="compare-grid">
              <Section
                id="cmp-new"
                title={t('compare.newFindings')}
                count={result.counts.newFindings}
              >
                <ul className="plain">
                  {result.findings.new.map((f) => (
                    <FindingLine key={f.id} finding={f} />
                  ))}
                </ul>
              </Section>
              <Section
                id="cmp-resolved"
                title={t('compare.resolved')}
                count={result.counts.resolved}
              >
                <ul className="plain">
                  {result.findings.resolved.map((r) => (
                    <FindingLine key={r.prior.id} finding={r.prior}>
                      <span className="muted">
                        {r.current ? t('compare.closedThen') : t('compare.notFoundAgain')}
                      </span>
                    </FindingLine>
                  ))}
                </ul>
              </Section>
              <Section
                id="cmp-recurring"
                title={t('compare.recurring')}
                count={result.counts.recurring}
              >
                <ul className="plain">
                  {result.findings.recurring.map((r) => (
                    <FindingLine key={r.current.id} finding={r.current}>
                      <span className="muted">
                        {t('compare.firstSeen', { date: r.firstSeenAt.slice(0, 10) })}
                        {r.reappeared ? ` · ${t('compare.reappeared')}` : ''}
                      </span>
                    </FindingLine>
                  ))}
                </ul>
              </Section>
              <Section
                id="cmp-not-rechecked"
                title={t('compare.notRechecked')}
                count={result.counts.notRechecked + result.counts.passed}
              >
                <ul className="plain">
                  {[...result.findings.passed, ...result.findings.notRechecked].map((c) => (
                    <FindingLine key={c.current.id} finding={c.current}>
                      <span className="muted">
                        {c.state === 'passed' ? t('compare.passed') : t('compare.notRechecked')}
                      </span>
                    </FindingLine>
                  ))}
                </ul>
              </Section>
              <Section id="cmp-overdue" title={t('compare.overdue')} count={result.counts.overdue}>
                <ul className="plain">
                  {result.findings.overdue.map((f) => (
                    <FindingLine key={f.id} finding={f}>
                      <span className="bad-text">
                        {t('compare.due', { date: f.dueDate ?? '' })}
                      </span>
                    </FindingLine>
                  ))}
                </ul>
              </Section>
            </div>
          </>
        )}
      </div>
    </StandingsContext.Provider>
  );
}

/** The room screen's way into the comparison. */
export function CompareButton(props: { roomId: string }) {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  return (
    <button
      type="button"
      className="secondary"
      onClick={() => navigate({ name: 'compare', roomId: props.roomId })}
    >
      {t('compare.open')}
    </button>
  );
}
