import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef, useState } from 'react';
import {
  FINDING_STATUSES,
  SEVERITIES,
  type FindingStatus,
  type Severity,
} from '../../../shared/domain/enums.ts';
import type { Audit, Device, Finding, Room } from '../../../shared/domain/schemas.ts';
import { filterFindings } from '../../../shared/findings/findings.ts';
import { db } from '../../db/instance.ts';
import { listDevicesByName } from '../../db/repositories/inventory.ts';
import { getAudit, isLocked } from '../../db/repositories/audits.ts';
import { createManualFinding } from '../../db/repositories/findings.ts';
import { getSetting } from '../../db/repositories/settings.ts';
import { useT } from '../../i18n/use-t.ts';
import { Field } from '../../ui/Field.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { useAction } from '../../ui/use-action.ts';
import { buildAuditSnapshot } from '../../db/repositories/snapshot.ts';
import { DamagedRecordError } from '../../../shared/record/record-id.ts';
import { withCurrentStatus } from '../../../shared/findings/status-events.ts';
import { findingStandings } from '../../db/repositories/finding-events.ts';
import { AuditHeader } from './AuditHeader.tsx';
import { MISSING_TEXT } from './load-walk.ts';
import { FindingDetail } from './FindingDetail.tsx';
import './findings.css';

const ROW_HEIGHT = 34;

function useFindingsData(auditId: string) {
  // The audit's own content: its record once completed, its scope while in progress, so a
  // finding names its device as the audit recorded it.
  return useLiveQuery(async () => {
    const audit = await getAudit(db(), auditId);
    if (!audit) return 'audit' as const;
    const [snapshot, inspector] = await Promise.all([
      buildAuditSnapshot(db(), auditId, {
        appVersion: '',
        signOff: null,
        includeEvidenceBytes: false,
      }).catch((err: unknown) => {
        if (err instanceof DamagedRecordError) return null;
        throw err;
      }),
      getSetting(db(), 'inspectorName', ''),
    ]);
    if (!snapshot) return 'damagedRecord' as const;
    // How each finding stands now: its record's status and what was recorded since.
    const standings = await findingStandings(db(), snapshot.findings, [audit]);
    const evidenceCount = new Map<string, number>();
    for (const e of snapshot.evidence)
      if (e.findingId) evidenceCount.set(e.findingId, (evidenceCount.get(e.findingId) ?? 0) + 1);
    return {
      audit,
      recorded: snapshot.findings,
      findings: snapshot.findings.map((f) => withCurrentStatus(f, standings.get(f.id)!)),
      standings,
      rooms: snapshot.rooms,
      // The devices findings are about (the device filter lists these).
      devices: new Map(
        snapshot.devices
          .filter((d) => snapshot.findings.some((f) => f.deviceId === d.id))
          .map((d) => [d.id, d]),
      ),
      evidenceCount,
      inspector: inspector || audit.inspectors[0] || '',
      priorTitle: snapshot.prior?.audit.title ?? null,
    };
  }, [auditId]);
}

