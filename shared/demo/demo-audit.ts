import { blankDevice } from '../domain/device-fields.ts';
import { applicableItems } from '../checklist/applicability.ts';
import { effectiveSeverity } from '../checklist/effective-severity.ts';
import { SECURE_ROOM_NAME, SECURE_ROOM_TEMPLATE } from '../checklist/secure-room.ts';
import { type AnswerResult, type EvidenceMimeType, type FindingStatus } from '../domain/enums.ts';
import {
  answerId,
  type Answer,
  type Audit,
  type CheckItem,
  type Device,
  type Finding,
  type Rack,
  type Reconciliation,
  type Room,
  type Template,
} from '../domain/schemas.ts';
import type { Lang } from '../i18n/lang.ts';
import { bytesToBase64 } from '../encoding/base64.ts';
import { firstSighting } from '../findings/findings.ts';
import { assembleSnapshot, type AuditSnapshot, type SnapshotEvidence } from '../snapshot/schema.ts';
import {
  ASSET_TAG_PREFIX,
  DEMO_ORGANISATION,
  DEMO_PEOPLE,
  DEMO_RACKS,
  DEMO_ROOMS,
  FILLER_FINDING_TITLES,
  FILLER_MODELS,
  FILLER_ROLES,
  FILLER_TYPES,
  PRIOR_ONLY_DEVICE,
  PRIOR_ONLY_FINDINGS,
  SCENARIO_DEVICES,
  SCENARIO_FINDINGS,
  type DeviceSpec,
  type FindingSpec,
  type RackSpec,
  type RoomKey,
} from './demo-catalogue.ts';
import { createPrng, type Prng } from './prng.ts';

// A realistic audit for demos, screenshots, reports and benchmarks: the hand-written scenario of
// demo-catalogue.ts plus seeded filler up to the requested size. Same options, same snapshot:
// the clock and randomness come in through `now` and `seed`.

export type DemoPhoto = {
  fileName: string;
  mimeType: EvidenceMimeType;
  bytes: Uint8Array;
  /** Lower-case hex SHA-256 of `bytes` (shared code has no hashing of its own). */
  sha256: string;
};

export type DemoAuditOptions = {
  seed: number;
  now: Date;
  /** Devices in the current audit; at least DEMO_SCENARIO_DEVICE_COUNT. Default 40. */
  deviceCount?: number;
  /** Findings in the current audit; at least DEMO_SCENARIO_FINDING_COUNT (the default). */
  findingCount?: number;
  /** Language of the report and of the inspector's finding texts. Default 'en'. */
  language?: Lang;
  /** 1 puts every device in the main computer room (walk-through benchmarks). Default 4. */
  roomCount?: 1 | 2 | 3 | 4;
  /** Evidence photos: the first shows the idle server, the second a camera's label. */
  photos?: readonly DemoPhoto[];
  /** Include the prior audit so the report has a comparison. Default true. */
  withPrior?: boolean;
};

export const DEMO_SCENARIO_DEVICE_COUNT = SCENARIO_DEVICES.length;
export const DEMO_SCENARIO_FINDING_COUNT = SCENARIO_FINDINGS.length;

const DAY_MS = 86_400_000;
const IDS = {
  site: 'demo-site',
  audit: 'demo-audit-2026',
  prior: 'demo-audit-2025',
  room: (key: string) => `demo-room-${key}`,
  rack: (key: string) => `demo-rack-${key}`,
  device: (key: string) => `demo-dev-${key}`,
  finding: (auditId: string, key: string) => `${auditId}-f-${key}`,
};

type Clock = {
  /** ISO timestamp `days` days (fractions allowed) before now. */
  ago(days: number): string;
  /** YYYY-MM-DD `days` days from today (negative: in the past). */
  date(days: number): string;
};

function makeClock(now: Date): Clock {
  const base = now.getTime();
  if (!Number.isFinite(base)) throw new RangeError('The demo audit needs a valid `now` date.');
  return {
    ago: (days) => new Date(base - days * DAY_MS).toISOString(),
    date: (days) => new Date(base + days * DAY_MS).toISOString().slice(0, 10),
  };
}

