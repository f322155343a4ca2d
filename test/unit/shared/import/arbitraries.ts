import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  AnswerResult,
  AUDIT_STATUSES,
  CLASSIFICATIONS,
  DEVICE_TYPES,
  EVIDENCE_MIME_TYPES,
  FINDING_STATUSES,
  LIFECYCLE_STATUSES,
  MANAGEMENT_INTERFACE_KINDS,
  MEDIA_KINDS,
  NetworkState,
  LastSeenSource,
  PowerState,
  ReconciliationState,
  SanitizationMethod,
  SEVERITIES,
  TriState,
} from '../../../../shared/domain/enums.ts';
import type {
  Answer,
  AuditScope,
  Audit,
  Device,
  Finding,
  FindingEvent,
  Rack,
  Reconciliation,
  Room,
  Site,
  Template,
} from '../../../../shared/domain/schemas.ts';
import { bytesToBase64 as encodeBase64 } from '../../../../shared/encoding/base64.ts';
import type {
  BackupEvidence,
  ImportLogEntry,
  Setting,
} from '../../../../shared/exchange/backup.ts';
import { normalizeIp } from '../../../../shared/import/network-addresses.ts';

// Generators of valid domain records for round-trip properties. Text is trimmed (import trims
// cells) and mixes ASCII, Chinese and the characters that stress CSV and JSON writers.

const special = fc.constantFrom(
  ',',
  ';',
  '"',
  "'",
  '\n',
  '\r\n',
  '\t',
  '=',
  '+',
  '-',
  '@',
  '#N/A',
  '机房',
  '资产',
  '\\',
  '{}',
  '__proto__',
);
const textPart = fc.oneof(fc.string({ maxLength: 8 }), special, fc.constantFrom('中文', '服务器'));

/** Trimmed text of at most `max` characters. */
export const text = (max: number, min = 0) =>
  fc
    .array(textPart, { maxLength: 5 })
    .map((parts) => parts.join('').trim().slice(0, max).trim())
    .filter((s) => s.length >= min);

export const id = fc.stringMatching(/^[a-z0-9-]{1,24}$/);
export const timestamp = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString());
export const isoDate = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2199-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

const ip = fc
  .oneof(fc.ipV4(), fc.ipV6())
  .map((s) => normalizeIp(s))
  .filter((r) => r.ok)
  .map((r) => (r as { value: string }).value);
const mac = fc
  .uint8Array({ minLength: 6, maxLength: 6 })
  .map((b) => [...b].map((x) => x.toString(16).padStart(2, '0')).join(':'))
  .filter((m) => m !== '00:00:00:00:00:00' && m !== 'ff:ff:ff:ff:ff:ff');

export const site = (siteId: fc.Arbitrary<string> = id): fc.Arbitrary<Site> =>
  fc.record({
    id: siteId,
    name: text(200, 1),
    organisation: text(200),
    notes: text(2000),
    createdAt: timestamp,
    updatedAt: timestamp,
  });

export const room = (
  siteId: string,
  roomId: fc.Arbitrary<string> = id,
  name = text(200, 1),
): fc.Arbitrary<Room> =>
  fc.record({
    id: roomId,
    siteId: fc.constant(siteId),
    name,
    building: text(200),
    floor: text(50),
    classification: fc.constantFrom(...CLASSIFICATIONS),
    auditIntervalDays: fc.integer({ min: 1, max: 3660 }),
    notes: text(2000),
    createdAt: timestamp,
    updatedAt: timestamp,
  });

export const rack = (
  roomId: string,
  rackId: fc.Arbitrary<string> = id,
  name = text(100, 1),
): fc.Arbitrary<Rack> =>
  fc.record({
    id: rackId,
    roomId: fc.constant(roomId),
    name,
    heightU: fc.integer({ min: 1, max: 60 }),
    walkOrder: fc.nat(1000),
    notes: text(2000),
    createdAt: timestamp,
    updatedAt: timestamp,
  });

export type DeviceSlot = {
  id: string;
  siteId: string;
  roomId: string;
  rackId: string | null;
  assetTag: string;
  serial: string;
  macs: string[];
};

