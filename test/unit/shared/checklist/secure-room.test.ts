import { describe, expect, it } from 'vitest';
import { DEVICE_TYPES, NETWORK_SECURITY_TYPES } from '../../../../shared/domain/enums.ts';
import { TemplateSchema } from '../../../../shared/domain/schemas.ts';
import {
  effectiveSeverity,
  isDataBearing,
} from '../../../../shared/checklist/effective-severity.ts';
import {
  BUILTIN_TEMPLATES,
  SECURE_ROOM_TEMPLATE,
} from '../../../../shared/checklist/secure-room.ts';
import { makeDevice } from '../domain/fixtures.ts';

// Copied by hand from the checklist table in DOMAIN.md, in its order, with its severities
// (F1 and I2 carry their base severity; the escalation is tested below).
const TABLE: [id: string, severity: 'high' | 'medium' | 'low'][] = [
  ['P1', 'medium'],
  ['P2', 'medium'],
  ['P3', 'high'],
  ['P4', 'medium'],
  ['P5', 'low'],
  ['I1', 'high'],
  ['I2', 'medium'],
  ['I3', 'low'],
  ['I4', 'medium'],
  ['D1', 'high'],
  ['D2', 'medium'],
  ['D3', 'high'],
  ['D4', 'medium'],
  ['D5', 'high'],
  ['D6', 'medium'],
  ['N1', 'medium'],
  ['N2', 'medium'],
  ['N3', 'high'],
  ['N4', 'high'],
  ['N5', 'medium'],
  ['C1', 'high'],
  ['C2', 'high'],
  ['C3', 'medium'],
  ['F1', 'medium'],
  ['F2', 'medium'],
  ['F3', 'low'],
  ['V1', 'high'],
  ['V2', 'medium'],
  ['M1', 'high'],
  ['M2', 'high'],
  ['M3', 'high'],
  ['M4', 'medium'],
  ['L1', 'medium'],
  ['L2', 'low'],
];

const item = (id: string) => {
  const found = SECURE_ROOM_TEMPLATE.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};
const applies = (id: string, type: (typeof DEVICE_TYPES)[number]) => {
  const { appliesTo, scope } = item(id);
  return scope === 'device' && (appliesTo.length === 0 || appliesTo.includes(type));
};