function checkOptions(options: DemoAuditOptions): Required<Omit<DemoAuditOptions, 'photos'>> {
  const deviceCount = options.deviceCount ?? 40;
  const findingCount = options.findingCount ?? DEMO_SCENARIO_FINDING_COUNT;
  if (!Number.isInteger(deviceCount) || deviceCount < DEMO_SCENARIO_DEVICE_COUNT) {
    throw new RangeError(
      `deviceCount must be a whole number of at least ${DEMO_SCENARIO_DEVICE_COUNT} (the demo scenario's devices).`,
    );
  }
  if (!Number.isInteger(findingCount) || findingCount < DEMO_SCENARIO_FINDING_COUNT) {
    throw new RangeError(
      `findingCount must be a whole number of at least ${DEMO_SCENARIO_FINDING_COUNT} (the demo scenario's findings).`,
    );
  }
  if (!Number.isFinite(options.seed)) throw new RangeError('seed must be a finite number.');
  return {
    seed: options.seed,
    now: options.now,
    deviceCount,
    findingCount,
    language: options.language ?? 'en',
    roomCount: options.roomCount ?? 4,
    withPrior: options.withPrior ?? true,
  };
}

const ROOM_ORDER: readonly RoomKey[] = ['a', 'b', 'c', 's'];

/** Devices of rooms left out by `roomCount` move into the main computer room. */
function roomFor(key: RoomKey, roomCount: number): RoomKey {
  return ROOM_ORDER.indexOf(key) < roomCount ? key : 'a';
}

class RackAllocator {
  /** Next free U from the top, per rack id. */
  private readonly nextTop = new Map<string, number>();
  constructor(private readonly racks: Map<string, Rack>) {}

  /** Places a device from the top of the rack down; null when it no longer fits. */
  place(rackId: string, heightU: number): number | null {
    const rack = this.racks.get(rackId);
    if (!rack) return null;
    const top = this.nextTop.get(rackId) ?? rack.heightU - 1; // leave the top U for cabling
    const position = top - heightU + 1;
    if (position < 1) return null;
    this.nextTop.set(rackId, position - 1 - (position > 4 ? 1 : 0)); // a gap U for airflow
    return position;
  }
}

function baseDevice(
  spec: DeviceSpec,
  ids: { room: string; rack: string | null },
  at: string,
): Device {
  return {
    ...blankDevice(IDS.site, ids.room),
    // The demo's equipment is mostly running and cabled, with its credentials changed.
    credentials: {
      defaultChanged: 'yes',
      unique: 'yes',
      lastRotated: null,
      storesOtherCredentials: false,
    },
    power: 'on',
    network: { state: 'connected', switchName: '', switchPort: '', portEnabled: 'yes' },
    classification: 'internal',
    ...spec.fields,
    id: IDS.device(spec.key),
    rackId: ids.rack,
    positionU: null,
    firstSeenAuditId: spec.prior === 'new' ? IDS.audit : IDS.prior,
    createdAt: at,
    updatedAt: at,
  };
}

function mac(prng: Prng): string {
  const bytes = ['00', prng.hex(2), prng.hex(2), prng.hex(2), prng.hex(2), prng.hex(2)];
  return bytes.join(':');
}

