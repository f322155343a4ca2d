import type { AuditPlan } from '../checklist/applicability.ts';
import type { AnswerResult, ReconciliationState } from '../domain/enums.ts';

// A room as it looks: each rack's U positions and what occupies them, and the audit state of
// each device. The drawing shows what the inventory says, including what cannot be true (two
// devices in one U, a device that reaches past the top of its rack): those are listed as
// problems next to the rack, never hidden or silently moved.

/** What an elevation needs of a rack and of a device (the inventory's own records fit). */
export type ElevationRack = { id: string; roomId: string; name: string; heightU: number };
export type ElevationDevice = {
  id: string;
  roomId: string;
  rackId: string | null;
  positionU: number | null;
  heightU: number;
};

/** Where one device is drawn: U `fromU` (bottom) to `toU` (top), in column `lane`. */
export type Placement<D> = {
  device: D;
  /** The U range the inventory gives (bottom and top U, inclusive). */
  fromU: number;
  toU: number;
  /** The part of that range inside the rack, which is what is drawn. */
  shownFromU: number;
  shownToU: number;
  /** Side-by-side column: 0 unless the device overlaps another. */
  lane: number;
  /** Whether this device takes part in any problem of its rack. */
  problem: boolean;
};

export type ElevationProblem =
  | { kind: 'overlap'; deviceId: string; otherId: string; fromU: number; toU: number }
  | { kind: 'outOfRange'; deviceId: string; fromU: number; toU: number; rackHeightU: number }
  | { kind: 'noPosition'; deviceId: string };

export type RackElevation<D> = {
  rack: ElevationRack;
  placements: Placement<D>[];
  /** Devices of this rack that cannot be drawn in it (no position, or wholly above its top). */
  unplaced: D[];
  /** Columns needed to draw overlapping devices side by side (1 when nothing overlaps). */
  lanes: number;
  problems: ElevationProblem[];
  /** Problems beyond the listed ones (a hostile file can make thousands of overlaps). */
  moreProblems: number;
  /** U positions occupied by at least one device. */
  usedU: number;
};

export type RoomElevation<D> = {
  racks: RackElevation<D>[];
  /** Devices of the room with no rack, or whose rack is not one of the room's racks. */
  unracked: D[];
};

/** At most this many problems are listed per rack; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 50;

/**
 * The elevation of one room: its racks in the order given (the walk order), each device of the
 * room in its rack, overlaps found by a sweep over the devices sorted by bottom U.
 */
export function roomElevation<D extends ElevationDevice>(
  roomId: string,
  racks: readonly ElevationRack[],
  devices: readonly D[],
): RoomElevation<D> {
  const roomRacks = racks.filter((r) => r.roomId === roomId);
  const byRack = new Map<string, D[]>(roomRacks.map((r) => [r.id, []]));
  const unracked: D[] = [];
  for (const device of devices) {
    if (device.roomId !== roomId) continue;
    const list = device.rackId === null ? undefined : byRack.get(device.rackId);
    if (list) list.push(device);
    else unracked.push(device);
  }
  return {
    racks: roomRacks.map((rack) => rackElevation(rack, byRack.get(rack.id) ?? [])),
    unracked,
  };
}