describe('built-in Secure room template', () => {
  it('is a valid, read-only, versioned built-in template', () => {
    expect(TemplateSchema.parse(SECURE_ROOM_TEMPLATE)).toEqual(SECURE_ROOM_TEMPLATE);
    expect(SECURE_ROOM_TEMPLATE).toMatchObject({
      id: 'builtin-secure-room',
      version: 1,
      builtIn: true,
      basedOn: null,
    });
    expect(Object.isFrozen(SECURE_ROOM_TEMPLATE.items[0]?.text)).toBe(true);
    expect(() => {
      (SECURE_ROOM_TEMPLATE.items as unknown[]).push({});
    }).toThrow(TypeError);
    expect(BUILTIN_TEMPLATES).toContain(SECURE_ROOM_TEMPLATE);
  });

  it('contains every item of the DOMAIN.md table, in order, with its severity, and nothing else', () => {
    expect(SECURE_ROOM_TEMPLATE.items.map((i) => [i.id, i.severity])).toEqual(TABLE);
  });

  it('has text in both languages, a basis, and Chinese text that is Chinese', () => {
    for (const i of SECURE_ROOM_TEMPLATE.items) {
      expect(i.text.en.length, i.id).toBeGreaterThan(10);
      expect(i.text.zh, i.id).toMatch(/\p{Script=Han}{4}/u);
      expect(i.basis.trim(), i.id).not.toBe('');
    }
    expect(item('D1').text.en).toBe(
      'No idle or decommissioned device is powered AND network-connected',
    );
    expect(item('C1').basis).toBe('IA-5(e); CIS 4.7; ETSI EN 303 645 5.1');
  });

  it('room-level items are the sweeps and programme checks', () => {
    const roomItems = SECURE_ROOM_TEMPLATE.items.filter((i) => i.scope === 'room').map((i) => i.id);
    expect(roomItems).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'I1', 'N3', 'C3', 'L1', 'L2']);
    for (const i of SECURE_ROOM_TEMPLATE.items.filter((x) => x.scope === 'room'))
      expect(i.appliesTo).toEqual([]);
  });

  it('applies items to sensible device types', () => {
    expect(applies('C2', 'nvr_vms')).toBe(true);
    expect(applies('C2', 'ip_camera')).toBe(true);
    expect(applies('C2', 'printer_mfp')).toBe(false);
    expect(applies('V1', 'ip_camera')).toBe(true);
    expect(applies('V1', 'nvr_vms')).toBe(true);
    expect(applies('V1', 'server')).toBe(false);
    expect(applies('V2', 'nvr_vms')).toBe(false);
    for (const t of ['server', 'virtualization_host', 'storage', 'console_kvm'] as const)
      expect(applies('N4', t), t).toBe(true);
    expect(applies('N4', 'ip_camera')).toBe(false);
    for (const t of ['printer_mfp', 'ip_camera', 'switch', 'router', 'firewall'] as const)
      expect(applies('M4', t), t).toBe(true);
    expect(applies('M4', 'server')).toBe(false);
    expect(applies('M3', 'loose_media')).toBe(true);
    expect(applies('M3', 'server')).toBe(false);
    expect(applies('D5', 'nvr_vms')).toBe(true);
    expect(applies('D5', 'server')).toBe(true);
    expect(applies('D5', 'ip_camera')).toBe(false);
    // Loose media have no power, network or firmware; they still need tracking and sanitizing.
    for (const id of ['D1', 'D3', 'C1', 'F1', 'N5'])
      expect(applies(id, 'loose_media'), id).toBe(false);
    for (const id of ['I2', 'I3', 'I4', 'D6', 'M1', 'M2'])
      expect(applies(id, 'loose_media'), id).toBe(true);
  });

  it('gives every device type a few items and no type an unreasonable number', () => {
    for (const type of DEVICE_TYPES) {
      const n = SECURE_ROOM_TEMPLATE.items.filter((i) => applies(i.id, type)).length;
      expect(n, type).toBeGreaterThanOrEqual(7);
      expect(n, type).toBeLessThanOrEqual(22);
    }
  });
});

describe('effectiveSeverity', () => {
  it('F1 is High for network/security devices and Medium otherwise', () => {
    for (const type of DEVICE_TYPES) {
      const expected = NETWORK_SECURITY_TYPES.includes(type) ? 'high' : 'medium';
      expect(effectiveSeverity(item('F1'), makeDevice({ type })), type).toBe(expected);
    }
  });

  it('I2 is High for a data-bearing device and Medium otherwise', () => {
    expect(effectiveSeverity(item('I2'), makeDevice({ type: 'server' }))).toBe('high');
    expect(effectiveSeverity(item('I2'), makeDevice({ type: 'loose_media' }))).toBe('high');
    expect(effectiveSeverity(item('I2'), makeDevice({ type: 'pdu_ups_sensor' }))).toBe('medium');
    const mfpWithDisk = makeDevice({
      type: 'printer_mfp',
      media: [{ count: 1, kind: 'hdd', serials: [] }],
    });
    expect(isDataBearing(mfpWithDisk)).toBe(true);
    expect(effectiveSeverity(item('I2'), mfpWithDisk)).toBe('high');
    const noMedia = makeDevice({
      type: 'ip_camera',
      media: [{ count: 0, kind: 'sd_card', serials: [] }],
    });
    expect(effectiveSeverity(item('I2'), noMedia)).toBe('medium');
  });

  it('leaves other items and room-level answers at their base severity', () => {
    expect(effectiveSeverity(item('P5'), null)).toBe('low');
    expect(effectiveSeverity(item('F1'), null)).toBe('medium');
    expect(effectiveSeverity(item('D2'), makeDevice({ type: 'firewall' }))).toBe('medium');
  });

  it('never lowers a severity a user raised, and ignores prototype-named ids', () => {
    expect(effectiveSeverity({ id: 'F1', severity: 'high' }, makeDevice({ type: 'server' }))).toBe(
      'high',
    );
    expect(effectiveSeverity({ id: 'F1', severity: 'low' }, makeDevice({ type: 'switch' }))).toBe(
      'high',
    );
    expect(
      effectiveSeverity({ id: 'constructor', severity: 'low' }, makeDevice({ type: 'switch' })),
    ).toBe('low');
  });
});
