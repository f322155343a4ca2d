import { makeDevice } from '../domain/fixtures.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DeviceSchema,
  RackSchema,
  RoomSchema,
  type Device,
  type Rack,
  type Room,
} from '../../../../shared/domain/schemas.ts';
import { parseCsv } from '../../../../shared/import/csv.ts';
import { autoMapping } from '../../../../shared/import/mapping.ts';
import { buildImportPreview, type PreviewOptions } from '../../../../shared/import/preview.ts';

const T0 = '2024-01-01T00:00:00.000Z';
const NOW = '2024-06-01T08:00:00.000Z';

const room = (id: string, name: string, siteId = 'site-1'): Room => ({
  id,
  siteId,
  name,
  building: '',
  floor: '',
  classification: 'secret',
  auditIntervalDays: 90,
  notes: '',
  createdAt: T0,
  updatedAt: T0,
});

const rack = (id: string, roomId: string, name: string, walkOrder: number): Rack => ({
  id,
  roomId,
  name,
  heightU: 42,
  walkOrder,
  notes: '',
  createdAt: T0,
  updatedAt: T0,
});

const device = (over: Partial<Device> & Pick<Device, 'id'>): Device =>
  makeDevice({ roomId: 'room-a', name: '', createdAt: T0, updatedAt: T0, ...over });

const rooms = [room('room-a', 'Room A'), room('room-b', 'Room B')];
const racks = [rack('rack-a1', 'room-a', 'A1', 0), rack('rack-a2', 'room-a', 'A2', 1)];
const devices = [
  device({
    id: 'd1',
    assetTag: 'T-1',
    serial: 'S-1',
    name: 'core switch',
    type: 'switch',
    rackId: 'rack-a1',
    positionU: 40,
    ips: ['10.0.0.1'],
  }),
  device({ id: 'd2', assetTag: 'T-2', serial: 'S-2', name: 'nvr', type: 'nvr_vms' }),
  device({ id: 'd3', assetTag: '', serial: 'S-3', name: 'untagged', macs: ['aa:bb:cc:00:00:03'] }),
  device({ id: 'd4', assetTag: 'T-4', serial: 'S-4', macs: ['aa:bb:cc:00:00:04'] }),
];

function options(): PreviewOptions {
  let n = 0;
  return { now: NOW, newId: () => `new-${++n}`, siteId: 'site-1' };
}

function preview(csv: string, extra: Partial<PreviewOptions> = {}) {
  const sheet = parseCsv(csv);
  return buildImportPreview(
    sheet,
    autoMapping(sheet.headers, 'roomcheck').mapping,
    { devices, rooms, racks },
    { ...options(), ...extra },
  );
}

