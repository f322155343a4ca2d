import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adjacentSubjectStart,
  applicableItems,
  auditPlan,
  findStep,
  nextUnanswered,
  progress,
  stepKey,
  walkOrder,
} from '../../../../shared/checklist/applicability.ts';
import { SECURE_ROOM_TEMPLATE } from '../../../../shared/checklist/secure-room.ts';
import { DEVICE_TYPES, type AnswerResult } from '../../../../shared/domain/enums.ts';
import type { Device, Template } from '../../../../shared/domain/schemas.ts';
import { makeDevice, makeRack, makeRoom } from '../domain/fixtures.ts';

const T = SECURE_ROOM_TEMPLATE;
const ids = (devices: readonly Device[]) => devices.map((d) => d.id);

describe('applicableItems', () => {
  it('gives the room its room-level items in template order', () => {
    expect(applicableItems(T, 'room').map((i) => i.id)).toEqual([
      'P1',
      'P2',
      'P3',
      'P4',
      'P5',
      'I1',
      'N3',
      'C3',
      'L1',
      'L2',
    ]);
  });

  it('gives a device the device items whose appliesTo is empty or names its type', () => {
    expect(applicableItems(T, { type: 'ip_camera' }).map((i) => i.id)).toEqual([
      'I2',
      'I3',
      'I4',
      'D1',
      'D2',
      'D3',
      'D4',
      'D6',
      'N5',
      'C1',
      'C2',
      'F1',
      'F2',
      'F3',
      'V1',
      'V2',
      'M1',
      'M2',
      'M4',
    ]);
    expect(applicableItems(T, { type: 'loose_media' }).map((i) => i.id)).toEqual([
      'I2',
      'I3',
      'I4',
      'D6',
      'M1',
      'M2',
      'M3',
    ]);
  });

  it('reflects an edited template (a new object) rather than a cached one', () => {
    const edited: Template = {
      ...T,
      id: 'copy',
      items: T.items.map((i) =>
        i.id === 'V2' ? { ...i, appliesTo: ['workstation' as const] } : i,
      ),
    };
    expect(applicableItems(edited, { type: 'ip_camera' }).some((i) => i.id === 'V2')).toBe(false);
    expect(applicableItems(edited, { type: 'workstation' }).some((i) => i.id === 'V2')).toBe(true);
    expect(applicableItems(T, { type: 'ip_camera' }).some((i) => i.id === 'V2')).toBe(true);
  });
});

describe('walkOrder', () => {
  const racks = [
    makeRack({ id: 'r-b', name: 'B01', walkOrder: 2 }),
    makeRack({ id: 'r-a', name: 'A01', walkOrder: 1 }),
  ];

  it('orders by rack walk order, then top U down, then name; unpositioned after, rackless last', () => {
    const devices = [
      makeDevice({ id: 'loose', name: 'Loose', rackId: null }),
      makeDevice({ id: 'b-low', name: 'x', rackId: 'r-b', positionU: 1 }),
      makeDevice({ id: 'a-low', name: 'x', rackId: 'r-a', positionU: 2 }),
      makeDevice({ id: 'a-top', name: 'x', rackId: 'r-a', positionU: 40, heightU: 2 }),
      makeDevice({ id: 'a-tall', name: 'x', rackId: 'r-a', positionU: 30, heightU: 4 }),
      makeDevice({ id: 'a-nopos', name: 'x', rackId: 'r-a', positionU: null }),
      makeDevice({ id: 'ghost-rack', name: 'A', rackId: 'r-gone', positionU: 5 }),
    ];
    expect(ids(walkOrder(racks, devices))).toEqual([
      'a-top',
      'a-tall',
      'a-low',
      'a-nopos',
      'b-low',
      'ghost-rack',
      'loose',
    ]);
  });

  it('sorts numbered names naturally and mixes Chinese and English deterministically', () => {
    const devices = ['CAM-10', 'CAM-2', 'CAM-1', '摄像机-3'].map((name, i) =>
      makeDevice({ id: `d${i}`, name, rackId: null }),
    );
    const names = walkOrder([], devices).map((d) => d.name);
    expect(names.filter((n) => n.startsWith('CAM'))).toEqual(['CAM-1', 'CAM-2', 'CAM-10']);
    expect(walkOrder([], [...devices].reverse()).map((d) => d.name)).toEqual(names);
  });

  it('ignores a rack that belongs to another room', () => {
    const other = makeRack({ id: 'r-x', roomId: 'room-2', walkOrder: 0 });
    const devices = [
      makeDevice({ id: 'd1', name: 'b', rackId: 'r-x', positionU: 10 }),
      makeDevice({ id: 'd2', name: 'a', rackId: 'r-a', positionU: 1 }),
    ];
    expect(ids(walkOrder([...racks, other], devices))).toEqual(['d2', 'd1']);
  });

  const arbDevice = fc.record({
    id: fc.uuid(),
    name: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('服务器', 'CAM-1', 'CAM-2')),
    rackId: fc.option(fc.constantFrom('r-a', 'r-b', 'r-missing'), { nil: null }),
    positionU: fc.option(fc.integer({ min: 1, max: 42 }), { nil: null }),
    heightU: fc.integer({ min: 1, max: 4 }),
  });

  it('is a permutation, independent of input order, with racks in walk order (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbDevice, { selector: (d) => d.id, maxLength: 60 }), (specs) => {
        const devices = specs.map((s) => makeDevice(s));
        const ordered = walkOrder(racks, devices);
        expect([...ids(ordered)].sort()).toEqual([...ids(devices)].sort());
        expect(ids(walkOrder(racks, [...devices].reverse()))).toEqual(ids(ordered));
        const rank = (d: Device) => (d.rackId === 'r-a' ? 0 : d.rackId === 'r-b' ? 1 : 2);
        for (let i = 1; i < ordered.length; i++) {
          expect(rank(ordered[i - 1]!)).toBeLessThanOrEqual(rank(ordered[i]!));
        }
      }),
    );
  });
});

