import type { Classification, DeviceType, LifecycleStatus } from '../domain/enums.ts';
import {
  blankDevice,
  copyDevice,
  fieldValue,
  IMPORT_DEVICE_FIELDS,
  setFieldValue,
} from '../domain/device-fields.ts';
import type { Device, Rack, Room, Site } from '../domain/schemas.ts';
import type { Bilingual } from '../i18n/lang.ts';
import { FIELD_INFO, type ImportField } from './fields.ts';
import type { ColumnMapping } from './mapping.ts';
import {
  formatImportMessage,
  importMessage,
  type ImportMessage,
  type MessageParams,
  type ImportMessageCode,
  rowIssue,
  type RowIssue,
} from './messages.ts';
import type { Sheet } from './sheet.ts';
import {
  identityKey,
  type ImportedDevice,
  type ImportRecord,
  validateRows,
  type ValidateOptions,
  type ValidationResult,
} from './validate.ts';

// What an import would do, before anything is written: devices to add, devices to update
// (matched by asset tag, then serial, then MAC) with a field-by-field diff, conflicts the user
// must decide, rejected rows, and rooms and racks the file names that do not exist yet. Pure:
// ids and timestamps come from the caller, so the same input gives the same preview and the
// applier can write exactly what the user saw, in one transaction.

export type ExistingData = {
  devices: readonly Device[];
  rooms: readonly Room[];
  racks: readonly Rack[];
  /** Optional: lets a `site` column tell apart rooms of the same name in different sites. */
  sites?: readonly Site[];
};

export type PreviewOptions = {
  /** Timestamp written as createdAt/updatedAt of new and changed records. */
  now: string;
  /** Makes an id for each new device, room and rack. */
  newId: () => string;
  /** The site new rooms are created in. */
  siteId: string;
  /** Room for new devices whose row names none; null/absent: such rows are rejected. */
  defaultRoomId?: string | null;
  /** Type and status for new devices whose row has none; absent: such rows are rejected. */
  defaults?: { type?: DeviceType; status?: LifecycleStatus };
  /** Settings of rooms the import creates (defaults: unclassified, audited every 365 days). */
  roomDefaults?: { classification?: Classification; auditIntervalDays?: number };
  /** Height of racks the import creates (default 42 U). */
  rackHeightU?: number;
  /** Recorded on new devices as the audit they were first seen in. */
  firstSeenAuditId?: string | null;
} & ValidateOptions;

export type MatchKey = 'assetTag' | 'serial' | 'mac';

/** One changed field, with display values (room and rack by name, lists as arrays). */
export type FieldChange = {
  field: ImportField;
  label: Bilingual;
  from: string | number | boolean | string[] | null;
  to: string | number | boolean | string[] | null;
};

export type PreviewAdd = { row: number; device: Device };

export type PreviewUpdate = {
  row: number;
  matchedBy: MatchKey;
  before: Device;
  after: Device;
  changes: FieldChange[];
};

export type PreviewConflict = {
  row: number;
  /** English sentence; `message` for the UI's language. */
  reason: string;
  message: ImportMessage;
  /** Existing devices involved. */
  deviceIds: string[];
  /** What applying the row would do, when there is one reading (e.g. a room move). */
  proposed: PreviewUpdate | null;
};

export type ImportPreview = {
  toAdd: PreviewAdd[];
  toUpdate: PreviewUpdate[];
  /** Rows that match a device and change nothing. */
  unchanged: { row: number; deviceId: string; matchedBy: MatchKey }[];
  conflicts: PreviewConflict[];
  rejected: RowIssue[];
  roomsToCreate: Room[];
  racksToCreate: Rack[];
  validation: ValidationResult;
};

const nameKeys = new Map<string, string>();
/** Room and rack names compare like this; memoised, as a file repeats a few names per row. */
function nameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    key = name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
    if (nameKeys.size < 10_000) nameKeys.set(name, key);
  }
  return key;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function conflict<C extends ImportMessageCode>(
  row: number,
  deviceIds: string[],
  proposed: PreviewUpdate | null,
  code: C,
  params: MessageParams<C>,
): PreviewConflict {
  const message = importMessage(code, params);
  return { row, reason: formatImportMessage(message, 'en'), message, deviceIds, proposed };
}

