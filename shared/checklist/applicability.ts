import type { DeviceType } from '../domain/enums.ts';
import type { Answer, CheckItem, Device, Rack, Room, Template } from '../domain/schemas.ts';

// The checklist engine: which items apply to the room and to each device, the order the
// inspector walks the devices in, and the flat list of steps the walk-through iterates.
// Built for 2,000 devices x ~15 items: items are grouped once per template and device type,
// the plan is built once per audit, and progress only touches the answers.

/** The room itself, or a device (only its type decides applicability). */
export type ChecklistSubject = 'room' | Pick<Device, 'type'>;

interface TemplateIndex {
  room: readonly CheckItem[];
  byType: Map<DeviceType, readonly CheckItem[]>;
  device: readonly CheckItem[];
}

// Templates are replaced, not mutated, when edited (template-io.ts), so caching by identity is
// safe and makes a 2,000-device plan cost one filter per device type instead of per device.
const indexCache = new WeakMap<Template, TemplateIndex>();

function indexOf(template: Template): TemplateIndex {
  let index = indexCache.get(template);
  if (!index) {
    index = {
      room: template.items.filter((item) => item.scope === 'room'),
      device: template.items.filter((item) => item.scope === 'device'),
      byType: new Map(),
    };
    indexCache.set(template, index);
  }
  return index;
}

/** The template's items that apply to the subject, in template order. */
export function applicableItems(
  template: Template,
  subject: ChecklistSubject,
): readonly CheckItem[] {
  const index = indexOf(template);
  if (subject === 'room') return index.room;
  let items = index.byType.get(subject.type);
  if (!items) {
    items = index.device.filter(
      (item) => item.appliesTo.length === 0 || item.appliesTo.includes(subject.type),
    );
    index.byType.set(subject.type, items);
  }
  return items;
}

// Names mix Chinese and English and often carry numbers ("CAM-2", "CAM-10"): numeric collation
// keeps numbered devices in the order they hang. The id is the final tie-break so the order is
// total and the same on every machine for the same data.
const collator = new Intl.Collator(['zh-Hans-CN', 'en'], { numeric: true, sensitivity: 'base' });

type WalkKey = {
  device: Device;
  rackRank: number;
  rackName: string;
  rackId: string;
  /** Top edge of the device; -1 when it has no position in its rack. */
  top: number;
};

const NO_RACK = Number.POSITIVE_INFINITY;

function compareWalk(a: WalkKey, b: WalkKey): number {
  if (a.rackRank !== b.rackRank) return a.rackRank < b.rackRank ? -1 : 1;
  if (a.rackId !== b.rackId) {
    return collator.compare(a.rackName, b.rackName) || (a.rackId < b.rackId ? -1 : 1);
  }
  // Inspectors read a rack from the top down, as its elevation drawing is printed.
  if (a.top !== b.top) return b.top - a.top;
  return (
    collator.compare(a.device.name, b.device.name) ||
    (a.device.id < b.device.id ? -1 : a.device.id > b.device.id ? 1 : 0)
  );
}

/**
 * Devices in the order the inspector meets them: racks by walkOrder (then name), within a rack
 * from the top U down, devices without a position after the rack's positioned ones, then by
 * name; devices without a rack (or whose rack is not in this room's list) come last.
 */
export function walkOrder(racks: readonly Rack[], devices: readonly Device[]): Device[] {
  const rackById = new Map(racks.map((rack) => [rack.id, rack]));
  const keys: WalkKey[] = devices.map((device) => {
    const rack = device.rackId === null ? undefined : rackById.get(device.rackId);
    const inRack = rack !== undefined && rack.roomId === device.roomId;
    return {
      device,
      rackRank: inRack ? rack.walkOrder : NO_RACK,
      rackName: inRack ? rack.name : '',
      rackId: inRack ? rack.id : '',
      top: inRack && device.positionU !== null ? device.positionU + device.heightU - 1 : -1,
    };
  });
  keys.sort(compareWalk);
  return keys.map((key) => key.device);
}

/** One answer to give: an item for the room (deviceId null) or for a device. */
export interface PlanStep {
  readonly roomId: string;
  readonly deviceId: string | null;
  readonly item: CheckItem;
  /** Unique within a plan; see `stepKey`. */
  readonly key: string;
}

/** A run of consecutive steps about one subject: steps[start] .. steps[end - 1]. */
export interface PlanSubject {
  readonly roomId: string;
  readonly device: Device | null;
  readonly start: number;
  readonly end: number;
}

export interface PlanRoom {
  readonly room: Room;
  readonly start: number;
  readonly end: number;
  /** The room's own subject first (when the template has room items), then its devices. */
  readonly subjects: readonly PlanSubject[];
}

export interface AuditPlan {
  readonly steps: readonly PlanStep[];
  readonly rooms: readonly PlanRoom[];
  /** Every subject of every room, in walk order, for next/previous device. */
  readonly subjects: readonly PlanSubject[];
  /** subjectOfStep[i] is the index in `subjects` of steps[i]'s subject. */
  readonly subjectOfStep: Int32Array;
  /** roomOfStep[i] is the index in `rooms` of steps[i]'s room. */
  readonly roomOfStep: Int32Array;
  readonly indexByKey: ReadonlyMap<string, number>;
}

/**
 * Identifies a step independently of the audit id: a device's answers follow the device even
 * if its room is corrected during the walk. Matches `answerId` minus the audit prefix.
 */
