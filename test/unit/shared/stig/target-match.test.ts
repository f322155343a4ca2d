import { describe, expect, it } from 'vitest';
import { stigSourceFromSnapshot } from '../../../../shared/stig/audit-source.ts';
import { cklText } from '../../../../shared/stig/ckl-write.ts';
import { checklistsFromAudit } from '../../../../shared/stig/from-audit.ts';
import { readChecklistFile } from '../../../../shared/stig/read-checklist.ts';
import { createTargetMatcher } from '../../../../shared/stig/target-match.ts';
import { makeDevice } from '../domain/fixtures.ts';
import { demoSnapshot } from './support.ts';

const target = (fields: Partial<Parameters<ReturnType<typeof createTargetMatcher>>[0]>) => ({
  hostName: '',
  fqdn: '',
  ipAddress: '',
  macAddress: '',
  comments: '',
  ...fields,
});

const devices = [
  makeDevice({
    id: 'web',
    hostname: 'web01.example.mil',
    ips: ['10.0.0.5'],
    macs: ['00:1a:2b:3c:4d:5e'],
  }),
  makeDevice({ id: 'db', hostname: 'DB01', ips: ['10.0.0.6', 'fe80::1'], macs: [] }),
  makeDevice({ id: 'twin-a', hostname: 'twin', ips: ['10.0.1.1'], macs: [] }),
  makeDevice({ id: 'twin-b', hostname: 'twin', ips: ['10.0.1.2'], macs: [] }),
  makeDevice({ id: 'cam', hostname: '', ips: [], macs: ['aa:bb:cc:dd:ee:01'] }),
];
const match = createTargetMatcher(devices);

describe('matching a checklist target to an inventory device', () => {
  it('follows a Roomcheck export by the id it carries, whatever the host name says', () => {
    expect(
      match(target({ hostName: 'DB01', comments: 'Room: A\nRoomcheck-ID: device/web\n' })),
    ).toEqual({
      kind: 'matched',
      deviceId: 'web',
      by: 'roomcheck_id',
    });
    // An id this inventory does not hold proves nothing: the other evidence decides.
    expect(match(target({ hostName: 'DB01', comments: 'Roomcheck-ID: device/gone' }))).toEqual({
      kind: 'matched',
      deviceId: 'db',
      by: 'host_name',
    });
  });

  it('matches host names ignoring case, full names first, then the first label', () => {
    expect(match(target({ hostName: 'db01' }))).toMatchObject({ deviceId: 'db', by: 'host_name' });
    expect(match(target({ hostName: 'WEB01.EXAMPLE.MIL' }))).toMatchObject({ deviceId: 'web' });
    expect(match(target({ hostName: 'web01' }))).toMatchObject({ deviceId: 'web' });
    expect(match(target({ hostName: 'x', fqdn: 'db01.corp.example' }))).toMatchObject({
      deviceId: 'db',
    });
  });

  it('matches any IP or MAC in the lists tools write, in any notation', () => {
    expect(match(target({ hostName: 'unknown', ipAddress: '130.163.x.x, 10.0.0.6' }))).toEqual({
      kind: 'matched',
      deviceId: 'db',
      by: 'ip_address',
    });
    expect(match(target({ hostName: 'unknown', ipAddress: 'FE80:0:0::1' }))).toMatchObject({
      deviceId: 'db',
    });
    expect(match(target({ hostName: 'unknown', macAddress: '00-1A-2B-3C-4D-5E' }))).toEqual({
      kind: 'matched',
      deviceId: 'web',
      by: 'mac_address',
    });
    expect(match(target({ hostName: 'unknown', macAddress: 'AABB.CCDD.EE01' }))).toMatchObject({
      deviceId: 'cam',
    });
  });

  it('leaves a tie to the person unless an address singles one device out', () => {
    expect(match(target({ hostName: 'twin' }))).toEqual({
      kind: 'ambiguous',
      deviceIds: ['twin-a', 'twin-b'],
      by: 'host_name',
    });
    expect(match(target({ hostName: 'twin', ipAddress: '10.0.1.2' }))).toEqual({
      kind: 'matched',
      deviceId: 'twin-b',
      by: 'host_name',
    });
    expect(
      match(target({ hostName: 'nobody', ipAddress: '192.0.2.1', macAddress: 'invalid' })),
    ).toEqual({
      kind: 'unmatched',
    });
  });

  it('matches every checklist of the demo audit back to its own device', () => {
    const snapshot = demoSnapshot();
    const matcher = createTargetMatcher(snapshot.devices);
    const { checklists } = checklistsFromAudit(stigSourceFromSnapshot(snapshot));
    for (const c of checklists.filter((x) => x.subject.deviceId)) {
      const read = readChecklistFile(new TextEncoder().encode(cklText(c, '1')));
      expect(matcher(read.target)).toEqual({
        kind: 'matched',
        deviceId: c.subject.deviceId,
        by: 'roomcheck_id',
      });
      // Without the Roomcheck line, a device with a host name or address is still found.
      const result = matcher({ ...read.target, comments: '' });
      const device = snapshot.devices.find((d) => d.id === c.subject.deviceId)!;
      if (device.hostname || device.ips.length || device.macs.length) {
        expect(result.kind === 'matched' ? result.deviceId : result).toBe(device.id);
      }
    }
  });
});