const MATCH_LABEL: Record<MatchKey, Bilingual> = {
  assetTag: FIELD_INFO.assetTag.label,
  serial: FIELD_INFO.serial.label,
  mac: FIELD_INFO.macs.label,
};

const describeDevice = (d: Device) => d.assetTag || d.serial || d.name || d.id;

/** Validates the sheet under the mapping, then previews the accepted rows. */
export function buildImportPreview(
  sheet: Sheet,
  mapping: ColumnMapping,
  existing: ExistingData,
  options: PreviewOptions,
): ImportPreview {
  return previewValidated(validateRows(sheet, mapping, options), existing, options);
}

/** Previews already validated rows (the UI can re-run this after the user changes defaults). */
export function previewValidated(
  validation: ValidationResult,
  existing: ExistingData,
  options: PreviewOptions,
): ImportPreview {
  const preview: ImportPreview = {
    toAdd: [],
    toUpdate: [],
    unchanged: [],
    conflicts: [],
    rejected: [...validation.rejected],
    roomsToCreate: [],
    racksToCreate: [],
    validation,
  };
  const run = new PreviewRun(validation, existing, options, preview);
  for (const record of validation.records) run.plan(record);
  return preview;
}

type Claim = { row: number; by: MatchKey; value: string };
type Hit = { by: MatchKey; value: string; devices: Device[] };
type RoomPick = { room: Room } | { conflict: PreviewConflict } | null;

/** Existing devices by the identifiers an import row matches on. */
class DeviceIndex {
  readonly byTag = new Map<string, Device[]>();
  readonly bySerial = new Map<string, Device[]>();
  readonly byMac = new Map<string, Device[]>();

  constructor(devices: readonly Device[]) {
    for (const device of devices) {
      if (device.assetTag) push(this.byTag, identityKey(device.assetTag), device);
      if (device.serial) push(this.bySerial, identityKey(device.serial), device);
      for (const mac of device.macs) push(this.byMac, mac.toLowerCase(), device);
    }
  }

  hits(values: ImportedDevice): Hit[] {
    const hits: Hit[] = [];
    if (values.assetTag !== undefined) {
      const devices = this.byTag.get(identityKey(values.assetTag));
      if (devices) hits.push({ by: 'assetTag', value: values.assetTag, devices });
    }
    if (values.serial !== undefined) {
      const devices = this.bySerial.get(identityKey(values.serial));
      if (devices) hits.push({ by: 'serial', value: values.serial, devices });
    }
    for (const mac of values.macs ?? []) {
      const devices = this.byMac.get(mac);
      if (devices) hits.push({ by: 'mac', value: mac, devices });
    }
    return hits;
  }
}

/** Rooms and racks by name, creating those the file names that do not exist yet. */
class Places {
  readonly roomsById: Map<string, Room>;
  readonly racksById: Map<string, Rack>;
  private readonly roomsByName = new Map<string, Room[]>();
  private readonly siteNames: Map<string, string>;
  private readonly racksByRoomName = new Map<string, Rack[]>();
  private readonly walkOrderEnd = new Map<string, number>();
  private readonly newRooms = new Map<string, Room>();
  private readonly newRacks = new Map<string, Rack>();

  constructor(
    existing: ExistingData,
    private readonly options: PreviewOptions,
    private readonly preview: ImportPreview,
  ) {
    this.roomsById = new Map(existing.rooms.map((r) => [r.id, r]));
    for (const room of existing.rooms) push(this.roomsByName, nameKey(room.name), room);
    this.siteNames = new Map((existing.sites ?? []).map((s) => [s.id, nameKey(s.name)]));
    this.racksById = new Map(existing.racks.map((r) => [r.id, r]));
    for (const rack of existing.racks) {
      push(this.racksByRoomName, `${rack.roomId}\u0000${nameKey(rack.name)}`, rack);
      const end = Math.max(this.walkOrderEnd.get(rack.roomId) ?? 0, rack.walkOrder + 1);
      this.walkOrderEnd.set(rack.roomId, end);
    }
  }