export function stepKey(roomId: string, deviceId: string | null, itemId: string): string {
  return `${deviceId ?? `room:${roomId}`}|${itemId}`;
}

/**
 * The ordered steps of an audit: for each room (in the order given), the room-level items,
 * then the room's devices in walk order, each with the items that apply to its type.
 */
export function auditPlan(
  template: Template,
  rooms: readonly Room[],
  racks: readonly Rack[],
  devices: readonly Device[],
): AuditPlan {
  const devicesByRoom = new Map<string, Device[]>();
  for (const room of rooms) devicesByRoom.set(room.id, []);
  for (const device of devices) devicesByRoom.get(device.roomId)?.push(device);

  const steps: PlanStep[] = [];
  const subjects: PlanSubject[] = [];
  const planRooms: PlanRoom[] = [];
  const subjectOfStep: number[] = [];
  const roomOfStep: number[] = [];
  const indexByKey = new Map<string, number>();
  const seenRooms = new Set<string>();

  const addSubject = (roomId: string, device: Device | null, items: readonly CheckItem[]) => {
    if (items.length === 0) return null;
    const start = steps.length;
    for (const item of items) {
      const key = stepKey(roomId, device?.id ?? null, item.id);
      // A duplicated device id would make two steps share one answer; keep the first.
      if (indexByKey.has(key)) continue;
      indexByKey.set(key, steps.length);
      steps.push({ roomId, deviceId: device?.id ?? null, item, key });
      subjectOfStep.push(subjects.length);
      roomOfStep.push(planRooms.length);
    }
    if (steps.length === start) return null;
    const subject: PlanSubject = { roomId, device, start, end: steps.length };
    subjects.push(subject);
    return subject;
  };

  for (const room of rooms) {
    if (seenRooms.has(room.id)) continue;
    seenRooms.add(room.id);
    const start = steps.length;
    const roomSubjects: PlanSubject[] = [];
    const roomSubject = addSubject(room.id, null, applicableItems(template, 'room'));
    if (roomSubject) roomSubjects.push(roomSubject);
    const roomRacks = racks.filter((rack) => rack.roomId === room.id);
    for (const device of walkOrder(roomRacks, devicesByRoom.get(room.id) ?? [])) {
      const subject = addSubject(room.id, device, applicableItems(template, device));
      if (subject) roomSubjects.push(subject);
    }
    planRooms.push({ room, start, end: steps.length, subjects: roomSubjects });
  }

  return {
    steps,
    rooms: planRooms,
    subjects,
    subjectOfStep: Int32Array.from(subjectOfStep),
    roomOfStep: Int32Array.from(roomOfStep),
    indexByKey,
  };
}

export interface Progress {
  readonly answered: number;
  readonly total: number;
}

export interface AuditProgress {
  readonly overall: Progress;
  /** By room id, for every room of the plan. */
  readonly rooms: ReadonlyMap<string, Progress>;
}

type AnswerFacts = Pick<Answer, 'roomId' | 'deviceId' | 'itemId' | 'result'>;

/**
 * Answered / total per room and overall. O(answers): the plan's totals are known and each
 * answer is one map lookup. Answers about steps not in the plan (a device since deleted, an
 * item no longer applicable) and "not checked" answers do not count.
 */
export function progress(plan: AuditPlan, answers: Iterable<AnswerFacts>): AuditProgress {
  const answeredByRoom = new Int32Array(plan.rooms.length);
  const counted = new Set<number>();
  for (const answer of answers) {
    if (answer.result === 'unchecked') continue;
    const index = plan.indexByKey.get(stepKey(answer.roomId, answer.deviceId, answer.itemId));
    if (index === undefined || counted.has(index)) continue;
    counted.add(index);
    answeredByRoom[plan.roomOfStep[index] ?? 0]! += 1;
  }
  const rooms = new Map<string, Progress>();
  plan.rooms.forEach((room, i) => {
    rooms.set(room.room.id, { answered: answeredByRoom[i] ?? 0, total: room.end - room.start });
  });
  return { overall: { answered: counted.size, total: plan.steps.length }, rooms };
}

/** The plan index of a saved cursor, or null when that step is no longer in the plan. */
export function findStep(
  plan: AuditPlan,
  at: { roomId: string; deviceId: string | null; itemId: string },
): number | null {
  return plan.indexByKey.get(stepKey(at.roomId, at.deviceId, at.itemId)) ?? null;
}

/**
 * The next step after `from` (wrapping around) that is not answered, or null when every step
 * is. `isAnswered` receives step keys; pass a Set's `has` built from the answers.
 */
export function nextUnanswered(
  plan: AuditPlan,
  from: number,
  isAnswered: (key: string) => boolean,
): number | null {
  const n = plan.steps.length;
  for (let offset = 1; offset <= n; offset++) {
    const index = (((from + offset) % n) + n) % n;
    const step = plan.steps[index];
    if (step && !isAnswered(step.key)) return index;
  }
  return null;
}

/** First step of the next (+1) or previous (-1) subject, or null at either end. */
export function adjacentSubjectStart(
  plan: AuditPlan,
  from: number,
  direction: 1 | -1,
): number | null {
  const current = plan.subjectOfStep[from];
  if (current === undefined) return null;
  return plan.subjects[current + direction]?.start ?? null;
}