describe('buildImportPreview', () => {
  it('updates by asset tag with a field-by-field diff, and lists unchanged rows', () => {
    const p = preview('asset_tag,status,ip,rack\nT-1,闲置,"10.0.0.1, 10.0.0.9",A2\nT-2,active,,\n');
    expect(p.toUpdate).toHaveLength(1);
    const u = p.toUpdate[0]!;
    expect(u).toMatchObject({ row: 2, matchedBy: 'assetTag' });
    expect(u.before).toBe(devices[0]);
    expect(u.changes.map(({ field, from, to }) => ({ field, from, to }))).toEqual([
      // In the device field table's order (the editor's).
      { field: 'ips', from: ['10.0.0.1'], to: ['10.0.0.1', '10.0.0.9'] },
      { field: 'rack', from: 'A1', to: 'A2' },
      { field: 'status', from: 'active', to: 'idle' },
    ]);
    expect(u.after).toMatchObject({
      id: 'd1',
      status: 'idle',
      rackId: 'rack-a2',
      updatedAt: NOW,
      createdAt: T0,
    });
    expect(p.unchanged).toEqual([{ row: 3, deviceId: 'd2', matchedBy: 'assetTag' }]);
    expect(p.toAdd).toEqual([]);
    expect(p.conflicts).toEqual([]);
  });

  it('falls back to serial, then MAC, and fills an empty asset tag', () => {
    const p = preview('asset_tag,serial,mac,name\n,S-2,,renamed nvr\nT-3,,AA-BB-CC-00-00-03,\n');
    expect(p.toUpdate.map((u) => [u.row, u.matchedBy, u.after.id])).toEqual([
      [2, 'serial', 'd2'],
      [3, 'mac', 'd3'],
    ]);
    expect(p.toUpdate[1]!.changes.map((c) => c.field)).toEqual(['assetTag']);
  });

  it('reports a row matching two different devices as a conflict', () => {
    const p = preview('asset_tag,serial\nT-1,S-2\n');
    expect(p.conflicts).toHaveLength(1);
    expect(p.conflicts[0]).toMatchObject({ row: 2, deviceIds: ['d1', 'd2'], proposed: null });
    expect(p.conflicts[0]!.reason).toBe(
      'The row matches 2 different devices: "T-1" (asset tag T-1), "T-2" (serial number S-2).',
    );
  });

  it('reports a serial match whose device has a different asset tag', () => {
    const p = preview('asset_tag,serial\nT-99,S-4\n');
    expect(p.conflicts[0]!.reason).toBe(
      'The serial number matches device "T-4", whose asset tag is "T-4", not "T-99".',
    );
    expect(p.toUpdate).toEqual([]);
  });

  it('holds a move to another room as a conflict with the proposed update', () => {
    const p = preview('asset_tag,room\nT-1,Room B\n');
    expect(p.toUpdate).toEqual([]);
    const c = p.conflicts[0]!;
    expect(c.reason).toBe(
      'The update would move device "T-1" from room "Room A" to room "Room B".',
    );
    expect(c.proposed?.after).toMatchObject({ roomId: 'room-b', rackId: null, positionU: null });
    expect(c.proposed?.changes.map((x) => x.field)).toEqual(['room', 'rack', 'positionU']);
  });

  it('adds new devices, creating the rooms and racks the file names', () => {
    const p = preview(
      'asset_tag,device_type,status,room,rack,position,ip\n' +
        'N-1,服务器,在用,Room A,A1,10,10.1.0.1\n' +
        'N-2,switch,active,New Room,R9,,\n' +
        'N-3,camera,active,new  room,R9,,\n',
    );
    expect(p.roomsToCreate).toEqual([
      {
        ...room('new-2', 'New Room'),
        classification: 'unclassified',
        auditIntervalDays: 365,
        createdAt: NOW,
        updatedAt: NOW,
      },
    ]);
    expect(p.racksToCreate).toEqual([
      { ...rack('new-3', 'new-2', 'R9', 0), createdAt: NOW, updatedAt: NOW },
    ]);
    expect(
      p.toAdd.map((a) => [a.row, a.device.id, a.device.roomId, a.device.rackId, a.device.type]),
    ).toEqual([
      [2, 'new-1', 'room-a', 'rack-a1', 'server'],
      [3, 'new-4', 'new-2', 'new-3', 'switch'],
      [4, 'new-5', 'new-2', 'new-3', 'ip_camera'],
    ]);
    // A device takes its room's classification unless the file says otherwise.
    expect(p.toAdd[0]!.device.classification).toBe('secret');
    for (const a of p.toAdd) expect(DeviceSchema.parse(a.device)).toEqual(a.device);
    for (const r of p.roomsToCreate) RoomSchema.parse(r);
    for (const r of p.racksToCreate) RackSchema.parse(r);
  });

  it('rejects new devices without room, type or status unless defaults are chosen', () => {
    const csv = 'asset_tag,name\nN-1,box\n';
    expect(preview(csv).rejected.map((r) => r.reason)).toEqual([
      'A new device needs a room: name it in the file or choose a room for rows without one.',
      'A new device needs a device type: fill it in or choose a type for rows without one.',
      'A new device needs a status: fill it in or choose a status for rows without one.',
    ]);
    const p = preview(csv, {
      defaultRoomId: 'room-b',
      defaults: { type: 'other', status: 'active' },
    });
    expect(p.rejected).toEqual([]);
    expect(p.toAdd[0]!.device).toMatchObject({ roomId: 'room-b', type: 'other', status: 'active' });
    expect(
      preview(csv, { defaultRoomId: 'nope', defaults: { type: 'other', status: 'active' } })
        .rejected[0]!.reason,
    ).toBe('The room chosen for rows without a room (id "nope") does not exist.');
  });

  it('reports two new rows that are the same device', () => {
    const p = preview(
      'asset_tag,serial,device_type,status,room\nN-1,SX,server,active,Room A\nN-2,sx,server,active,Room A\n',
    );
    expect(p.toAdd.map((a) => a.row)).toEqual([2]);
    expect(p.conflicts[0]!.reason).toBe(
      'Row 2 already refers to the same device (serial number "SX").',
    );
  });

  it('reports two rows updating the same existing device', () => {
    const p = preview('serial,name\nS-1,a\nS-1,b\n');
    expect(p.toUpdate.map((u) => u.row)).toEqual([2]);
    expect(p.conflicts[0]).toMatchObject({ row: 3, deviceIds: ['d1'] });
  });

  it('reports an ambiguous room name', () => {
    const sheet = parseCsv(
      'asset_tag,device_type,status,room,site\nN-1,server,active,Room A,\nN-2,server,active,Room A,East\n',
    );
    const existing = {
      devices,
      rooms: [...rooms, room('room-a-east', 'Room A', 'site-2')],
      racks,
      sites: [
        { id: 'site-1', name: 'West', organisation: '', notes: '', createdAt: T0, updatedAt: T0 },
        { id: 'site-2', name: 'East', organisation: '', notes: '', createdAt: T0, updatedAt: T0 },
      ],
    };
    const p = buildImportPreview(
      sheet,
      autoMapping(sheet.headers, 'roomcheck').mapping,
      existing,
      options(),
    );
    expect(p.conflicts.map((c) => [c.row, c.reason])).toEqual([
      [2, 'More than one existing room is named "Room A".'],
    ]);
    expect(p.toAdd.map((a) => [a.row, a.device.roomId])).toEqual([[3, 'room-a-east']]);
  });

  it('carries validation rejections through, so every row is accounted for', () => {
    const p = preview('asset_tag,ip\nT-1,bad\nT-2,10.0.0.2\n');
    expect(p.rejected.map((r) => [r.row, r.column])).toEqual([[2, 'ip']]);
    expect(p.toUpdate.map((u) => u.row)).toEqual([3]);
  });

  it('fuzz: every row lands in exactly one outcome and every record written is schema-valid', () => {
    const tags = fc.constantFrom('T-1', 'T-2', 'T-4', 'N-1', 'N-2', '');
    const serials = fc.constantFrom('S-1', 'S-2', 'S-3', 'SX', '');
    const macs = fc.constantFrom('aa:bb:cc:00:00:03', 'aa:bb:cc:00:00:04', 'aa:bb:cc:00:00:99', '');
    const roomNames = fc.constantFrom('Room A', 'Room B', 'Room C', '');
    const rackNames = fc.constantFrom('A1', 'A2', 'Z9', '');
    const row = fc.tuple(
      tags,
      serials,
      macs,
      roomNames,
      rackNames,
      fc.constantFrom('server', 'switch', ''),
      fc.constantFrom('active', 'idle', ''),
      fc.constantFrom('', '1', '10-12', 'x'),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.boolean(), (rows, withDefaults) => {
        const csv = [
          'asset_tag,serial,mac,room,rack,device_type,status,position',
          ...rows.map((r) => r.join(',')),
        ].join('\n');
        const sheet = parseCsv(csv);
        const extra: Partial<PreviewOptions> = withDefaults
          ? { defaultRoomId: 'room-a', defaults: { type: 'other', status: 'active' } }
          : {};
        const p = buildImportPreview(
          sheet,
          autoMapping(sheet.headers, 'roomcheck').mapping,
          { devices, rooms, racks },
          { ...options(), ...extra },
        );
        const outcomes = [
          ...p.toAdd.map((x) => x.row),
          ...p.toUpdate.map((x) => x.row),
          ...p.unchanged.map((x) => x.row),
          ...p.conflicts.map((x) => x.row),
          ...new Set(p.rejected.map((x) => x.row)),
        ].sort((a, b) => a - b);
        expect(outcomes).toEqual(sheet.rows.map((r) => r.row));
        for (const a of p.toAdd) DeviceSchema.parse(a.device);
        for (const u of p.toUpdate) DeviceSchema.parse(u.after);
        for (const c of p.conflicts) if (c.proposed) DeviceSchema.parse(c.proposed.after);
        const ids = new Set([
          ...p.toAdd.map((a) => a.device.id),
          ...p.roomsToCreate.map((r) => r.id),
          ...p.racksToCreate.map((r) => r.id),
        ]);
        expect(ids.size).toBe(p.toAdd.length + p.roomsToCreate.length + p.racksToCreate.length);
        // The inputs are never modified.
        expect(devices[0]!.status).toBe('active');
      }),
      { numRuns: 150 },
    );
  });
});