  roomName = (id: string) => this.roomsById.get(id)?.name ?? id;
  rackName = (id: string | null) => (id === null ? null : (this.racksById.get(id)?.name ?? id));

  pickRoom(row: number, values: ImportedDevice): RoomPick {
    if (values.room === undefined) return null;
    const key = nameKey(values.room);
    let matches = this.roomsByName.get(key) ?? [];
    if (matches.length > 1 && values.site !== undefined && this.siteNames.size) {
      const site = nameKey(values.site);
      matches = matches.filter((r) => this.siteNames.get(r.siteId) === site);
    }
    if (matches.length > 1) {
      return {
        conflict: conflict(row, [], null, 'conflict_ambiguous_room', { room: values.room }),
      };
    }
    if (matches[0]) return { room: matches[0] };
    let room = this.newRooms.get(key);
    if (!room) {
      const { options } = this;
      room = {
        id: options.newId(),
        siteId: options.siteId,
        name: values.room.trim(),
        building: '',
        floor: '',
        classification: options.roomDefaults?.classification ?? 'unclassified',
        auditIntervalDays: options.roomDefaults?.auditIntervalDays ?? 365,
        notes: '',
        createdAt: options.now,
        updatedAt: options.now,
      };
      this.newRooms.set(key, room);
      this.roomsById.set(room.id, room);
      this.preview.roomsToCreate.push(room);
    }
    return { room };
  }

  pickRack(row: number, room: Room, name: string): Rack | PreviewConflict {
    const key = `${room.id}\u0000${nameKey(name)}`;
    const matches = this.racksByRoomName.get(key) ?? [];
    if (matches.length > 1) {
      return conflict(row, [], null, 'conflict_ambiguous_rack', { room: room.name, rack: name });
    }
    if (matches[0]) return matches[0];
    let rack = this.newRacks.get(key);
    if (!rack) {
      const walkOrder = this.walkOrderEnd.get(room.id) ?? 0;
      this.walkOrderEnd.set(room.id, walkOrder + 1);
      rack = {
        id: this.options.newId(),
        roomId: room.id,
        name: name.trim(),
        heightU: this.options.rackHeightU ?? 42,
        walkOrder,
        notes: '',
        createdAt: this.options.now,
        updatedAt: this.options.now,
      };
      this.newRacks.set(key, rack);
      this.racksById.set(rack.id, rack);
      this.preview.racksToCreate.push(rack);
    }
    return rack;
  }
}

/** Fields a row sets directly; site, room and rack are found by name instead. */
const PATCH_FIELDS = IMPORT_DEVICE_FIELDS.filter((f) => f.kind.kind !== 'place');

/** What a row's values set on a device (a copy whose nested objects are its own). */
function applyValues(target: Device, values: ImportedDevice): void {
  const given = values as Readonly<Record<string, unknown>>;
  for (const f of PATCH_FIELDS) {
    const value = given[f.id];
    if (value !== undefined) setFieldValue(target as Record<string, unknown>, f, value);
  }
}

class PreviewRun {
  private readonly index: DeviceIndex;
  private readonly places: Places;
  private readonly claimed = new Map<string, Claim>();
  private readonly newKeys = new Map<string, Claim>();
  /** Looked up before the import adds rooms: the default must be a room that exists. */
  private readonly defaultRoom: Room | undefined;

  constructor(
    private readonly validation: ValidationResult,
    existing: ExistingData,
    private readonly options: PreviewOptions,
    private readonly preview: ImportPreview,
  ) {
    this.index = new DeviceIndex(existing.devices);
    this.places = new Places(existing, options, preview);
    this.defaultRoom =
      options.defaultRoomId != null ? this.places.roomsById.get(options.defaultRoomId) : undefined;
  }

  plan(record: ImportRecord): void {
    const hits = this.index.hits(record.values);
    if (hits.length > 0) this.planMatched(record, hits);
    else this.planNew(record);
  }