/** A device with everything but its identity and place generated. */
export const device = (slot: DeviceSlot): fc.Arbitrary<Device> =>
  fc.record({
    id: fc.constant(slot.id),
    siteId: fc.constant(slot.siteId),
    roomId: fc.constant(slot.roomId),
    rackId: fc.constant(slot.rackId),
    positionU: nullable(fc.integer({ min: 1, max: 60 })),
    heightU: fc.integer({ min: 1, max: 60 }),
    assetTag: fc.constant(slot.assetTag),
    serial: fc.constant(slot.serial),
    manufacturer: text(100),
    model: text(100),
    type: fc.constantFrom(...DEVICE_TYPES),
    name: text(200),
    hostname: text(253),
    ips: fc.uniqueArray(ip, { maxLength: 3 }),
    macs: fc.constant(slot.macs),
    owner: text(200),
    department: text(200),
    status: fc.constantFrom(...LIFECYCLE_STATUSES),
    idleSince: nullable(isoDate),
    lastSeen: fc.record({
      date: nullable(isoDate),
      source: fc.constantFrom(...LastSeenSource.options),
    }),
    firmwareVersion: text(100),
    firmwareDate: nullable(isoDate),
    endOfSupport: nullable(isoDate),
    credentials: fc.record({
      defaultChanged: fc.constantFrom(...TriState.options),
      unique: fc.constantFrom(...TriState.options),
      lastRotated: nullable(isoDate),
      storesOtherCredentials: fc.boolean(),
    }),
    power: fc.constantFrom(...PowerState.options),
    network: fc.record({
      state: fc.constantFrom(...NetworkState.options),
      switchName: text(100),
      switchPort: text(50),
      portEnabled: fc.constantFrom(...TriState.options),
    }),
    managementInterfaces: fc.array(
      fc.record({
        kind: fc.constantFrom(...MANAGEMENT_INTERFACE_KINDS),
        address: text(100),
        enabled: fc.constantFrom(...TriState.options),
        isolated: fc.constantFrom(...TriState.options),
        credentialsChanged: fc.constantFrom(...TriState.options),
      }),
      { maxLength: 2 },
    ),
    media: fc.array(
      fc.record({
        count: fc.integer({ min: 0, max: 10_000 }),
        kind: fc.constantFrom(...MEDIA_KINDS),
        serials: fc.array(text(100), { maxLength: 3 }),
      }),
      { maxLength: 2 },
    ),
    classification: fc.constantFrom(...CLASSIFICATIONS),
    sanitization: nullable(
      fc.record({
        method: fc.constantFrom(...SanitizationMethod.options),
        tool: text(200),
        verifiedBy: text(200),
        witness: text(200),
        date: isoDate,
        certificateId: text(200),
        destination: text(200),
      }),
    ),
    notes: text(10_000),
    firstSeenAuditId: nullable(id),
    createdAt: timestamp,
    updatedAt: timestamp,
  });

/** An inventory: one site, distinct room names, distinct rack names per room, unique identities. */
export const inventory = fc
  .record({
    site: site(fc.constant('site-1')),
    roomNames: fc.uniqueArray(text(200, 1), {
      minLength: 1,
      maxLength: 3,
      selector: (n) => n.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase(),
    }),
    rackNames: fc.uniqueArray(text(100, 1), {
      maxLength: 3,
      selector: (n) => n.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase(),
    }),
    identities: fc.uniqueArray(
      fc.record({
        assetTag: fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{0,15}$/),
        serial: fc.option(fc.stringMatching(/^[A-Z0-9]{4,20}$/), { nil: '' }),
        macs: fc.array(mac, { maxLength: 2 }),
      }),
      { maxLength: 8, selector: (d) => d.assetTag },
    ),
  })
  .chain(({ site: s, roomNames, rackNames, identities }) => {
    // Serials and MACs must be unique too, or two rows would be the same device.
    const seen = new Set<string>();
    const unique = identities.map((d) => {
      const serial = d.serial && !seen.has(`s${d.serial}`) ? d.serial : '';
      if (serial) seen.add(`s${serial}`);
      const macs = [...new Set(d.macs)].filter((m) => !seen.has(`m${m}`));
      for (const m of macs) seen.add(`m${m}`);
      return { ...d, serial, macs };
    });
    return fc
      .tuple(
        fc.tuple(
          ...roomNames.map((name, i) => room(s.id, fc.constant(`room-${i}`), fc.constant(name))),
        ),
        fc.tuple(
          ...rackNames.map((name, i) =>
            rack('room-0', fc.constant(`rack-${i}`), fc.constant(name)),
          ),
        ),
        fc.tuple(
          ...unique.map((ident, i) =>
            fc
              .record({
                roomIndex: fc.nat(roomNames.length - 1),
                rackIndex: fc.integer({ min: -1, max: rackNames.length - 1 }),
              })
              .chain(({ roomIndex, rackIndex }) =>
                device({
                  id: `dev-${i}`,
                  siteId: s.id,
                  roomId: `room-${roomIndex}`,
                  rackId: roomIndex === 0 && rackIndex >= 0 ? `rack-${rackIndex}` : null,
                  ...ident,
                }),
              ),
          ),
        ),
      )
      .map(([rooms, racks, devices]) => ({ site: s, rooms, racks, devices }));
  });