function room(id: string) {
  return makeRoom({ id, name: id });
}

describe('auditPlan', () => {
  it('per room: room items, then devices in walk order, each with its applicable items', () => {
    const rooms = [room('room-2'), room('room-1')];
    const racks = [makeRack({ id: 'r1', roomId: 'room-1' })];
    const devices = [
      makeDevice({ id: 'cam', name: 'cam', type: 'ip_camera', roomId: 'room-1', rackId: null }),
      makeDevice({ id: 'srv', type: 'server', roomId: 'room-1', rackId: 'r1', positionU: 3 }),
      makeDevice({ id: 'usb', type: 'loose_media', roomId: 'room-2' }),
      makeDevice({ id: 'elsewhere', roomId: 'room-9' }),
    ];
    const plan = auditPlan(T, rooms, racks, devices);
    const roomItems = applicableItems(T, 'room').length;
    expect(plan.rooms.map((r) => r.room.id)).toEqual(['room-2', 'room-1']);
    expect(plan.subjects.map((s) => s.device?.id ?? `room:${s.roomId}`)).toEqual([
      'room:room-2',
      'usb',
      'room:room-1',
      'srv',
      'cam',
    ]);
    const firstRoom = plan.rooms[0]!;
    expect(firstRoom.end - firstRoom.start).toBe(roomItems + 7);
    expect(plan.steps.slice(0, roomItems).every((s) => s.deviceId === null)).toBe(true);
    expect(plan.steps[roomItems]).toMatchObject({ deviceId: 'usb', roomId: 'room-2' });
    expect(plan.steps.some((s) => s.deviceId === 'elsewhere')).toBe(false);
    const total =
      2 * roomItems +
      applicableItems(T, { type: 'server' }).length +
      applicableItems(T, { type: 'ip_camera' }).length +
      applicableItems(T, { type: 'loose_media' }).length;
    expect(plan.steps.length).toBe(total);
    plan.steps.forEach((step, i) => {
      expect(plan.indexByKey.get(step.key)).toBe(i);
      const subject = plan.subjects[plan.subjectOfStep[i]!]!;
      expect(i).toBeGreaterThanOrEqual(subject.start);
      expect(i).toBeLessThan(subject.end);
      expect(plan.rooms[plan.roomOfStep[i]!]!.room.id).toBe(step.roomId);
    });
  });

  it('handles rooms without devices, duplicated rooms and duplicated device ids', () => {
    const dup = makeDevice({ id: 'same' });
    const plan = auditPlan(T, [room('room-1'), room('room-1')], [], [dup, { ...dup, name: 'z' }]);
    expect(plan.rooms).toHaveLength(1);
    expect(plan.subjects).toHaveLength(2);
    expect(new Set(plan.steps.map((s) => s.key)).size).toBe(plan.steps.length);
    expect(auditPlan(T, [room('empty')], [], []).steps).toHaveLength(
      applicableItems(T, 'room').length,
    );
  });
});