  private planMatched(record: ImportRecord, hits: Hit[]): void {
    const { row, values } = record;
    const { preview } = this;
    const several = hits.length > 1 || hits[0]!.devices.length > 1;
    const matchedIds = several ? new Set(hits.flatMap((h) => h.devices.map((d) => d.id))) : null;
    if (matchedIds && matchedIds.size > 1) {
      const matches = hits
        .flatMap((h) =>
          h.devices.map((d) => `"${describeDevice(d)}" (${MATCH_LABEL[h.by].en} ${h.value})`),
        )
        .filter((v, i, a) => a.indexOf(v) === i)
        .join(', ');
      preview.conflicts.push(
        conflict(row, [...matchedIds], null, 'conflict_matches_several', {
          count: matchedIds.size,
          matches,
        }),
      );
      return;
    }
    const hit = hits[0]!;
    const device = hit.devices[0]!;
    if (
      hit.by !== 'assetTag' &&
      values.assetTag !== undefined &&
      device.assetTag !== '' &&
      identityKey(device.assetTag) !== identityKey(values.assetTag)
    ) {
      preview.conflicts.push(
        conflict(row, [device.id], null, 'conflict_identity_mismatch', {
          matchedBy: MATCH_LABEL[hit.by],
          device: describeDevice(device),
          existingTag: device.assetTag,
          fileTag: values.assetTag,
        }),
      );
      return;
    }
    const earlier = this.claimed.get(device.id);
    if (earlier) {
      preview.conflicts.push(
        conflict(row, [device.id], null, 'conflict_same_device_twice', {
          earlierRow: earlier.row,
          matchedBy: MATCH_LABEL[earlier.by],
          value: earlier.value,
        }),
      );
      return;
    }
    this.claimed.set(device.id, { row, by: hit.by, value: hit.value });
    const result = this.planUpdate(record, device, hit.by);
    if (result === null) return;
    if ('conflict' in result) preview.conflicts.push(result.conflict);
    else if (result.changes.length === 0) {
      preview.unchanged.push({ row, deviceId: device.id, matchedBy: hit.by });
    } else preview.toUpdate.push(result);
  }

  private planNew(record: ImportRecord): void {
    const { row, values } = record;
    const keys: (Claim & { key: string })[] = [];
    if (values.assetTag !== undefined) {
      const key = `t${identityKey(values.assetTag)}`;
      keys.push({ row, by: 'assetTag', value: values.assetTag, key });
    }
    if (values.serial !== undefined) {
      const key = `s${identityKey(values.serial)}`;
      keys.push({ row, by: 'serial', value: values.serial, key });
    }
    for (const mac of values.macs ?? []) keys.push({ row, by: 'mac', value: mac, key: `m${mac}` });
    const twin = keys.map((k) => this.newKeys.get(k.key)).find((e) => e !== undefined);
    if (twin) {
      this.preview.conflicts.push(
        conflict(row, [], null, 'conflict_same_device_twice', {
          earlierRow: twin.row,
          matchedBy: MATCH_LABEL[twin.by],
          value: twin.value,
        }),
      );
      return;
    }
    const added = this.planAdd(record);
    if (added) {
      for (const k of keys) this.newKeys.set(k.key, { row, by: k.by, value: k.value });
      this.preview.toAdd.push(added);
    }
  }

  private reject<C extends ImportMessageCode>(
    row: number,
    column: string,
    code: C,
    params: MessageParams<C>,
  ) {
    this.preview.rejected.push(rowIssue(row, column, code, params));
  }

  private columnOf(field: ImportField): string {
    const { resolved } = this.validation;
    const index = resolved.columnsOf.get(field)?.[0];
    return index === undefined ? '' : (resolved.columnNames[index] ?? '');
  }

  /** The room a new device goes to, or null after recording why there is none. */
  private roomForNew(row: number, values: ImportedDevice): Room | null {
    const picked = this.places.pickRoom(row, values);
    if (picked && 'conflict' in picked) {
      this.preview.conflicts.push(picked.conflict);
      return null;
    }
    if (picked) return picked.room;
    if (this.options.defaultRoomId != null) {
      if (this.defaultRoom) return this.defaultRoom;
      this.reject(row, '', 'default_room_missing', { id: this.options.defaultRoomId });
      return null;
    }
    if (values.rack !== undefined) {
      this.reject(row, this.columnOf('rack'), 'rack_needs_room', { rack: values.rack });
    } else this.reject(row, this.columnOf('room'), 'new_device_needs_room', {});
    return null;
  }