const checkItem = fc.record({
  id: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,31}$/),
  text: fc.record({ en: text(1000, 1), zh: text(1000, 1) }),
  severity: fc.constantFrom(...SEVERITIES),
  basis: text(300),
  scope: fc.constantFrom('room' as const, 'device' as const),
  appliesTo: fc.uniqueArray(fc.constantFrom(...DEVICE_TYPES), { maxLength: 3 }),
});

export const template: fc.Arbitrary<Template> = fc.record({
  id,
  name: text(200, 1),
  version: fc.integer({ min: 1, max: 100 }),
  builtIn: fc.boolean(),
  basedOn: nullable(fc.record({ templateId: id, version: fc.integer({ min: 1, max: 100 }) })),
  items: fc.array(checkItem, { minLength: 1, maxLength: 3 }),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const audit: fc.Arbitrary<Audit> = fc.record({
  id,
  siteId: id,
  roomIds: fc.array(id, { minLength: 1, maxLength: 3 }),
  title: text(300),
  templateId: id,
  templateVersion: fc.integer({ min: 1, max: 100 }),
  inspectors: fc.array(text(200), { maxLength: 3 }),
  status: fc.constantFrom(...AUDIT_STATUSES),
  startedAt: timestamp,
  completedAt: nullable(timestamp),
  priorAuditId: nullable(id),
  reopenLog: fc.array(fc.record({ by: text(200, 1), at: timestamp, reason: text(2000, 1) }), {
    maxLength: 2,
  }),
  cursor: nullable(
    fc.record({ roomId: id, deviceId: nullable(id), itemId: fc.string({ maxLength: 10 }) }),
  ),
  createdAt: timestamp,
  updatedAt: timestamp,
  objectives: text(2000),
  auditClient: text(200),
  auditees: fc.array(text(200, 1), { maxLength: 3 }),
  timeZone: nullable(fc.constantFrom('UTC', 'Asia/Shanghai', 'America/Argentina/Buenos_Aires')),
});

export const answer: fc.Arbitrary<Answer> = fc.record({
  id,
  auditId: id,
  roomId: id,
  deviceId: nullable(id),
  itemId: fc.string({ minLength: 1, maxLength: 10 }),
  result: fc.constantFrom(...AnswerResult.options),
  note: text(10_000),
  prejudged: nullable(
    fc.record({ result: fc.constantFrom(...AnswerResult.options), reason: text(500) }),
  ),
  by: text(200),
  at: timestamp,
});

export const finding: fc.Arbitrary<Finding> = fc.record({
  id,
  auditId: id,
  roomId: id,
  deviceId: nullable(id),
  itemId: nullable(fc.string({ maxLength: 10 })),
  severity: fc.constantFrom(...SEVERITIES),
  severityChanges: fc.array(
    fc.record({
      from: fc.constantFrom(...SEVERITIES),
      to: fc.constantFrom(...SEVERITIES),
      reason: text(2000, 1),
      by: text(200),
      at: timestamp,
    }),
    { maxLength: 2 },
  ),
  title: text(300, 1),
  detail: text(10_000),
  remediation: text(10_000),
  owner: text(200),
  dueDate: nullable(isoDate),
  status: fc.constantFrom(...FINDING_STATUSES),
  statusReason: text(2000),
  firstSeenAuditId: id,
  firstSeenAt: timestamp,
  lineageId: text(300, 1),
  seenIn: fc.array(fc.record({ auditId: id, at: timestamp }), { maxLength: 3 }),
  carriedFrom: nullable(fc.record({ auditId: id, findingId: id })),
  resolution: nullable(fc.record({ auditId: id, by: text(200, 1), at: timestamp })),
  evidenceRefs: fc.array(
    fc.record({
      sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
      fileName: text(255),
      mimeType: fc.constantFrom('image/jpeg' as const, 'image/png' as const),
      size: fc.nat(),
      caption: text(500),
      auditId: id,
    }),
    { maxLength: 2 },
  ),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** An audit's scope: devices as recorded at its start and the decisions taken since. */
export const auditScope = (auditId: fc.Arbitrary<string> = id): fc.Arbitrary<AuditScope> =>
  fc.record({
    auditId,
    fixedAt: timestamp,
    devices: inventory.map((inv) => inv.devices.slice(0, 2)),
    decisions: fc.array(
      fc.record({
        deviceId: id,
        kind: fc.constantFrom(
          'brought_in' as const,
          'unexpected' as const,
          'updated' as const,
          'removed' as const,
        ),
        by: text(200),
        at: timestamp,
      }),
      { maxLength: 2 },
    ),
  });

export const findingEvent: fc.Arbitrary<FindingEvent> = fc.record({
  id,
  lineageId: id,
  findingId: id,
  auditId: id,
  status: fc.constantFrom(...FINDING_STATUSES),
  by: text(200, 1),
  at: timestamp,
  reason: text(2000, 1),
});

export const reconciliation: fc.Arbitrary<Reconciliation> = fc.record({
  id,
  auditId: id,
  deviceId: id,
  roomId: id,
  state: fc.constantFrom(...ReconciliationState.options),
  note: text(2000),
  by: text(200),
  at: timestamp,
});

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
export const sha256 = async (bytes: Uint8Array) => sha256Hex(bytes);

export const evidence: fc.Arbitrary<BackupEvidence> = fc
  .record({
    id,
    auditId: nullable(id),
    findingId: nullable(id),
    deviceId: nullable(id),
    fileName: text(255),
    mimeType: fc.constantFrom(...EVIDENCE_MIME_TYPES),
    bytes: fc.uint8Array({ maxLength: 64 }),
    thumbnail: nullable(fc.uint8Array({ maxLength: 16 })),
    caption: text(500),
    createdAt: timestamp,
  })
  .map(({ bytes, thumbnail, ...meta }) => ({
    ...meta,
    size: bytes.length,
    sha256: sha256Hex(bytes),
    dataBase64: encodeBase64(bytes),
    thumbnailBase64: thumbnail ? encodeBase64(thumbnail) : null,
  }));

export const setting: fc.Arbitrary<Setting> = fc.record({
  key: fc.string({ minLength: 1, maxLength: 20 }),
  value: fc
    .jsonValue({ maxDepth: 3 })
    .map((v) => JSON.parse(JSON.stringify(v)) as Setting['value']),
});

export const importLogEntry: fc.Arbitrary<ImportLogEntry> = fc.record({
  id,
  at: timestamp,
  fileName: text(1000),
  sha256: fc
    .uint8Array({ minLength: 32, maxLength: 32 })
    .map((b) => Buffer.from(b).toString('hex')),
  source: fc.constantFrom('csv', 'xlsx', 'audit-bundle', 'pdf'),
  counts: fc.record({ added: fc.nat(), updated: fc.nat(), rejected: fc.nat(), skipped: fc.nat() }),
  by: text(200),
});

/** Unique by id: tables have an id primary key. */
export const table = <T extends { id: string }>(a: fc.Arbitrary<T>, maxLength = 3) =>
  fc.uniqueArray(a, { maxLength, selector: (r) => r.id });