export function rackElevation<D extends ElevationDevice>(
  rack: ElevationRack,
  devices: readonly D[],
): RackElevation<D> {
  const problems: ElevationProblem[] = [];
  let moreProblems = 0;
  const note = (p: ElevationProblem) => {
    if (problems.length < MAX_LISTED_PROBLEMS) problems.push(p);
    else moreProblems++;
  };
  const unplaced: D[] = [];
  const placements: Placement<D>[] = [];
  for (const device of devices) {
    if (device.positionU === null) {
      unplaced.push(device);
      note({ kind: 'noPosition', deviceId: device.id });
      continue;
    }
    const fromU = device.positionU;
    const toU = device.positionU + Math.max(1, device.heightU) - 1;
    const outOfRange = fromU < 1 || toU > rack.heightU;
    if (outOfRange)
      note({ kind: 'outOfRange', deviceId: device.id, fromU, toU, rackHeightU: rack.heightU });
    const shownFromU = Math.max(1, fromU);
    const shownToU = Math.min(rack.heightU, toU);
    if (shownFromU > shownToU) {
      unplaced.push(device);
      continue;
    }
    placements.push({ device, fromU, toU, shownFromU, shownToU, lane: 0, problem: outOfRange });
  }

  // Sweep from the bottom U up: each device is compared with those still open below its top.
  placements.sort((a, b) => a.shownFromU - b.shownFromU || b.shownToU - a.shownToU);
  const open: Placement<D>[] = [];
  const laneTop: number[] = [];
  for (const p of placements) {
    for (let i = open.length - 1; i >= 0; i--)
      if (open[i]!.shownToU < p.shownFromU) open.splice(i, 1);
    if (open.length > 0) p.problem = true;
    for (const other of open) {
      other.problem = true;
      if (problems.length >= MAX_LISTED_PROBLEMS) {
        moreProblems++;
        continue;
      }
      problems.push({
        kind: 'overlap',
        deviceId: other.device.id,
        otherId: p.device.id,
        fromU: p.shownFromU,
        toU: Math.min(p.shownToU, other.shownToU),
      });
    }
    open.push(p);
    // The lowest column free at this device's bottom U.
    let lane = laneTop.findIndex((top) => top < p.shownFromU);
    if (lane === -1) lane = laneTop.length;
    laneTop[lane] = p.shownToU;
    p.lane = lane;
  }

  const used = new Uint8Array(rack.heightU + 1);
  for (const p of placements) {
    for (let u = p.shownFromU; u <= p.shownToU; u++) used[u] = 1;
  }
  let usedU = 0;
  for (let u = 1; u <= rack.heightU; u++) usedU += used[u]!;
  return {
    rack,
    placements,
    unplaced,
    lanes: Math.max(1, laneTop.length),
    problems,
    moreProblems,
    usedU,
  };
}

/** A device's state in an audit, as the elevation colours it. */
export const DEVICE_AUDIT_STATES = [
  'unchecked',
  'partial',
  'answered',
  'failed',
  'wrong_location',
  'not_found',
  'unexpected',
] as const;
export type DeviceAuditState = (typeof DEVICE_AUDIT_STATES)[number];

/**
 * One device's state: what was found about it first (unexpected, not found, found elsewhere),
 * then its answers (any failure, all answered, some answered, none).
 */
export function deviceAuditState(
  results: readonly (AnswerResult | undefined)[],
  reconciliation: ReconciliationState | undefined,
): DeviceAuditState {
  if (reconciliation === 'unexpected') return 'unexpected';
  if (reconciliation === 'not_found') return 'not_found';
  if (reconciliation === 'wrong_location') return 'wrong_location';
  let answered = 0;
  for (const r of results) {
    if (r === 'fail') return 'failed';
    if (r !== undefined && r !== 'unchecked') answered++;
  }
  if (answered === 0) return 'unchecked';
  return answered === results.length ? 'answered' : 'partial';
}

/** Every device of an audit plan with its state and the first step of its checks. */
export function deviceAuditStates(
  plan: AuditPlan,
  resultOf: (stepKey: string) => AnswerResult | undefined,
  reconciliationOf: (deviceId: string) => ReconciliationState | undefined,
): Map<string, { state: DeviceAuditState; firstStep: number }> {
  const out = new Map<string, { state: DeviceAuditState; firstStep: number }>();
  for (const subject of plan.subjects) {
    if (!subject.device) continue;
    const results: (AnswerResult | undefined)[] = [];
    for (let i = subject.start; i < subject.end; i++) results.push(resultOf(plan.steps[i]!.key));
    out.set(subject.device.id, {
      state: deviceAuditState(results, reconciliationOf(subject.device.id)),
      firstStep: subject.start,
    });
  }
  return out;
}
