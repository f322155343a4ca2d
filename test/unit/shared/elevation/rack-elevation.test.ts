import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditPlan } from '../../../../shared/checklist/applicability.ts';
import { SECURE_ROOM_TEMPLATE } from '../../../../shared/checklist/secure-room.ts';
import {
  MAX_LISTED_PROBLEMS,
  deviceAuditState,
  deviceAuditStates,
  rackElevation,
  roomElevation,
  type ElevationDevice,
} from '../../../../shared/elevation/rack-elevation.ts';
import { makeDevice, makeRack, makeRoom } from '../domain/fixtures.ts';

const rack = makeRack({ id: 'rack-1', heightU: 42 });
const at = (id: string, positionU: number | null, heightU = 1, rackId: string | null = 'rack-1') =>
  makeDevice({ id, name: id, rackId, positionU, heightU });

describe('rack elevation', () => {
  it('draws devices at their U positions, one column, no problems', () => {
    const e = rackElevation(rack, [at('a', 1, 2), at('b', 10), at('c', 40, 3)]);
    expect(e.placements.map((p) => [p.device.id, p.shownFromU, p.shownToU, p.lane])).toEqual([
      ['a', 1, 2, 0],
      ['b', 10, 10, 0],
      ['c', 40, 42, 0],
    ]);
    expect(e.lanes).toBe(1);
    expect(e.usedU).toBe(6);
    expect(e.problems).toEqual([]);
    expect(e.placements.some((p) => p.problem)).toBe(false);
  });

  it('shows two devices in one U side by side and names the overlap', () => {
    const e = rackElevation(rack, [at('a', 10, 2), at('b', 11, 2), at('c', 20)]);
    expect(e.problems).toEqual([
      { kind: 'overlap', deviceId: 'a', otherId: 'b', fromU: 11, toU: 11 },
    ]);
    expect(e.lanes).toBe(2);
    const lane = Object.fromEntries(e.placements.map((p) => [p.device.id, p.lane]));
    expect(lane).toEqual({ a: 0, b: 1, c: 0 });
    expect(e.placements.filter((p) => p.problem).map((p) => p.device.id)).toEqual(['a', 'b']);
    expect(e.usedU).toBe(4);
  });

  it('draws the part of a device inside the rack and lists it as out of range', () => {
    const e = rackElevation(rack, [at('tall', 41, 4)]);
    expect(e.placements[0]).toMatchObject({ fromU: 41, toU: 44, shownFromU: 41, shownToU: 42 });
    expect(e.placements[0]!.problem).toBe(true);
    expect(e.problems).toEqual([
      { kind: 'outOfRange', deviceId: 'tall', fromU: 41, toU: 44, rackHeightU: 42 },
    ]);
  });

  it('lists a device wholly above the rack or without a position as not drawn, with why', () => {
    const e = rackElevation(rack, [at('above', 43, 1), at('nowhere', null)]);
    expect(e.placements).toEqual([]);
    expect(e.unplaced.map((d) => d.id)).toEqual(['above', 'nowhere']);
    expect(e.problems.map((p) => p.kind)).toEqual(['outOfRange', 'noPosition']);
  });

  it('puts a device without a rack, or in a rack of another room, outside the racks', () => {
    const other = makeRack({ id: 'rack-x', roomId: 'room-2', heightU: 42 });
    const e = roomElevation(
      'room-1',
      [rack, other],
      [at('in', 5), at('loose', null, 1, null), at('elsewhere', 5, 1, 'rack-x')],
    );
    expect(e.racks.map((r) => r.rack.id)).toEqual(['rack-1']);
    expect(e.racks[0]!.placements.map((p) => p.device.id)).toEqual(['in']);
    expect(e.unracked.map((d) => d.id)).toEqual(['loose', 'elsewhere']);
  });

  it('stays bounded on a hostile inventory: 3,000 devices in one U', () => {
    const devices = Array.from({ length: 3000 }, (_, i) => at(`d${i}`, 7));
    const started = performance.now();
    const e = rackElevation(rack, devices);
    // Generous: about 0.1 s here; quadratic work with an unbounded list would run out of memory.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(e.problems).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(e.problems.length + e.moreProblems).toBe((3000 * 2999) / 2);
    expect(e.lanes).toBe(3000);
  });

  const arbDevices = fc.array(
    fc.record({
      positionU: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
      heightU: fc.integer({ min: 1, max: 6 }),
    }),
    { maxLength: 12 },
  );

  it('property: every device is drawn once or listed; no column holds two devices in one U; overlaps are exactly the shared Us', () => {
    fc.assert(
      fc.property(arbDevices, (specs) => {
        const devices: ElevationDevice[] = specs.map((s, i) => at(`d${i}`, s.positionU, s.heightU));
        const e = rackElevation(rack, devices);
        const seen = [...e.placements.map((p) => p.device.id), ...e.unplaced.map((d) => d.id)];
        expect(seen.sort()).toEqual(devices.map((d) => d.id).sort());
        const cells = new Set<string>();
        for (const p of e.placements)
          for (let u = p.shownFromU; u <= p.shownToU; u++) {
            const cell = `${p.lane}:${u}`;
            expect(cells.has(cell)).toBe(false);
            cells.add(cell);
          }
        // Brute force: which pairs share a U inside the rack.
        const shown = e.placements;
        let pairs = 0;
        for (let i = 0; i < shown.length; i++)
          for (let j = i + 1; j < shown.length; j++)
            if (
              shown[i]!.shownFromU <= shown[j]!.shownToU &&
              shown[j]!.shownFromU <= shown[i]!.shownToU
            )
              pairs++;
        expect(e.problems.filter((p) => p.kind === 'overlap')).toHaveLength(pairs);
        const outside = devices.filter(
          (d) => d.positionU !== null && d.positionU + d.heightU - 1 > rack.heightU,
        );
        expect(e.problems.filter((p) => p.kind === 'outOfRange')).toHaveLength(outside.length);
      }),
    );
  });
});

describe('device audit state', () => {
  it('puts what was found about the device before its answers', () => {
    expect(deviceAuditState(['fail'], 'unexpected')).toBe('unexpected');
    expect(deviceAuditState(['pass'], 'not_found')).toBe('not_found');
    expect(deviceAuditState(['fail'], 'wrong_location')).toBe('wrong_location');
    expect(deviceAuditState(['pass', 'fail', undefined], 'found')).toBe('failed');
    expect(deviceAuditState(['pass', 'na'], undefined)).toBe('answered');
    expect(deviceAuditState(['pass', 'unchecked'], undefined)).toBe('partial');
    expect(deviceAuditState([undefined, 'unchecked'], undefined)).toBe('unchecked');
  });

  it('reads each device of a plan from its steps, with the first step to open', () => {
    const room = makeRoom();
    const devices = [at('a', 10), at('b', 5)];
    const plan = auditPlan(SECURE_ROOM_TEMPLATE, [room], [rack], devices);
    const subjectA = plan.subjects.find((s) => s.device?.id === 'a')!;
    const failedKey = plan.steps[subjectA.start + 1]!.key;
    const states = deviceAuditStates(
      plan,
      (key) => (key === failedKey ? 'fail' : undefined),
      (id) => (id === 'b' ? 'not_found' : undefined),
    );
    expect(states.get('a')).toEqual({ state: 'failed', firstStep: subjectA.start });
    expect(states.get('b')?.state).toBe('not_found');
    expect(plan.steps[states.get('b')!.firstStep]!.deviceId).toBe('b');
  });
});
