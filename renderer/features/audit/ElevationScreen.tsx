import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import type { Device, Rack } from '../../../shared/domain/schemas.ts';
import {
  DEVICE_AUDIT_STATES,
  deviceAuditStates,
  roomElevation,
  type DeviceAuditState,
  type ElevationProblem,
  type Placement,
  type RackElevation,
} from '../../../shared/elevation/rack-elevation.ts';
import { db } from '../../db/instance.ts';
import { listRoomAudits } from '../../db/repositories/audit-sides.ts';
import { getRoom, listDevices, listRacks } from '../../db/repositories/inventory.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { Field } from '../../ui/Field.tsx';
import { loadWalk } from './load-walk.ts';
import './elevation.css';

// A room as it looks: every rack from its top U down, each device where the inventory (or the
// audit's scope) puts it, coloured by its state in the chosen audit. The layout and its
// problems come from shared/elevation; this screen only draws them.

/** The state a device is drawn in; 'inventory' when no audit is chosen. */
type Shown = DeviceAuditState | 'inventory';

const STATE_KEY: Record<Shown, MessageKey> = {
  unchecked: 'elevation.state.unchecked',
  partial: 'elevation.state.partial',
  answered: 'elevation.state.answered',
  failed: 'elevation.state.failed',
  wrong_location: 'elevation.state.wrong_location',
  not_found: 'elevation.state.not_found',
  unexpected: 'elevation.state.unexpected',
  inventory: 'elevation.state.inventory',
};

/** A mark beside the colour, so that no state is told by colour alone. */
const STATE_MARK: Record<Shown, string> = {
  unchecked: '·',
  partial: '◐',
  answered: '✓',
  failed: '✗',
  wrong_location: '↔',
  not_found: '?',
  unexpected: '!',
  inventory: '',
};

const deviceName = (d: Device) => d.name || d.assetTag || d.serial || d.id;

type Layout = {
  racks: Rack[];
  devices: Device[];
  states: Map<string, { state: DeviceAuditState; firstStep: number }> | null;
};

/** The audits of a room, newest first. */
function useRoomAudits(roomId: string) {
  return useLiveQuery(() => listRoomAudits(db(), roomId), [roomId]);
}

/** The room's racks and devices as the audit saw them, with each device's state in it. */
function useAuditLayout(auditId: string) {
  const [loaded, setLoaded] = useState<
    { auditId: string; layout: Layout } | { auditId: string; error: string } | null
  >(null);
  useEffect(() => {
    let live = true;
    if (!auditId) return;
    loadWalk(auditId)
      .then((result) => {
        if (!live) return;
        if ('missing' in result) return setLoaded({ auditId, error: result.missing });
        const walk = result.walk;
        setLoaded({
          auditId,
          layout: {
            racks: [...walk.racksById.values()],
            devices: [...walk.devices.values()],
            states: deviceAuditStates(
              walk.plan,
              (key) => walk.answers.get(key)?.result,
              (id) => walk.reconciliations.get(id)?.state,
            ),
          },
        });
      })
      .catch((err: unknown) => {
        if (live) setLoaded({ auditId, error: err instanceof Error ? err.message : String(err) });
      });
    return () => {
      live = false;
    };
  }, [auditId]);
  return loaded && loaded.auditId === auditId ? loaded : null;
}

/** The room's racks and devices as the inventory holds them now. */
function useInventoryLayout(roomId: string): Layout | undefined {
  return useLiveQuery(async () => {
    const [racks, devices] = await Promise.all([
      listRacks(db(), roomId),
      listDevices(db(), roomId),
    ]);
    return { racks, devices, states: null };
  }, [roomId]);
}