function fillerDevice(
  prng: Prng,
  index: number,
  roomKeys: readonly RoomKey[],
  at: string,
): DeviceSpec {
  const type = prng.pick(FILLER_TYPES);
  const model = prng.pick(
    FILLER_MODELS[type] ?? [
      { manufacturer: 'Generic', model: 'Unit', firmware: '1.0', heightU: 1 },
    ],
  );
  const role = prng.pick(FILLER_ROLES[type] ?? [{ en: 'Device', zh: '设备' }]);
  const n = String(index + 1).padStart(3, '0');
  const owner = prng.pick(DEMO_PEOPLE.owners);
  const room = prng.pick(roomKeys);
  const racked = type !== 'ip_camera' && type !== 'workstation' && type !== 'printer_mfp';
  const firmwareYear = prng.int(2019, 2025);
  const status: Device['status'] = prng.chance(0.06)
    ? 'stored_spare'
    : prng.chance(0.04)
      ? 'offline'
      : 'active';
  const connected = status === 'active';
  return {
    key: `x${n}`,
    room,
    rack: racked ? '' : null, // the rack is chosen when placing, among the room's racks
    prior: index % 17 === 16 ? 'new' : undefined,
    fields: {
      type,
      name: `${role.zh} ${n} / ${role.en} ${n}`,
      assetTag: `RC-${ASSET_TAG_PREFIX[type]}-${String(1000 + index)}`,
      serial: prng.hex(10).toUpperCase(),
      manufacturer: model.manufacturer,
      model: model.model,
      hostname: `${type.replace(/_/g, '-').slice(0, 6)}-${n}`,
      ips: connected ? [`10.${20 + (index >> 16)}.${(index >> 8) & 255}.${index & 255 || 1}`] : [],
      macs: [mac(prng)],
      owner: prng.chance(0.9) ? owner : '',
      department: owner.replace(/^[^(]*\(|\)$/g, ''),
      status,
      firmwareVersion: model.firmware,
      firmwareDate: `${firmwareYear}-0${prng.int(1, 9)}-1${prng.int(0, 9)}`,
      endOfSupport: `${firmwareYear + prng.int(4, 8)}-12-31`,
      power: status === 'stored_spare' ? 'off' : 'on',
      network: connected
        ? {
            state: 'connected',
            switchName: `SW-${room.toUpperCase()}-ACC${prng.int(1, 4)}`,
            switchPort: `Gi1/0/${prng.int(1, 48)}`,
            portEnabled: 'yes',
          }
        : { state: 'disconnected', switchName: '', switchPort: '', portEnabled: 'no' },
      media:
        type === 'server' || type === 'storage' || type === 'virtualization_host'
          ? [{ count: prng.int(2, 12), kind: prng.chance(0.5) ? 'ssd' : 'hdd', serials: [] }]
          : [],
      classification: room === 'c' ? 'internal' : prng.chance(0.5) ? 'confidential' : 'secret',
      heightU: model.heightU,
      notes: prng.chance(0.15)
        ? prng.pick([
            'Fan noise reported by the duty officer. 值班人员反映风扇噪音大。',
            'Second power supply unplugged. 第二路电源未接。',
            'Cable label faded. 线缆标签模糊。',
            'Moved from the old building in 2024. 2024年由老楼迁入。',
          ])
        : '',
      createdAt: at,
    },
  };
}

function localized(text: { en: string; zh: string }, lang: Lang): string {
  return text[lang];
}

export function makeDemoAudit(options: DemoAuditOptions): AuditSnapshot {
  const opts = checkOptions(options);
  const clock = makeClock(opts.now);
  const prng = createPrng(opts.seed);
  const lang = opts.language;
  const template: Template = JSON.parse(JSON.stringify(SECURE_ROOM_TEMPLATE)) as Template;
  const itemsById = new Map(template.items.map((item) => [item.id, item]));

  const auditStart = 2; // days ago
  const priorStart = 182;
  const setupAt = clock.ago(400);

  // Rooms and racks.
  const roomKeys = ROOM_ORDER.slice(0, opts.roomCount);
  const rooms: Room[] = DEMO_ROOMS.filter((r) => roomKeys.includes(r.key)).map((r) => ({
    id: IDS.room(r.key),
    siteId: IDS.site,
    name: r.name,
    building: r.building,
    floor: r.floor,
    classification: r.classification,
    auditIntervalDays: r.auditIntervalDays,
    notes: r.notes,
    createdAt: setupAt,
    updatedAt: setupAt,
  }));
  const rackSpecs: RackSpec[] = DEMO_RACKS.filter((r) => roomKeys.includes(r.room)).map((r) => ({
    ...r,
  }));
  // Large audits need more cabinets: about 14 devices fit a 42U rack with airflow gaps.
  const fillerCount = opts.deviceCount - SCENARIO_DEVICES.length;
  const racksWanted = Math.ceil(opts.deviceCount / 12);
  for (let i = rackSpecs.length; i < racksWanted; i++) {
    const room = roomKeys[i % Math.min(roomKeys.length, 2)] ?? 'a';
    const name = `${room.toUpperCase()}-${String(i + 1).padStart(2, '0')}`;
    rackSpecs.push({ key: `g${i}`, room, name, heightU: 42, notes: '' });
  }
  const racks: Rack[] = rackSpecs.map((r, i) => ({
    id: IDS.rack(r.key),
    roomId: IDS.room(r.room),
    name: r.name,
    heightU: r.heightU,
    walkOrder: i,
    notes: r.notes,
    createdAt: setupAt,
    updatedAt: setupAt,
  }));
  const racksById = new Map(racks.map((r) => [r.id, r]));
  const racksByRoom = new Map<string, Rack[]>();
  for (const rack of racks)
    racksByRoom.set(rack.roomId, [...(racksByRoom.get(rack.roomId) ?? []), rack]);

  // Devices: the scenario first, then filler spread over the rooms' racks.
  const allocator = new RackAllocator(racksById);
  const specs: DeviceSpec[] = [...SCENARIO_DEVICES];
  // Filler is ordinary computing and network kit: the computer and network rooms hold it.
  const fillerRooms = roomKeys.filter((k) => k === 'a' || k === 'b');
  for (let i = 0; i < fillerCount; i++)
    specs.push(fillerDevice(prng, i, fillerRooms.length ? fillerRooms : ['a'], setupAt));

  const devices: Device[] = [];
  const specByDeviceId = new Map<string, DeviceSpec>();
  const rackCursor = new Map<string, number>();
  const place = (spec: DeviceSpec, roomKey: RoomKey, device: Device): void => {
    if (spec.rack === null) return;
    const roomId = IDS.room(roomKey);
    if (spec.rack !== '' && racksById.has(IDS.rack(spec.rack))) {
      const rackId = IDS.rack(spec.rack);
      device.rackId = rackId;
      device.positionU = allocator.place(rackId, device.heightU);
      return;
    }
    // Filler (or a scenario device whose room was folded away): next rack of the room with room.
    const candidates = racksByRoom.get(roomId) ?? [];
    let cursor = rackCursor.get(roomId) ?? 0;
    for (let tries = 0; tries < candidates.length; tries++) {
      const rack = candidates[(cursor + tries) % candidates.length];
      if (!rack) continue;
      const position = allocator.place(rack.id, device.heightU);
      if (position !== null) {
        device.rackId = rack.id;
        device.positionU = position;
        cursor = (cursor + tries + 1) % candidates.length;
        rackCursor.set(roomId, cursor);
        return;
      }
    }
  };
  for (const spec of specs) {
    const roomKey = roomFor(spec.room, opts.roomCount);
    const device = baseDevice(
      spec,
      { room: IDS.room(roomKey), rack: null },
      spec.fields.createdAt ?? setupAt,
    );
    place(
      roomKey === spec.room ? spec : { ...spec, rack: spec.rack === null ? null : '' },
      roomKey,
      device,
    );
    devices.push(device);
    specByDeviceId.set(device.id, spec);
  }
  if (!opts.withPrior) for (const device of devices) device.firstSeenAuditId = IDS.audit;
  const deviceByKey = new Map(devices.map((d) => [d.id, d]));
  const deviceFor = (key: string | null): Device | null =>
    key ? (deviceByKey.get(IDS.device(key)) ?? null) : null;

  // Findings: the scenario, then generated ones on (device, item) pairs not yet used.
  const inspector = DEMO_PEOPLE.inspector.name;
  const findings: Finding[] = [];
  const failed = new Map<string, Finding>(); // `${deviceId or room}|${itemId}` -> finding
  const subjectKey = (roomId: string, deviceId: string | null, itemId: string) =>
    `${deviceId ?? `room:${roomId}`}|${itemId}`;

  const makeFinding = (spec: FindingSpec, auditId: string, when: 'current' | 'prior'): Finding => {
    const device = deviceFor(spec.device);
    const roomKey = roomFor(spec.room, opts.roomCount);
    const roomId = device?.roomId ?? IDS.room(roomKey);
    const firstSeenPrior = when === 'prior' || (spec.recurring === true && opts.withPrior);
    const createdAt =
      when === 'prior'
        ? clock.ago(priorStart - 1)
        : clock.ago(auditStart - 0.1 * (findings.length % 10));
    const dueBase = when === 'prior' ? -priorStart : 0;
    return {
      id: IDS.finding(auditId, spec.key),
      auditId,
      roomId,
      deviceId: device?.id ?? null,
      itemId: spec.itemId,
      severity: spec.severity,
      severityChanges: spec.severityChange
        ? [
            {
              from: spec.severityChange.from,
              to: spec.severity,
              reason: localized(spec.severityChange.reason, lang),
              by: inspector,
              at: createdAt,
            },
          ]
        : [],
      title: localized(spec.title, lang),
      detail: localized(spec.detail, lang),
      remediation: localized(spec.remediation, lang),
      owner: DEMO_PEOPLE.owners[spec.owner] ?? '',
      dueDate: spec.dueInDays === null ? null : clock.date(dueBase + spec.dueInDays),
      // The prior audit saw these while still open: closing or accepting came later.
      status: when === 'prior' && spec.status !== 'in_remediation' ? 'open' : spec.status,
      statusReason:
        when === 'current' && spec.statusReason ? localized(spec.statusReason, lang) : '',
      firstSeenAuditId: firstSeenPrior ? IDS.prior : auditId,
      firstSeenAt: firstSeenPrior ? clock.ago(priorStart - 1) : createdAt,
      ...lineage(spec, auditId, when, firstSeenPrior, createdAt),
      createdAt,
      updatedAt: createdAt,
    };
  };
  // A finding seen in the prior audit is the same finding carried into this one: one lineage,
  // seen again when it still fails, resolved here when it was closed.
  const lineage = (
    spec: FindingSpec,
    auditId: string,
    when: 'current' | 'prior',
    firstSeenPrior: boolean,
    at: string,
  ): Pick<Finding, 'lineageId' | 'seenIn' | 'carriedFrom' | 'resolution' | 'evidenceRefs'> => {
    if (!firstSeenPrior || when === 'prior')
      return firstSighting(IDS.finding(auditId, spec.key), auditId, at);
    const original = IDS.finding(IDS.prior, spec.key);
    const first = { auditId: IDS.prior, at: clock.ago(priorStart - 1) };
    const closed = spec.status === 'closed';
    return {
      lineageId: original,
      seenIn: closed ? [first] : [first, { auditId, at }],
      carriedFrom: { auditId: IDS.prior, findingId: original },
      resolution: closed ? { auditId, by: inspector, at } : null,
      evidenceRefs: [],
    };
  };

  for (const spec of SCENARIO_FINDINGS) {
    const finding = makeFinding(spec, IDS.audit, 'current');
    findings.push(finding);
    const item = finding.itemId ? itemsById.get(finding.itemId) : undefined;
    // A device can be the evidence of a room-level failure (the 4G router fails N3 for the room).
    const subject = item?.scope === 'device' ? finding.deviceId : null;
    if (item) failed.set(subjectKey(finding.roomId, subject, item.id), finding);
  }

  const fillerDevices = devices.filter((d) => specByDeviceId.get(d.id)?.key.startsWith('x'));
  const fillerPool = fillerDevices.length > 0 ? fillerDevices : devices;
  const fillerItemsFor = (device: Device): CheckItem[] =>
    applicableItems(template, device).filter((item) =>
      Object.hasOwn(FILLER_FINDING_TITLES, item.id),
    );
  const needed = opts.findingCount - findings.length;
  const capacity = fillerPool.reduce((sum, d) => sum + fillerItemsFor(d).length, 0);
  if (needed > capacity) {
    throw new RangeError(
      `findingCount ${opts.findingCount} is more than ${opts.deviceCount} devices can carry (at most ${findings.length + capacity}); ask for more devices.`,
    );
  }
  const statusWeights: readonly FindingStatus[] = [
    'open',
    'open',
    'open',
    'in_remediation',
    'in_remediation',
    'closed',
    'risk_accepted',
  ];
  const generatedPrior: Finding[] = [];
  let attempts = 0;
  for (let made = 0; made < needed; attempts++) {
    // Random picks first; once collisions get frequent, walk the pool in order to finish.
    const device =
      attempts < needed * 4 ? prng.pick(fillerPool) : fillerPool[attempts % fillerPool.length];
    if (!device) break;
    const items = fillerItemsFor(device);
    const item =
      attempts < needed * 4
        ? prng.pick(items)
        : items.find((i) => !failed.has(subjectKey(device.roomId, device.id, i.id)));
    if (!item) continue;
    const key = subjectKey(device.roomId, device.id, item.id);
    if (failed.has(key)) continue;
    const title = FILLER_FINDING_TITLES[item.id] ?? { en: item.text.en, zh: item.text.zh };
    const shortName = device.name.split(' / ')[lang === 'zh' ? 0 : 1] ?? device.name;
    const status = prng.pick(statusWeights);
    const recurring = opts.withPrior && prng.chance(0.15);
    const spec: FindingSpec = {
      key: `g${String(made + 1).padStart(4, '0')}`,
      room: 'a',
      device: specByDeviceId.get(device.id)?.key ?? null,
      itemId: item.id,
      severity: effectiveSeverity(item, device),
      title: {
        en: title.en.replace('{device}', shortName),
        zh: title.zh.replace('{device}', shortName),
      },
      detail: {
        en: `Checked on ${device.hostname || device.assetTag}: ${item.text.en.toLowerCase()} — not met.`,
        zh: `在${device.hostname || device.assetTag}上检查：“${item.text.zh}”未满足。`,
      },
      remediation: { en: 'Correct and record the change.', zh: '整改并登记变更。' },
      owner: prng.int(0, DEMO_PEOPLE.owners.length - 1),
      dueInDays: prng.int(-60, 120),
      status,
      statusReason:
        status === 'risk_accepted'
          ? { en: 'Accepted until the device is replaced.', zh: '在设备更换前接受该风险。' }
          : status === 'closed'
            ? { en: 'Fixed and verified during the audit.', zh: '检查期间已整改并复核。' }
            : undefined,
      recurring,
    };
    const finding = makeFinding(spec, IDS.audit, 'current');
    findings.push(finding);
    failed.set(key, finding);
    if (recurring) generatedPrior.push(makeFinding(spec, IDS.prior, 'prior'));
    made++;
  }

  // Evidence: the photos go with the findings they show.
  const evidence: SnapshotEvidence[] = (options.photos ?? []).map((photo, index) => {
    const shows =
      SCENARIO_FINDINGS.find((f) => f.photo === index) ??
      SCENARIO_FINDINGS[index % SCENARIO_FINDINGS.length];
    const findingId = shows ? IDS.finding(IDS.audit, shows.key) : null;
    const finding = findings.find((f) => f.id === findingId);
    if (!/^[0-9a-f]{64}$/.test(photo.sha256)) {
      throw new RangeError(`Photo ${photo.fileName}: sha256 must be 64 lower-case hex digits.`);
    }
    return {
      id: `demo-ev-${index + 1}`,
      auditId: IDS.audit,
      findingId: finding?.id ?? null,
      deviceId: finding?.deviceId ?? null,
      fileName: photo.fileName,
      mimeType: photo.mimeType,
      size: photo.bytes.length,
      sha256: photo.sha256,
      caption:
        index === 0
          ? lang === 'zh'
            ? 'A-03机柜正面：RC-SRV-0117 通电，琥珀色告警灯亮'
            : 'Rack A-03 front: RC-SRV-0117 powered, amber fault LED lit'
          : index === 1
            ? lang === 'zh'
              ? 'CAM-01 机身标签，印有出厂口令 admin / 12345'
              : 'CAM-01 rating label showing the factory login admin / 12345'
            : photo.fileName,
      createdAt: clock.ago(auditStart - 0.2 - index * 0.05),
      dataBase64: bytesToBase64(photo.bytes),
    };
  });

  // Answers: every room item and every applicable device item, failed where a finding says so.
  const answers: Answer[] = [];
  const answerAt = (i: number) => clock.ago(auditStart - Math.min(1.9, (i % 5000) * 0.0003));
  const inspectors = [DEMO_PEOPLE.inspector.name, DEMO_PEOPLE.inspector2.name];
  const push = (
    roomId: string,
    device: Device | null,
    item: CheckItem,
    result: AnswerResult,
    note: string,
    prejudged: Answer['prejudged'],
  ) => {
    answers.push({
      id: answerId(IDS.audit, roomId, device?.id ?? null, item.id),
      auditId: IDS.audit,
      roomId,
      deviceId: device?.id ?? null,
      itemId: item.id,
      result,
      note,
      prejudged,
      by: inspectors[answers.length % 2] ?? inspector,
      at: answerAt(answers.length),
    });
  };
  for (const room of rooms) {
    for (const item of applicableItems(template, 'room')) {
      const finding = failed.get(subjectKey(room.id, null, item.id));
      if (finding) push(room.id, null, item, 'fail', finding.title, null);
      else if (item.id === 'L1' && !opts.withPrior)
        push(room.id, null, item, 'na', lang === 'zh' ? '首次检查' : 'First audit', null);
      else push(room.id, null, item, 'pass', '', null);
    }
  }
  for (const device of devices) {
    for (const item of applicableItems(template, device)) {
      const finding = failed.get(subjectKey(device.roomId, device.id, item.id));
      if (finding) {
        const prejudged =
          item.id === 'D1' || item.id === 'D3'
            ? {
                result: 'fail' as const,
                reason: 'Idle or decommissioning device is powered and connected',
              }
            : null;
        push(device.roomId, device, item, 'fail', finding.title, prejudged);
      } else if (device.status === 'missing') {
        push(device.roomId, device, item, 'unchecked', '', null);
      } else if (
        (item.id === 'D3' && device.status !== 'decommissioning') ||
        (item.id === 'M1' &&
          device.sanitization === null &&
          !['sanitized', 'disposed', 'awaiting_sanitization'].includes(device.status)) ||
        (item.id === 'D6' && device.status !== 'stored_spare')
      ) {
        push(device.roomId, device, item, 'na', '', {
          result: 'na',
          reason: 'Not in the lifecycle state this item concerns',
        });
      } else {
        push(device.roomId, device, item, 'pass', '', null);
      }
    }
  }

  // Reconciliation: every device accounted for; the scenario's surprises say what was odd.
  const reconciliations: Reconciliation[] = devices.map((device, i) => {
    const special = specByDeviceId.get(device.id)?.reconciliation;
    return {
      id: `${IDS.audit}|${device.id}`,
      auditId: IDS.audit,
      deviceId: device.id,
      roomId: device.roomId,
      state: special?.state ?? 'found',
      note: special?.note ?? '',
      by: inspectors[i % 2] ?? inspector,
      at: answerAt(i),
    };
  });

  const audit: Audit = {
    id: IDS.audit,
    siteId: IDS.site,
    roomIds: rooms.map((r) => r.id),
    title: lang === 'zh' ? '2026年度涉密机房保密检查' : 'Secure room audit 2026',
    templateId: template.id,
    templateVersion: template.version,
    inspectors,
    status: 'completed',
    startedAt: clock.ago(auditStart),
    completedAt: clock.ago(0.1),
    priorAuditId: opts.withPrior ? IDS.prior : null,
    reopenLog: [],
    cursor: null,
    createdAt: clock.ago(auditStart + 1),
    updatedAt: clock.ago(0.1),
    objectives: localized(DEMO_ORGANISATION.objectives, lang),
    auditClient: DEMO_ORGANISATION.auditClient,
    auditees: [...DEMO_ORGANISATION.auditees],
    timeZone: DEMO_ORGANISATION.timeZone,
  };

  const prior = opts.withPrior
    ? makePrior({
        devices,
        specByDeviceId,
        roomCount: opts.roomCount,
        clock,
        priorStart,
        makeFinding,
        generatedPrior,
        setupAt,
        racksById,
        lang,
      })
    : null;

  const snapshot: AuditSnapshot = assembleSnapshot({
    createdAt: clock.ago(0.05),
    app: { name: 'Roomcheck', version: '0.1.0' },
    site: {
      id: IDS.site,
      name: DEMO_ORGANISATION.site,
      organisation: DEMO_ORGANISATION.organisation,
      notes: '',
      createdAt: setupAt,
      updatedAt: setupAt,
    },
    rooms,
    racks,
    devices,
    template: { ...template, name: lang === 'zh' ? SECURE_ROOM_NAME.zh : template.name },
    audit,
    answers,
    findings,
    reconciliations,
    evidence,
    prior,
    signOff: {
      inspector: {
        name: DEMO_PEOPLE.inspector.name,
        role: localized(DEMO_PEOPLE.inspector.role, lang),
      },
      approver: {
        name: DEMO_PEOPLE.approver.name,
        role: localized(DEMO_PEOPLE.approver.role, lang),
      },
      organisation: DEMO_ORGANISATION.organisation,
      unit: DEMO_ORGANISATION.unit,
      reportId: `RC-${opts.now.toISOString().slice(0, 4)}-${String(opts.seed % 1000).padStart(3, '0')}`,
      reportVersion: 1,
      language: lang,
      distribution: [...DEMO_ORGANISATION.distribution],
    },
    scope: { fixedAt: audit.startedAt, decisions: [] },
  });
  return snapshot;
}

type PriorContext = {
  devices: readonly Device[];
  specByDeviceId: ReadonlyMap<string, DeviceSpec>;
  roomCount: number;
  clock: Clock;
  priorStart: number;
  makeFinding: (spec: FindingSpec, auditId: string, when: 'current' | 'prior') => Finding;
  generatedPrior: readonly Finding[];
  setupAt: string;
  racksById: ReadonlyMap<string, Rack>;
  lang: Lang;
};

/** The previous audit as the current one's import would have carried it forward. */
function makePrior(ctx: PriorContext): NonNullable<AuditSnapshot['prior']> {
  const { clock, priorStart } = ctx;
  const priorAt = clock.ago(priorStart - 1);
  const devices: Device[] = [];
  for (const device of ctx.devices) {
    const spec = ctx.specByDeviceId.get(device.id);
    if (spec?.prior === 'new') continue;
    const then: Device = { ...device, updatedAt: priorAt };
    if (spec?.prior) {
      if (spec.prior.status) then.status = spec.prior.status;
      if (spec.prior.status === 'active') {
        then.idleSince = null;
        then.sanitization = null;
      }
      if (spec.prior.status === 'awaiting_sanitization' || spec.prior.status === 'decommissioning')
        then.sanitization = null;
      const room = spec.prior.room ? roomFor(spec.prior.room, ctx.roomCount) : null;
      if (room) then.roomId = IDS.room(room);
      if (spec.prior.rack !== undefined) {
        const rackId = spec.prior.rack === null ? null : IDS.rack(spec.prior.rack);
        then.rackId = rackId && ctx.racksById.has(rackId) ? rackId : null;
        then.positionU = then.rackId ? 10 : null;
      }
    }
    devices.push(then);
  }
  const gone = PRIOR_ONLY_DEVICE;
  const goneRoom = roomFor(gone.room, ctx.roomCount);
  const goneRack = gone.rack && ctx.racksById.has(IDS.rack(gone.rack)) ? IDS.rack(gone.rack) : null;
  devices.push(priorOnlyDevice(gone, IDS.room(goneRoom), goneRack, ctx.setupAt));

  const findings: Finding[] = [
    ...SCENARIO_FINDINGS.filter((f) => f.recurring).map((f) =>
      ctx.makeFinding(f, IDS.prior, 'prior'),
    ),
    ...PRIOR_ONLY_FINDINGS.map((f) => ctx.makeFinding(f, IDS.prior, 'prior')),
    ...ctx.generatedPrior,
  ];
  const audit: Audit = {
    id: IDS.prior,
    siteId: IDS.site,
    roomIds: [...new Set(devices.map((d) => d.roomId))].sort(),
    title: ctx.lang === 'zh' ? '2025年度涉密机房保密检查' : 'Secure room audit 2025',
    templateId: SECURE_ROOM_TEMPLATE.id,
    templateVersion: SECURE_ROOM_TEMPLATE.version,
    inspectors: [DEMO_PEOPLE.inspector2.name],
    status: 'signed',
    startedAt: clock.ago(priorStart),
    completedAt: priorAt,
    priorAuditId: null,
    reopenLog: [],
    cursor: null,
    createdAt: clock.ago(priorStart + 1),
    updatedAt: priorAt,
    objectives: '',
    auditClient: DEMO_ORGANISATION.auditClient,
    auditees: [...DEMO_ORGANISATION.auditees],
    timeZone: DEMO_ORGANISATION.timeZone,
  };
  return { audit, devices, findings };
}

function priorOnlyDevice(
  spec: DeviceSpec,
  roomId: string,
  rackId: string | null,
  at: string,
): Device {
  const device = baseDevice(spec, { room: roomId, rack: rackId }, at);
  return { ...device, positionU: rackId ? 20 : null, firstSeenAuditId: null };
}
