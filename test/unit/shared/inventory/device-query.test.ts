import { describe, expect, it } from 'vitest';
import type { Device } from '../../../../shared/domain/schemas.ts';
import {
  EMPTY_FILTER,
  NO_RACK_FILTER,
  queryDevices,
  type DeviceFilter,
  type DeviceSort,
} from '../../../../shared/inventory/device-query.ts';
import { makeDevice, makeRack } from '../domain/fixtures.ts';

const racks = [
  makeRack({ id: 'r-b', name: 'B01', walkOrder: 1 }),
  makeRack({ id: 'r-a', name: 'A01', walkOrder: 0 }),
];

const devices: Device[] = [
  makeDevice({
    id: 'd1',
    name: 'CAM-10',
    type: 'ip_camera',
    status: 'active',
    ips: ['10.0.0.20'],
    macs: ['00:1A:2B:3C:4D:5E'],
    rackId: 'r-b',
    positionU: 1,
    owner: 'Zhang',
  }),
  makeDevice({
    id: 'd2',
    name: 'CAM-2',
    type: 'ip_camera',
    status: 'idle',
    ips: ['10.0.0.3'],
    assetTag: 'A-0002',
    rackId: 'r-a',
    positionU: 5,
  }),
  makeDevice({
    id: 'd3',
    name: '视频平台',
    type: 'nvr_vms',
    status: 'decommissioning',
    hostname: 'vms-old.corp',
    serial: 'SN-XYZ',
    rackId: 'r-a',
    positionU: 20,
    network: { state: 'connected', switchName: '', switchPort: '', portEnabled: 'yes' },
    owner: 'Li',
  }),
  makeDevice({
    id: 'd4',
    name: 'Loose USB',
    type: 'loose_media',
    rackId: null,
    ips: ['2001:db8::1'],
  }),
];

const byName: DeviceSort = { key: 'name', direction: 'asc' };
const names = (filter: Partial<DeviceFilter>, sort: DeviceSort = byName) =>
  queryDevices(devices, racks, { ...EMPTY_FILTER, ...filter }, sort).map((d) => d.name);

describe('device search and filter', () => {
  it('finds by name, tag, serial, hostname, IP and MAC (with or without separators)', () => {
    expect(names({ text: 'cam' })).toEqual(['CAM-2', 'CAM-10']);
    expect(names({ text: 'a-0002' })).toEqual(['CAM-2']);
    expect(names({ text: 'sn-xyz' })).toEqual(['视频平台']);
    expect(names({ text: 'vms-old' })).toEqual(['视频平台']);
    expect(names({ text: '10.0.0.20' })).toEqual(['CAM-10']);
    expect(names({ text: '2001:db8' })).toEqual(['Loose USB']);
    expect(names({ text: '00:1a:2b' })).toEqual(['CAM-10']);
    expect(names({ text: '001a2b3c' })).toEqual(['CAM-10']);
    expect(names({ text: '视频' })).toEqual(['视频平台']);
  });
  it('requires every word of the search to match', () => {
    expect(names({ text: 'cam 10.0.0.3' })).toEqual(['CAM-2']);
    expect(names({ text: 'cam nothing' })).toEqual([]);
  });
  it('filters by type, status and rack, including "not in a rack"', () => {
    expect(names({ type: 'ip_camera' })).toEqual(['CAM-2', 'CAM-10']);
    expect(names({ status: 'decommissioning' })).toEqual(['视频平台']);
    expect(names({ rackId: 'r-a' })).toEqual(['视频平台', 'CAM-2']);
    expect(names({ rackId: NO_RACK_FILTER })).toEqual(['Loose USB']);
    expect(names({ type: 'ip_camera', status: 'idle', rackId: 'r-a' })).toEqual(['CAM-2']);
  });
});

describe('device sort', () => {
  it('sorts names numerically and both ways (the Chinese collation puts Han names first)', () => {
    expect(names({})).toEqual(['视频平台', 'CAM-2', 'CAM-10', 'Loose USB']);
    expect(names({}, { key: 'name', direction: 'desc' })).toEqual([
      'Loose USB',
      'CAM-10',
      'CAM-2',
      '视频平台',
    ]);
  });
  it('sorts by location in walk order, top U first, devices without a rack last', () => {
    expect(names({}, { key: 'location', direction: 'asc' })).toEqual([
      '视频平台',
      'CAM-2',
      'CAM-10',
      'Loose USB',
    ]);
  });
  it('sorts IPv4 numerically, then IPv6, and keeps blanks last in both directions', () => {
    expect(names({}, { key: 'ip', direction: 'asc' })).toEqual([
      'CAM-2',
      'CAM-10',
      'Loose USB',
      '视频平台',
    ]);
    expect(names({}, { key: 'ip', direction: 'desc' })).toEqual([
      'Loose USB',
      'CAM-10',
      'CAM-2',
      '视频平台',
    ]);
    expect(names({}, { key: 'owner', direction: 'desc' })).toEqual([
      'CAM-10',
      '视频平台',
      'CAM-2',
      'Loose USB',
    ]);
  });
  it('sorts by status in lifecycle order and by network state', () => {
    expect(names({}, { key: 'status', direction: 'asc' })).toEqual([
      'CAM-10',
      'Loose USB',
      'CAM-2',
      '视频平台',
    ]);
    expect(names({}, { key: 'network', direction: 'asc' })[0]).toBe('视频平台');
  });
  // Speed is a benchmark figure (a loaded machine must not fail a test); this checks the
  // answers at the scale of a real room.
  it('filters and sorts 2,000 devices', () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      makeDevice({ id: `m${i}`, name: `服务器 SRV-${i}`, ips: [`10.${i >> 8}.${i & 255}.1`] }),
    );
    const found = queryDevices(
      many,
      racks,
      { ...EMPTY_FILTER, text: 'srv-199' },
      { key: 'ip', direction: 'asc' },
    );
    // SRV-199 and SRV-1990 … SRV-1999, in IP order (10.0.199.1 sorts before 10.7.x).
    expect(found.map((d) => d.id)).toEqual([
      'm199',
      ...Array.from({ length: 10 }, (_, k) => `m${1990 + k}`),
    ]);
  });
});