export function ElevationScreen({ roomId }: { roomId: string }) {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const room = useLiveQuery(async () => (await getRoom(db(), roomId)) ?? null, [roomId]);
  const audits = useRoomAudits(roomId);
  // null: not chosen yet, so the newest audit; '': no audit, the inventory as it is.
  const [chosen, setChosen] = useState<string | null>(null);
  const auditId = chosen ?? audits?.[0]?.id ?? '';
  const fromAudit = useAuditLayout(auditId);
  const fromInventory = useInventoryLayout(roomId);

  if (room === undefined || audits === undefined)
    return <p className="muted">{t('common.loading')}</p>;
  if (room === null) return <p>{t('elevation.noRoom')}</p>;
  // What to draw: the chosen audit's layout, or the inventory's; undefined while it is read.
  const layout = auditId
    ? fromAudit && 'layout' in fromAudit
      ? fromAudit.layout
      : undefined
    : fromInventory;
  const failed = auditId && fromAudit && 'error' in fromAudit ? fromAudit.error : null;
  return (
    <div className="screen elevation-screen">
      <p className="crumbs">
        <button type="button" className="link" onClick={() => navigate({ name: 'room', roomId })}>
          {room.name}
        </button>
      </p>
      <div className="title-row">
        <h1>{t('elevation.title', { room: room.name })}</h1>
      </div>
      <div className="elevation-head">
        <Field id="elev-audit" label={t('elevation.audit')}>
          <select id="elev-audit" value={auditId} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{t('elevation.noAudit')}</option>
            {audits.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title} · {t.label('auditStatus', a.status)}
              </option>
            ))}
          </select>
        </Field>
        <p className="hint">{t(auditId ? 'elevation.intro' : 'elevation.introInventory')}</p>
      </div>
      {failed !== null ? (
        <p className="form-error" role="alert">
          {t('elevation.loadFailed', { message: failed })}
        </p>
      ) : layout === undefined ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <Elevation
          roomId={roomId}
          layout={layout}
          onOpen={(device) =>
            auditId
              ? navigate({ name: 'audit', auditId, deviceId: device.id })
              : navigate({ name: 'device', deviceId: device.id })
          }
        />
      )}
    </div>
  );
}

function Elevation(props: { roomId: string; layout: Layout; onOpen: (device: Device) => void }) {
  const t = useT();
  const { layout } = props;
  const elevation = useMemo(() => {
    const racks = [...layout.racks].sort(
      (a, b) => a.walkOrder - b.walkOrder || a.name.localeCompare(b.name),
    );
    return roomElevation(props.roomId, racks, layout.devices);
  }, [layout, props.roomId]);
  const stateOf = (d: Device): Shown => layout.states?.get(d.id)?.state ?? 'inventory';
  const counts = new Map<Shown, number>();
  for (const d of layout.devices)
    if (d.roomId === props.roomId) counts.set(stateOf(d), (counts.get(stateOf(d)) ?? 0) + 1);
  const legend: Shown[] = layout.states ? [...DEVICE_AUDIT_STATES] : ['inventory'];
  return (
    <>
      <section className="elevation-legend" aria-labelledby="elev-legend-title">
        <h2 id="elev-legend-title">{t('elevation.legend')}</h2>
        <ul>
          {legend.map((s) => (
            <li key={s}>
              <span className={`elev-swatch elev-${s}`} aria-hidden="true">
                {STATE_MARK[s]}
              </span>
              {t(STATE_KEY[s])} <span className="muted">({counts.get(s) ?? 0})</span>
            </li>
          ))}
          <li>
            <span className="elev-swatch elev-problem" aria-hidden="true">
              ⚠
            </span>
            {t('elevation.problemMark')}
          </li>
        </ul>
      </section>
      {elevation.racks.length === 0 && <p className="empty">{t('elevation.noRacks')}</p>}
      <div className="elevation-racks">
        {elevation.racks.map((r) => (
          <RackView key={r.rack.id} rack={r} stateOf={stateOf} onOpen={props.onOpen} />
        ))}
      </div>
      {elevation.unracked.length > 0 && (
        <section className="card elevation-unracked" aria-labelledby="elev-unracked">
          <h2 id="elev-unracked">
            {t('elevation.unracked', { count: elevation.unracked.length })}
          </h2>
          <DeviceButtons devices={elevation.unracked} stateOf={stateOf} onOpen={props.onOpen} />
        </section>
      )}
    </>
  );
}

function useWhere() {
  const t = useT();
  return (from: number, to: number) =>
    from === to ? t('elevation.uOne', { u: from }) : t('elevation.uRange', { from, to });
}