function NewFindingDialog(props: { audit: Audit; rooms: Room[]; onClose: (id?: string) => void }) {
  const t = useT();
  const [roomId, setRoomId] = useState(props.rooms[0]?.id ?? '');
  const devices = useLiveQuery(() => listDevicesByName(db(), roomId), [roomId]);
  const [deviceId, setDeviceId] = useState('');
  const [severity, setSeverity] = useState<Severity>('medium');
  const [title, setTitle] = useState('');
  const [detail, setDetail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { run, busy } = useAction(async () => {
    const finding = await createManualFinding(db(), {
      auditId: props.audit.id,
      roomId,
      deviceId: deviceId || null,
      severity,
      title,
      detail,
    });
    props.onClose(finding.id);
  });
  return (
    <FormDialog
      title={t('findings.new')}
      submitLabel={t('common.create')}
      cancelLabel={t('common.cancel')}
      onCancel={() => props.onClose()}
      busy={busy}
      wide
      onSubmit={() => {
        if (!title.trim()) return setError(t('common.required', { field: t('findings.title') }));
        setError(null);
        void run();
      }}
    >
      <Field id="nf-title" label={t('findings.title')} error={error}>
        <input
          id="nf-title"
          autoFocus
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={!!error}
        />
      </Field>
      <div className="row row-3">
        <Field id="nf-room" label={t('findings.room')}>
          <select
            id="nf-room"
            value={roomId}
            onChange={(e) => {
              setRoomId(e.target.value);
              setDeviceId('');
            }}
          >
            {props.rooms.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="nf-device" label={t('findings.device')}>
          <select
            id="nf-device"
            value={deviceId}
            // The room's devices are read first: no list that fills a moment after it opens.
            disabled={devices === undefined}
            onChange={(e) => setDeviceId(e.target.value)}
          >
            <option value="">
              {devices === undefined ? t('common.loading') : t('findings.roomItself')}
            </option>
            {devices?.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name || d.assetTag} {d.assetTag && d.name ? `(${d.assetTag})` : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field id="nf-severity" label={t('findings.severity')}>
          <select
            id="nf-severity"
            value={severity}
            onChange={(e) => setSeverity(e.target.value as Severity)}
          >
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t.label('severity', s)} · {t.label('severityCat', s)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id="nf-detail" label={t('findings.detail')}>
        <textarea
          id="nf-detail"
          rows={3}
          value={detail}
          onChange={(e) => setDetail(e.target.value)}
        />
      </Field>
    </FormDialog>
  );
}

function FindingRow(props: {
  finding: Finding;
  changedSince: boolean;
  where: string;
  photos: number;
  selected: boolean;
  top: number;
  onSelect: () => void;
}) {
  const t = useT();
  const f = props.finding;
  return (
    <div
      role="row"
      className={`frow${props.selected ? ' is-selected' : ''}`}
      style={{ transform: `translateY(${props.top}px)` }}
    >
      <span role="cell">
        <span className={`badge sev-${f.severity}`}>{t.label('severity', f.severity)}</span>
      </span>
      <span role="cell" className="mono">
        {f.itemId ?? '—'}
      </span>
      <span role="cell" className="frow-title">
        <button
          type="button"
          className="link"
          onClick={props.onSelect}
          title={f.title}
          aria-current={props.selected ? 'true' : undefined}
        >
          {f.title}
        </button>
      </span>
      <span role="cell" className="frow-where" title={props.where}>
        {props.where}
      </span>
      <span role="cell">
        <span
          className={`badge fstatus-${f.status}${props.changedSince ? ' changed-since' : ''}`}
          title={props.changedSince ? t('findings.changedSince') : undefined}
        >
          {t.label('findingStatus', f.status)}
          {props.changedSince && <span aria-label={t('findings.changedSince')}> *</span>}
        </span>
      </span>
      <span role="cell" className="frow-owner" title={f.owner}>
        {f.owner || '—'}
      </span>
      <span role="cell" className="num">
        {f.dueDate ?? '—'}
      </span>
      <span
        role="cell"
        className="num"
        aria-label={t('findings.photoCount', { count: props.photos })}
      >
        {props.photos || ''}
      </span>
    </div>
  );
}

export function FindingsScreen({ auditId }: { auditId: string }) {
  const t = useT();
  const data = useFindingsData(auditId);
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [status, setStatus] = useState<FindingStatus | ''>('');
  const [roomId, setRoomId] = useState('');
  const [deviceId, setDeviceId] = useState('');
  const [text, setText] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);

  const loaded = typeof data === 'object' ? data : null;
  const describe = useMemo(() => {
    const devices = loaded?.devices ?? new Map<string, Device>();
    return (f: Finding) => {
      const d = f.deviceId ? devices.get(f.deviceId) : undefined;
      return d ? `${d.name} ${d.assetTag} ${d.serial} ${d.hostname}` : '';
    };
  }, [loaded]);
  const shown = useMemo(
    () =>
      loaded
        ? filterFindings(
            loaded.findings,
            { severity: severity || null, status: status || null, roomId, deviceId, text },
            describe,
          )
        : [],
    [loaded, severity, status, roomId, deviceId, text, describe],
  );
  // The virtualizer's functions are read during render; the compiler's skipping this component is intended.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  if (data === undefined) return <p className="muted">{t('common.loading')}</p>;
  if (typeof data === 'string') return <p role="alert">{t(MISSING_TEXT[data])}</p>;
  const locked = isLocked(data.audit);
  const selected = data.findings.find((f) => f.id === selectedId) ?? shown[0] ?? null;
  const roomsById = new Map(data.rooms.map((r) => [r.id, r]));
  const whereOf = (f: Finding) => {
    const d = f.deviceId ? data.devices.get(f.deviceId) : undefined;
    return d ? d.name || d.assetTag : (roomsById.get(f.roomId)?.name ?? '');
  };
  const devicesWithFindings = [...data.devices.values()].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  const filtered = severity || status || roomId || deviceId || text.trim();
  return (
    <div className="findings-screen">
      <AuditHeader audit={data.audit} tab="findings">
        <span className="muted">
          {t('findings.count', { shown: shown.length, total: data.findings.length })}
        </span>
        {!locked && (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            {t('findings.new')}
          </button>
        )}
      </AuditHeader>
      <div className="findings-filters" role="search" aria-label={t('findings.filters')}>
        <label>
          <span>{t('findings.severity')}</span>
          <select value={severity} onChange={(e) => setSeverity(e.target.value as Severity | '')}>
            <option value="">{t('findings.all')}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t.label('severity', s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('findings.status')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as FindingStatus | '')}>
            <option value="">{t('findings.all')}</option>
            {FINDING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.label('findingStatus', s)}
              </option>
            ))}
          </select>
        </label>
        {data.rooms.length > 1 && (
          <label>
            <span>{t('findings.room')}</span>
            <select value={roomId} onChange={(e) => setRoomId(e.target.value)}>
              <option value="">{t('findings.all')}</option>
              {data.rooms.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          <span>{t('findings.device')}</span>
          <select value={deviceId} onChange={(e) => setDeviceId(e.target.value)}>
            <option value="">{t('findings.all')}</option>
            {devicesWithFindings.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name || d.assetTag}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          <span>{t('findings.text')}</span>
          <input
            type="search"
            value={text}
            placeholder={t('findings.textPlaceholder')}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        {filtered && (
          <button
            type="button"
            className="link"
            onClick={() => {
              setSeverity('');
              setStatus('');
              setRoomId('');
              setDeviceId('');
              setText('');
            }}
          >
            {t('findings.clearFilters')}
          </button>
        )}
      </div>
      <div className="findings-body">
        <div
          className="findings-table"
          role="table"
          aria-label={t('findings.listLabel')}
          aria-rowcount={shown.length + 1}
        >
          <div role="row" className="frow frow-head">
            <span role="columnheader">{t('findings.severity')}</span>
            <span role="columnheader">{t('findings.item')}</span>
            <span role="columnheader">{t('findings.title')}</span>
            <span role="columnheader">{t('findings.where')}</span>
            <span role="columnheader">{t('findings.status')}</span>
            <span role="columnheader">{t('findings.ownerShort')}</span>
            <span role="columnheader">{t('findings.dueDate')}</span>
            <span role="columnheader">{t('findings.photosShort')}</span>
          </div>
          <div className="findings-scroll" ref={scrollRef} role="rowgroup">
            {shown.length === 0 && (
              <p className="empty findings-empty">
                {data.findings.length ? t('findings.noMatch') : t('findings.none')}
              </p>
            )}
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((row) => {
                const f = shown[row.index]!;
                return (
                  <FindingRow
                    key={f.id}
                    finding={f}
                    changedSince={(data.standings.get(f.id)?.since.length ?? 0) > 0}
                    where={whereOf(f)}
                    photos={data.evidenceCount.get(f.id) ?? 0}
                    selected={selected?.id === f.id}
                    top={row.start}
                    onSelect={() => setSelectedId(f.id)}
                  />
                );
              })}
            </div>
          </div>
        </div>
        <div className="findings-detail-pane">
          {selected ? (
            <FindingDetail
              key={`${selected.id}|${selected.updatedAt}`}
              finding={data.recorded.find((f) => f.id === selected.id) ?? selected}
              standing={data.standings.get(selected.id)!}
              room={roomsById.get(selected.roomId)}
              device={selected.deviceId ? data.devices.get(selected.deviceId) : undefined}
              locked={locked}
              inspector={data.inspector}
              priorTitle={data.priorTitle}
            />
          ) : (
            <p className="empty">{t('findings.selectOne')}</p>
          )}
        </div>
      </div>
      {creating && (
        <NewFindingDialog
          audit={data.audit}
          rooms={data.rooms}
          onClose={(id) => {
            setCreating(false);
            if (id) setSelectedId(id);
          }}
        />
      )}
    </div>
  );
}