describe('progress and navigation', () => {
  const devices = DEVICE_TYPES.map((type, i) =>
    makeDevice({ id: `d${i}`, name: `d${String(i).padStart(2, '0')}`, type }),
  );
  const plan = auditPlan(T, [room('room-1'), room('room-2')], [], devices);
  const answer = (i: number, result: AnswerResult = 'pass') => {
    const s = plan.steps[i]!;
    return { roomId: s.roomId, deviceId: s.deviceId, itemId: s.item.id, result };
  };

  it('counts answered steps per room and overall, ignoring unchecked, strays and repeats', () => {
    const answers = [
      answer(0),
      answer(0, 'fail'),
      answer(1, 'na'),
      answer(2, 'unchecked'),
      answer(plan.steps.length - 1, 'fail'),
      { roomId: 'room-1', deviceId: 'deleted', itemId: 'D1', result: 'pass' as const },
    ];
    const p = progress(plan, answers);
    expect(p.overall).toEqual({ answered: 3, total: plan.steps.length });
    expect(p.rooms.get('room-1')).toEqual({
      answered: 2,
      total: plan.rooms[0]!.end - plan.rooms[0]!.start,
    });
    expect(p.rooms.get('room-2')).toEqual({
      answered: 1,
      total: applicableItems(T, 'room').length,
    });
  });

  it('matches a naive count for any set of answers (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            i: fc.nat(plan.steps.length - 1),
            r: fc.constantFrom<AnswerResult>('pass', 'fail', 'na', 'unchecked'),
          }),
          { maxLength: 300 },
        ),
        (picks) => {
          const answers = picks.map(({ i, r }) => answer(i, r));
          const naive = new Set(
            answers
              .filter((a) => a.result !== 'unchecked')
              .map((a) => stepKey(a.roomId, a.deviceId, a.itemId)),
          );
          expect(progress(plan, answers).overall.answered).toBe(naive.size);
        },
      ),
    );
  });

  it('finds a saved cursor, the next unanswered step and the adjacent subjects', () => {
    const s = plan.steps[5]!;
    expect(findStep(plan, { roomId: s.roomId, deviceId: s.deviceId, itemId: s.item.id })).toBe(5);
    expect(findStep(plan, { roomId: 'room-1', deviceId: 'gone', itemId: 'D1' })).toBeNull();
    const answered = new Set(plan.steps.slice(0, 10).map((x) => x.key));
    expect(nextUnanswered(plan, -1, (k) => answered.has(k))).toBe(10);
    expect(nextUnanswered(plan, 3, (k) => answered.has(k))).toBe(10);
    const allButTwo = new Set(plan.steps.map((x) => x.key));
    allButTwo.delete(plan.steps[2]!.key);
    expect(nextUnanswered(plan, 20, (k) => allButTwo.has(k))).toBe(2);
    expect(nextUnanswered(plan, 0, () => true)).toBeNull();
    const firstDevice = plan.subjects[1]!;
    expect(adjacentSubjectStart(plan, 0, 1)).toBe(firstDevice.start);
    expect(adjacentSubjectStart(plan, firstDevice.start + 1, -1)).toBe(0);
    expect(adjacentSubjectStart(plan, 0, -1)).toBeNull();
    expect(adjacentSubjectStart(plan, plan.steps.length - 1, 1)).toBeNull();
  });
});

describe('scale: 2,000 devices', () => {
  it('builds the plan and computes progress fast enough for the walk-through', () => {
    const racks = Array.from({ length: 50 }, (_, r) =>
      makeRack({ id: `rack-${r}`, name: `R${r}`, walkOrder: r }),
    );
    const devices = Array.from({ length: 2000 }, (_, i) =>
      makeDevice({
        id: `dev-${i}`,
        name: i % 3 ? `服务器-${i}` : `SW-${i}`,
        type: DEVICE_TYPES[i % DEVICE_TYPES.length]!,
        rackId: i % 17 === 0 ? null : `rack-${i % 50}`,
        positionU: (i % 40) + 1,
      }),
    );
    const t0 = performance.now();
    const plan = auditPlan(T, [room('room-1')], racks, devices);
    const buildMs = performance.now() - t0;
    expect(plan.steps.length).toBeGreaterThan(28_000);
    const answers = plan.steps.map((s) => ({
      roomId: s.roomId,
      deviceId: s.deviceId,
      itemId: s.item.id,
      result: 'pass' as const,
    }));
    const t1 = performance.now();
    const p = progress(plan, answers);
    const progressMs = performance.now() - t1;
    expect(p.overall).toEqual({ answered: plan.steps.length, total: plan.steps.length });
    console.log(
      `plan ${plan.steps.length} steps in ${buildMs.toFixed(1)} ms; progress ${progressMs.toFixed(1)} ms`,
    );
  });
});