  private planAdd({ row, values }: ImportRecord): PreviewAdd | null {
    const { options } = this;
    // A row that names no room is also checked for type and status, so all its fixes show.
    const namesNoRoom = values.room === undefined && options.defaultRoomId == null;
    const room = this.roomForNew(row, values);
    if (!room && !namesNoRoom) return null;
    const type = values.type ?? options.defaults?.type;
    const status = values.status ?? options.defaults?.status;
    if (!type) this.reject(row, this.columnOf('type'), 'new_device_needs_type', {});
    if (!status) this.reject(row, this.columnOf('status'), 'new_device_needs_status', {});
    if (!room || !type || !status) return null;
    let rackId: string | null = null;
    if (values.rack !== undefined) {
      const rack = this.places.pickRack(row, room, values.rack);
      if ('reason' in rack) {
        this.preview.conflicts.push(rack);
        return null;
      }
      rackId = rack.id;
    }
    const device: Device = {
      ...blankDevice(room.siteId, room.id),
      id: options.newId(),
      firstSeenAuditId: options.firstSeenAuditId ?? null,
      createdAt: options.now,
      updatedAt: options.now,
    };
    applyValues(device, values);
    device.rackId = rackId;
    device.type = type;
    device.status = status;
    // A device processes at most what its room holds unless the file says otherwise.
    device.classification = values.classification ?? room.classification;
    return { row, device };
  }

  private planUpdate(
    { row, values }: ImportRecord,
    before: Device,
    matchedBy: MatchKey,
  ): PreviewUpdate | { conflict: PreviewConflict } | null {
    const { places } = this;
    const after = copyDevice(before);
    let room = places.roomsById.get(before.roomId);
    const picked = places.pickRoom(row, values);
    if (picked && 'conflict' in picked) return { conflict: picked.conflict };
    const moving = picked !== null && picked.room.id !== before.roomId;
    if (picked) room = picked.room;
    if (moving) {
      after.roomId = picked.room.id;
      after.siteId = picked.room.siteId;
      // The old rack is in the old room.
      after.rackId = null;
      after.positionU = null;
    }
    if (values.rack !== undefined) {
      if (!room) {
        this.reject(row, this.columnOf('rack'), 'rack_needs_room', { rack: values.rack });
        return null;
      }
      const rack = places.pickRack(row, room, values.rack);
      if ('reason' in rack) return { conflict: rack };
      after.rackId = rack.id;
    }
    applyValues(after, values);

    const changes = diffDevices(before, after, places);
    if (changes.length) after.updatedAt = this.options.now;
    const update: PreviewUpdate = { row, matchedBy, before, after, changes };
    if (!moving) return update;
    return {
      conflict: conflict(row, [before.id], update, 'conflict_room_change', {
        device: describeDevice(before),
        fromRoom: places.roomName(before.roomId),
        toRoom: picked.room.name,
      }),
    };
  }
}

type ChangeValue = FieldChange['from'];

/** A field's value as the preview shows it: rooms and racks by name, the rest as stored. */
function shownValue(f: (typeof IMPORT_DEVICE_FIELDS)[number], d: Device, places: Places) {
  if (f.kind.kind !== 'place') return fieldValue(d, f) as ChangeValue;
  return f.kind.of === 'room' ? places.roomName(d.roomId) : places.rackName(d.rackId);
}

/** The importable fields that differ, in the table's order. */
function diffDevices(before: Device, after: Device, places: Places): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const f of IMPORT_DEVICE_FIELDS) {
    // The room names its site: a move between sites shows as a change of room.
    if (f.kind.kind === 'place' && f.kind.of === 'site') continue;
    const from = shownValue(f, before, places);
    const to = shownValue(f, after, places);
    const same =
      Array.isArray(from) && Array.isArray(to)
        ? from.length === to.length && from.every((x, i) => x === to[i])
        : from === to;
    if (!same) changes.push({ field: f.id, label: FIELD_INFO[f.id].label, from, to });
  }
  return changes;
}
