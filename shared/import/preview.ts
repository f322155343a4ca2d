import type { Classification, DeviceType, LifecycleStatus } from '../domain/enums.ts';
import type { Device, Rack, Room, Site } from '../domain/schemas.ts';
import type { Bilingual } from '../i18n/labels.ts';
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
  const byTag = new Map<string, Device[]>();
  const bySerial = new Map<string, Device[]>();
  const byMac = new Map<string, Device[]>();
  for (const device of existing.devices) {
    if (device.assetTag) push(byTag, identityKey(device.assetTag), device);
    if (device.serial) push(bySerial, identityKey(device.serial), device);
    for (const mac of device.macs) push(byMac, mac.toLowerCase(), device);
  }
  const roomsById = new Map(existing.rooms.map((r) => [r.id, r]));
  const roomsByName = new Map<string, Room[]>();
  for (const room of existing.rooms) push(roomsByName, nameKey(room.name), room);
  const siteNames = new Map((existing.sites ?? []).map((s) => [s.id, nameKey(s.name)]));
  const racksById = new Map(existing.racks.map((r) => [r.id, r]));
  const racksByRoomName = new Map<string, Rack[]>();
  const walkOrderEnd = new Map<string, number>();
  for (const rack of existing.racks) {
    push(racksByRoomName, `${rack.roomId}\u0000${nameKey(rack.name)}`, rack);
    walkOrderEnd.set(rack.roomId, Math.max(walkOrderEnd.get(rack.roomId) ?? 0, rack.walkOrder + 1));
  }

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
  const newRooms = new Map<string, Room>();
  const newRacks = new Map<string, Rack>();
  const claimed = new Map<string, { row: number; by: MatchKey; value: string }>();
  const newKeys = new Map<string, { row: number; by: MatchKey; value: string }>();

  // Looked up before the import adds rooms: the default must be a room that exists.
  const defaultRoom =
    options.defaultRoomId != null ? roomsById.get(options.defaultRoomId) : undefined;

  type RoomPick = { room: Room } | { conflict: PreviewConflict } | null;
  const pickRoom = (row: number, values: ImportedDevice): RoomPick => {
    if (values.room === undefined) return null;
    const key = nameKey(values.room);
    let matches = roomsByName.get(key) ?? [];
    if (matches.length > 1 && values.site !== undefined && siteNames.size) {
      const site = nameKey(values.site);
      matches = matches.filter((r) => siteNames.get(r.siteId) === site);
    }
    if (matches.length > 1) {
      return {
        conflict: conflict(row, [], null, 'conflict_ambiguous_room', { room: values.room }),
      };
    }
    if (matches[0]) return { room: matches[0] };
    let room = newRooms.get(key);
    if (!room) {
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
      newRooms.set(key, room);
      roomsById.set(room.id, room);
      preview.roomsToCreate.push(room);
    }
    return { room };
  };

  const pickRack = (row: number, room: Room, name: string): Rack | PreviewConflict => {
    const key = `${room.id}\u0000${nameKey(name)}`;
    const matches = racksByRoomName.get(key) ?? [];
    if (matches.length > 1) {
      return conflict(row, [], null, 'conflict_ambiguous_rack', { room: room.name, rack: name });
    }
    if (matches[0]) return matches[0];
    let rack = newRacks.get(key);
    if (!rack) {
      const walkOrder = walkOrderEnd.get(room.id) ?? 0;
      walkOrderEnd.set(room.id, walkOrder + 1);
      rack = {
        id: options.newId(),
        roomId: room.id,
        name: name.trim(),
        heightU: options.rackHeightU ?? 42,
        walkOrder,
        notes: '',
        createdAt: options.now,
        updatedAt: options.now,
      };
      newRacks.set(key, rack);
      racksById.set(rack.id, rack);
      preview.racksToCreate.push(rack);
    }
    return rack;
  };

  const roomName = (id: string) => roomsById.get(id)?.name ?? id;
  const rackName = (id: string | null) => (id === null ? null : (racksById.get(id)?.name ?? id));

  for (const record of validation.records) {
    const { row, values } = record;
    // --- match -----------------------------------------------------------------------
    const hits: { by: MatchKey; value: string; devices: Device[] }[] = [];
    if (values.assetTag !== undefined) {
      const devices = byTag.get(identityKey(values.assetTag));
      if (devices) hits.push({ by: 'assetTag', value: values.assetTag, devices });
    }
    if (values.serial !== undefined) {
      const devices = bySerial.get(identityKey(values.serial));
      if (devices) hits.push({ by: 'serial', value: values.serial, devices });
    }
    for (const mac of values.macs ?? []) {
      const devices = byMac.get(mac);
      if (devices) hits.push({ by: 'mac', value: mac, devices });
    }
    let matchedIds: Set<string> | null = null;
    if (hits.length > 1 || (hits[0] && hits[0].devices.length > 1)) {
      matchedIds = new Set(hits.flatMap((h) => h.devices.map((d) => d.id)));
    }
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
      continue;
    }

    if (hits.length > 0) {
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
        continue;
      }
      const earlier = claimed.get(device.id);
      if (earlier) {
        preview.conflicts.push(
          conflict(row, [device.id], null, 'conflict_same_device_twice', {
            earlierRow: earlier.row,
            matchedBy: MATCH_LABEL[earlier.by],
            value: earlier.value,
          }),
        );
        continue;
      }
      claimed.set(device.id, { row, by: hit.by, value: hit.value });
      const result = planUpdate(record, device, hit.by);
      if (result === null) continue;
      if ('conflict' in result) preview.conflicts.push(result.conflict);
      else if (result.changes.length === 0) {
        preview.unchanged.push({ row, deviceId: device.id, matchedBy: hit.by });
      } else preview.toUpdate.push(result);
      continue;
    }

    // --- new device ------------------------------------------------------------------
    const keys: { by: MatchKey; value: string; key: string }[] = [];
    if (values.assetTag !== undefined)
      keys.push({
        by: 'assetTag',
        value: values.assetTag,
        key: `t${identityKey(values.assetTag)}`,
      });
    if (values.serial !== undefined)
      keys.push({ by: 'serial', value: values.serial, key: `s${identityKey(values.serial)}` });
    for (const mac of values.macs ?? []) keys.push({ by: 'mac', value: mac, key: `m${mac}` });
    const twin = keys.map((k) => newKeys.get(k.key)).find((e) => e !== undefined);
    if (twin) {
      preview.conflicts.push(
        conflict(row, [], null, 'conflict_same_device_twice', {
          earlierRow: twin.row,
          matchedBy: MATCH_LABEL[twin.by],
          value: twin.value,
        }),
      );
      continue;
    }
    const added = planAdd(record);
    if (added) {
      for (const k of keys) newKeys.set(k.key, { row, by: k.by, value: k.value });
      preview.toAdd.push(added);
    }
  }
  return preview;

  function reject<C extends ImportMessageCode>(
    row: number,
    column: string,
    code: C,
    params: MessageParams<C>,
  ) {
    preview.rejected.push(rowIssue(row, column, code, params));
  }

  function columnOf(field: ImportField): string {
    const index = validation.resolved.columnsOf.get(field)?.[0];
    return index === undefined ? '' : (validation.resolved.columnNames[index] ?? '');
  }

  function planAdd({ row, values }: ImportRecord): PreviewAdd | null {
    let room: Room | undefined;
    const picked = pickRoom(row, values);
    if (picked && 'conflict' in picked) {
      preview.conflicts.push(picked.conflict);
      return null;
    }
    if (picked) room = picked.room;
    else if (options.defaultRoomId != null) {
      room = defaultRoom;
      if (!room) {
        reject(row, '', 'default_room_missing', { id: options.defaultRoomId });
        return null;
      }
    }
    const type = values.type ?? options.defaults?.type;
    const status = values.status ?? options.defaults?.status;
    let ok = true;
    if (!room) {
      if (values.rack !== undefined) {
        reject(row, columnOf('rack'), 'rack_needs_room', { rack: values.rack });
      } else reject(row, columnOf('room'), 'new_device_needs_room', {});
      ok = false;
    }
    if (!type) {
      reject(row, columnOf('type'), 'new_device_needs_type', {});
      ok = false;
    }
    if (!status) {
      reject(row, columnOf('status'), 'new_device_needs_status', {});
      ok = false;
    }
    if (!ok || !room || !type || !status) return null;
    let rackId: string | null = null;
    if (values.rack !== undefined) {
      const rack = pickRack(row, room, values.rack);
      if ('reason' in rack) {
        preview.conflicts.push(rack);
        return null;
      }
      rackId = rack.id;
    }
    const device: Device = {
      id: options.newId(),
      siteId: room.siteId,
      roomId: room.id,
      rackId,
      positionU: values.positionU ?? null,
      heightU: values.heightU ?? 1,
      assetTag: values.assetTag ?? '',
      serial: values.serial ?? '',
      manufacturer: values.manufacturer ?? '',
      model: values.model ?? '',
      type,
      name: values.name ?? '',
      hostname: values.hostname ?? '',
      ips: values.ips ?? [],
      macs: values.macs ?? [],
      owner: values.owner ?? '',
      department: values.department ?? '',
      status,
      idleSince: values.idleSince ?? null,
      firmwareVersion: values.firmwareVersion ?? '',
      firmwareDate: values.firmwareDate ?? null,
      endOfSupport: values.endOfSupport ?? null,
      credentials: {
        defaultChanged: values.defaultCredentialsChanged ?? 'unknown',
        unique: values.uniqueCredentials ?? 'unknown',
        lastRotated: values.credentialsLastRotated ?? null,
        storesOtherCredentials: values.storesOtherCredentials ?? false,
      },
      power: values.power ?? 'unknown',
      network: {
        state: values.networkState ?? 'unknown',
        switchName: values.switchName ?? '',
        switchPort: values.switchPort ?? '',
        portEnabled: values.portEnabled ?? 'unknown',
      },
      managementInterfaces: [],
      media: [],
      // A device processes at most what its room holds unless the file says otherwise.
      classification: values.classification ?? room.classification,
      sanitization: null,
      notes: values.notes ?? '',
      firstSeenAuditId: options.firstSeenAuditId ?? null,
      createdAt: options.now,
      updatedAt: options.now,
    };
    return { row, device };
  }

  function planUpdate(
    { row, values }: ImportRecord,
    before: Device,
    matchedBy: MatchKey,
  ): PreviewUpdate | { conflict: PreviewConflict } | null {
    const after: Device = {
      ...before,
      credentials: { ...before.credentials },
      network: { ...before.network },
    };
    let room = roomsById.get(before.roomId);
    const picked = pickRoom(row, values);
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
        reject(row, columnOf('rack'), 'rack_needs_room', { rack: values.rack });
        return null;
      }
      const rack = pickRack(row, room, values.rack);
      if ('reason' in rack) return { conflict: rack };
      after.rackId = rack.id;
    }
    const v = values;
    if (v.positionU !== undefined) after.positionU = v.positionU;
    if (v.heightU !== undefined) after.heightU = v.heightU;
    if (v.assetTag !== undefined) after.assetTag = v.assetTag;
    if (v.serial !== undefined) after.serial = v.serial;
    if (v.manufacturer !== undefined) after.manufacturer = v.manufacturer;
    if (v.model !== undefined) after.model = v.model;
    if (v.type !== undefined) after.type = v.type;
    if (v.name !== undefined) after.name = v.name;
    if (v.hostname !== undefined) after.hostname = v.hostname;
    if (v.ips !== undefined) after.ips = v.ips;
    if (v.macs !== undefined) after.macs = v.macs;
    if (v.owner !== undefined) after.owner = v.owner;
    if (v.department !== undefined) after.department = v.department;
    if (v.status !== undefined) after.status = v.status;
    if (v.idleSince !== undefined) after.idleSince = v.idleSince;
    if (v.firmwareVersion !== undefined) after.firmwareVersion = v.firmwareVersion;
    if (v.firmwareDate !== undefined) after.firmwareDate = v.firmwareDate;
    if (v.endOfSupport !== undefined) after.endOfSupport = v.endOfSupport;
    if (v.classification !== undefined) after.classification = v.classification;
    if (v.power !== undefined) after.power = v.power;
    if (v.notes !== undefined) after.notes = v.notes;
    if (v.networkState !== undefined) after.network.state = v.networkState;
    if (v.switchName !== undefined) after.network.switchName = v.switchName;
    if (v.switchPort !== undefined) after.network.switchPort = v.switchPort;
    if (v.portEnabled !== undefined) after.network.portEnabled = v.portEnabled;
    if (v.defaultCredentialsChanged !== undefined)
      after.credentials.defaultChanged = v.defaultCredentialsChanged;
    if (v.uniqueCredentials !== undefined) after.credentials.unique = v.uniqueCredentials;
    if (v.credentialsLastRotated !== undefined)
      after.credentials.lastRotated = v.credentialsLastRotated;
    if (v.storesOtherCredentials !== undefined)
      after.credentials.storesOtherCredentials = v.storesOtherCredentials;

    const changes = diff(before, after);
    if (changes.length) after.updatedAt = options.now;
    const update: PreviewUpdate = { row, matchedBy, before, after, changes };
    if (moving) {
      return {
        conflict: conflict(row, [before.id], update, 'conflict_room_change', {
          device: describeDevice(before),
          fromRoom: roomName(before.roomId),
          toRoom: picked.room.name,
        }),
      };
    }
    return update;
  }

  function diff(before: Device, after: Device): FieldChange[] {
    const changes: FieldChange[] = [];
    const add = (field: ImportField, from: FieldChange['from'], to: FieldChange['to']) => {
      const same =
        Array.isArray(from) && Array.isArray(to)
          ? from.length === to.length && from.every((x, i) => x === to[i])
          : from === to;
      if (!same) changes.push({ field, label: FIELD_INFO[field].label, from, to });
    };
    add('assetTag', before.assetTag, after.assetTag);
    add('name', before.name, after.name);
    add('type', before.type, after.type);
    add('serial', before.serial, after.serial);
    add('status', before.status, after.status);
    add('room', roomName(before.roomId), roomName(after.roomId));
    add('rack', rackName(before.rackId), rackName(after.rackId));
    add('positionU', before.positionU, after.positionU);
    add('heightU', before.heightU, after.heightU);
    add('manufacturer', before.manufacturer, after.manufacturer);
    add('model', before.model, after.model);
    add('hostname', before.hostname, after.hostname);
    add('ips', before.ips, after.ips);
    add('macs', before.macs, after.macs);
    add('owner', before.owner, after.owner);
    add('department', before.department, after.department);
    add('classification', before.classification, after.classification);
    add('idleSince', before.idleSince, after.idleSince);
    add('firmwareVersion', before.firmwareVersion, after.firmwareVersion);
    add('firmwareDate', before.firmwareDate, after.firmwareDate);
    add('endOfSupport', before.endOfSupport, after.endOfSupport);
    add('power', before.power, after.power);
    add('networkState', before.network.state, after.network.state);
    add('switchName', before.network.switchName, after.network.switchName);
    add('switchPort', before.network.switchPort, after.network.switchPort);
    add('portEnabled', before.network.portEnabled, after.network.portEnabled);
    add(
      'defaultCredentialsChanged',
      before.credentials.defaultChanged,
      after.credentials.defaultChanged,
    );
    add('uniqueCredentials', before.credentials.unique, after.credentials.unique);
    add('credentialsLastRotated', before.credentials.lastRotated, after.credentials.lastRotated);
    add(
      'storesOtherCredentials',
      before.credentials.storesOtherCredentials,
      after.credentials.storesOtherCredentials,
    );
    add('notes', before.notes, after.notes);
    return changes;
  }
}