function RackView(props: {
  rack: RackElevation<Device>;
  stateOf: (d: Device) => Shown;
  onOpen: (device: Device) => void;
}) {
  const t = useT();
  const where = useWhere();
  const { rack, placements, lanes, unplaced } = props.rack;
  const height = rack.heightU;
  const names = new Map(
    [...placements.map((p) => p.device), ...unplaced].map((d) => [d.id, deviceName(d)]),
  );
  const grid: CSSProperties = {
    gridTemplateRows: `repeat(${height}, var(--elev-u))`,
    gridTemplateColumns: `2.4em repeat(${lanes}, minmax(8.5em, 15em))`,
  };
  const titleId = `elev-rack-${rack.id}`;
  return (
    <section className="card elevation-rack" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {rack.name}{' '}
        <span className="muted">{t('elevation.used', { used: props.rack.usedU, height })}</span>
      </h2>
      <div
        className="elev-grid"
        style={grid}
        role="group"
        aria-label={t('elevation.rackLabel', { rack: rack.name, height })}
      >
        {Array.from({ length: height }, (_, i) => (
          <span
            key={`u${i}`}
            className="elev-u"
            aria-hidden="true"
            style={{ gridRow: i + 1, gridColumn: 1 }}
          >
            {height - i}
          </span>
        ))}
        {placements.map((p) => (
          <DeviceBlock
            key={p.device.id}
            placement={p}
            rackHeight={height}
            state={props.stateOf(p.device)}
            onOpen={props.onOpen}
          />
        ))}
      </div>
      {unplaced.length > 0 && (
        <>
          <h3>{t('elevation.notDrawn')}</h3>
          <DeviceButtons devices={unplaced} stateOf={props.stateOf} onOpen={props.onOpen} />
        </>
      )}
      {props.rack.problems.length > 0 && (
        <div className="elev-problems">
          <h3>{t('elevation.problemsTitle')}</h3>
          <ul>
            {props.rack.problems.map((p, i) => (
              <li key={i}>{problemText(t, where, p, names, height)}</li>
            ))}
            {props.rack.moreProblems > 0 && (
              <li>{t('elevation.moreProblems', { count: props.rack.moreProblems })}</li>
            )}
          </ul>
        </div>
      )}
    </section>
  );
}

function problemText(
  t: ReturnType<typeof useT>,
  where: (from: number, to: number) => string,
  p: ElevationProblem,
  names: Map<string, string>,
  height: number,
): string {
  const name = (id: string) => names.get(id) ?? id;
  switch (p.kind) {
    case 'overlap':
      return t('elevation.overlap', {
        a: name(p.deviceId),
        b: name(p.otherId),
        where: where(p.fromU, p.toU),
      });
    case 'outOfRange':
      return t('elevation.outOfRange', {
        name: name(p.deviceId),
        where: where(p.fromU, p.toU),
        height,
      });
    case 'noPosition':
      return t('elevation.noPosition', { name: name(p.deviceId) });
  }
}

function DeviceBlock(props: {
  placement: Placement<Device>;
  rackHeight: number;
  state: Shown;
  onOpen: (device: Device) => void;
}) {
  const t = useT();
  const where = useWhere();
  const p = props.placement;
  const name = deviceName(p.device);
  const label = t(p.problem ? 'elevation.deviceProblem' : 'elevation.deviceLabel', {
    name,
    where: where(p.fromU, p.toU),
    state: t(STATE_KEY[props.state]),
  });
  return (
    <button
      type="button"
      className={`elev-device elev-${props.state}${p.problem ? ' elev-has-problem' : ''}`}
      style={{
        gridRow: `${props.rackHeight - p.shownToU + 1} / span ${p.shownToU - p.shownFromU + 1}`,
        gridColumn: p.lane + 2,
      }}
      aria-label={label}
      title={label}
      onClick={() => props.onOpen(p.device)}
    >
      <span className="elev-mark" aria-hidden="true">
        {p.problem ? '⚠' : STATE_MARK[props.state]}
      </span>
      <span className="elev-name">{name}</span>
    </button>
  );
}

function DeviceButtons(props: {
  devices: Device[];
  stateOf: (d: Device) => Shown;
  onOpen: (device: Device) => void;
}) {
  const t = useT();
  return (
    <ul className="elev-loose">
      {props.devices.map((d) => {
        const state = props.stateOf(d);
        return (
          <li key={d.id}>
            <button
              type="button"
              className={`elev-device elev-${state}`}
              aria-label={`${deviceName(d)}: ${t(STATE_KEY[state])}`}
              onClick={() => props.onOpen(d)}
            >
              <span className="elev-mark" aria-hidden="true">
                {STATE_MARK[state]}
              </span>
              <span className="elev-name">{deviceName(d)}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function ElevationButton(props: { roomId: string }) {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  return (
    <button
      type="button"
      className="secondary"
      onClick={() => navigate({ name: 'elevation', roomId: props.roomId })}
    >
      {t('elevation.open')}
    </button>
  );
}
