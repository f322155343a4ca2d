import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECURE_ROOM_TEMPLATE } from '../../../../shared/checklist/secure-room.ts';
import { LIFECYCLE_STATUSES, type LifecycleStatus } from '../../../../shared/domain/enums.ts';
import { DeviceSchema, type Device } from '../../../../shared/domain/schemas.ts';
import {
  DEFAULT_IDLE_POLICY_DAYS,
  PREJUDGED_ITEM_IDS,
  prejudge,
  RULES,
} from '../../../../shared/rules/prejudge.ts';
import { arbDevice } from '../domain/arbitraries.ts';
import { makeDevice } from '../domain/fixtures.ts';

const ctx = { today: '2026-03-15', idlePolicyDays: DEFAULT_IDLE_POLICY_DAYS };
const judge = (itemId: string, overrides: Partial<Device>, context = ctx) =>
  prejudge(itemId, makeDevice(overrides), context);
const result = (itemId: string, overrides: Partial<Device>, context = ctx) =>
  judge(itemId, overrides, context)?.result ?? null;
const net = (
  state: Device['network']['state'],
  portEnabled: Device['network']['portEnabled'] = 'unknown',
) => ({
  state,
  switchName: 'sw1',
  switchPort: 'Gi1/0/7',
  portEnabled,
});
const creds = (over: Partial<Device['credentials']>): Device['credentials'] => ({
  defaultChanged: 'unknown',
  unique: 'unknown',
  lastRotated: null,
  storesOtherCredentials: false,
  ...over,
});
const record = (over: Partial<NonNullable<Device['sanitization']>> = {}) => ({
  method: 'destroy' as const,
  tool: 'shredder',
  verifiedBy: 'Wang Fang',
  witness: 'Li Na',
  date: '2026-02-01',
  certificateId: 'C-1',
  destination: 'vendor',
  ...over,
});

describe('rule registry', () => {
  it('has one rule per item, each for a device item of the built-in template', () => {
    const ids = RULES.map((r) => r.itemId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      const item = SECURE_ROOM_TEMPLATE.items.find((i) => i.id === id);
      expect(item?.scope, id).toBe('device');
    }
    expect([...PREJUDGED_ITEM_IDS].sort()).toEqual([...ids].sort());
  });

  it('returns null for items without a rule, and refuses a bad context', () => {
    expect(judge('P1', {})).toBeNull();
    expect(judge('__proto__', {})).toBeNull();
    expect(() => judge('D1', {}, { ...ctx, today: '2026-02-30' })).toThrow(/today/);
    expect(() => judge('D1', {}, { ...ctx, today: 'yesterday' })).toThrow(/YYYY-MM-DD/);
    expect(() => judge('D2', {}, { ...ctx, idlePolicyDays: -1 })).toThrow(/idlePolicyDays/);
    expect(() => judge('D2', {}, { ...ctx, idlePolicyDays: 1.5 })).toThrow(/idlePolicyDays/);
  });

  it('every suggestion of every rule on any valid device has a reason in both languages (property)', () => {
    fc.assert(
      fc.property(arbDevice(), (device) => {
        expect(DeviceSchema.safeParse(device).success).toBe(true);
        for (const rule of RULES) {
          const s = prejudge(rule.itemId, device, ctx);
          if (s === null) continue;
          expect(['pass', 'fail', 'na']).toContain(s.result);
          expect(s.reason.en.trim().length).toBeGreaterThan(3);
          expect(s.reason.zh).toMatch(/\p{Script=Han}/u);
          // Fits Answer.prejudged.reason, which stores one language.
          expect(s.reason.en.length).toBeLessThanOrEqual(500);
          expect(s.reason.zh.length).toBeLessThanOrEqual(500);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never reads the clock: the same device and context always give the same answer', () => {
    const d = makeDevice({ status: 'idle', idleSince: '2025-01-01', endOfSupport: '2026-03-14' });
    expect(prejudge('D2', d, ctx)).toEqual(prejudge('D2', d, ctx));
    expect(prejudge('F1', d, { ...ctx, today: '2026-03-14' })?.result).toBe('pass');
    expect(prejudge('F1', d, { ...ctx, today: '2026-03-15' })?.result).toBe('fail');
  });
});

describe('I2 presence', () => {
  it('fails a device recorded as missing', () => {
    expect(judge('I2', { status: 'missing' })).toEqual({
      result: 'fail',
      reason: { en: 'Recorded as missing', zh: '记录状态为“缺失”' },
    });
  });
  it('is not applicable to a disposed device and unknown otherwise', () => {
    expect(result('I2', { status: 'disposed' })).toBe('na');
    expect(result('I2', { status: 'active' })).toBeNull();
  });
});

describe('I4 owner recorded', () => {
  it('fails without an owner (blank counts as none), no suggestion with one, na when disposed', () => {
    expect(result('I4', { owner: '' })).toBe('fail');
    expect(result('I4', { owner: '   ' })).toBe('fail');
    expect(result('I4', { owner: '李娜' })).toBeNull();
    expect(result('I4', { owner: '', status: 'disposed' })).toBe('na');
  });
});

describe('D1 idle or retired device live', () => {
  const outOfService: LifecycleStatus[] = [
    'idle',
    'offline',
    'decommissioning',
    'awaiting_sanitization',
    'sanitized',
    'disposed',
    'stored_spare',
  ];
  it('fails every out-of-service status that is connected and powered on or of unknown power', () => {
    for (const status of outOfService) {
      expect(result('D1', { status, network: net('connected'), power: 'on' }), status).toBe('fail');
      expect(result('D1', { status, network: net('connected'), power: 'unknown' }), status).toBe(
        'fail',
      );
    }
    expect(judge('D1', { status: 'idle', network: net('connected'), power: 'on' })?.reason).toEqual(
      {
        en: 'Status is idle, it is powered on and its network is connected',
        zh: '状态为“闲置”，但设备通电且网络已连接',
      },
    );
    expect(judge('D1', { status: 'idle', network: net('connected') })?.reason.en).toContain(
      'power not recorded',
    );
  });
  it('passes when powered off or disconnected', () => {
    expect(result('D1', { status: 'idle', network: net('connected'), power: 'off' })).toBe('pass');
    expect(
      result('D1', { status: 'decommissioning', network: net('disconnected'), power: 'on' }),
    ).toBe('pass');
    expect(result('D1', { status: 'idle', network: net('unknown'), power: 'off' })).toBe('pass');
  });
  it('gives no suggestion when the network state is unknown and power is not off', () => {
    expect(result('D1', { status: 'idle', network: net('unknown'), power: 'on' })).toBeNull();
  });
  it('is not applicable to devices in service, and left to the inspector for failed or missing', () => {
    expect(result('D1', { status: 'active', network: net('connected'), power: 'on' })).toBe('na');
    expect(result('D1', { status: 'planned', network: net('connected'), power: 'on' })).toBe('na');
    expect(result('D1', { status: 'failed', network: net('connected'), power: 'on' })).toBeNull();
    expect(result('D1', { status: 'missing', network: net('connected'), power: 'on' })).toBeNull();
  });
  it('covers every lifecycle status deliberately', () => {
    for (const status of LIFECYCLE_STATUSES) {
      const r = result('D1', { status, network: net('connected'), power: 'on' });
      expect(r, status).toBe(
        outOfService.includes(status)
          ? 'fail'
          : status === 'active' || status === 'planned'
            ? 'na'
            : null,
      );
    }
  });
});

describe('D2 idle longer than the policy period', () => {
  it('fails when idle for more than idlePolicyDays (default 90), with the figures in the reason', () => {
    const s = judge('D2', { status: 'idle', idleSince: '2025-12-14' }); // 91 days before today
    expect(s?.result).toBe('fail');
    expect(s?.reason.en).toContain('91 days');
    expect(s?.reason.en).toContain('90 days');
    expect(s?.reason.zh).toContain('91 天');
  });
  it('passes on the last day of the period and for shorter idleness', () => {
    expect(result('D2', { status: 'idle', idleSince: '2025-12-15' })).toBe('pass'); // exactly 90
    expect(result('D2', { status: 'idle', idleSince: '2026-03-15' })).toBe('pass');
  });
  it('respects a configured policy period', () => {
    const d = { status: 'idle' as const, idleSince: '2026-02-13' }; // 30 days
    expect(result('D2', d, { ...ctx, idlePolicyDays: 29 })).toBe('fail');
    expect(result('D2', d, { ...ctx, idlePolicyDays: 30 })).toBe('pass');
  });
  it('gives no suggestion without an idle-since date or with one in the future', () => {
    expect(result('D2', { status: 'idle', idleSince: null })).toBeNull();
    expect(result('D2', { status: 'idle', idleSince: '2026-04-01' })).toBeNull();
    expect(result('D2', { status: 'idle', idleSince: '2025-02-30' })).toBeNull();
  });
  it('is not applicable unless idle (a status change is the decision)', () => {
    expect(result('D2', { status: 'decommissioning', idleSince: '2020-01-01' })).toBe('na');
    expect(result('D2', { status: 'active' })).toBe('na');
  });
  it('flags a device recorded in use but not seen in use for longer than the period', () => {
    const unused = (date: string, source: 'login' | 'traffic' = 'login') => ({
      status: 'active' as const,
      lastSeen: { date, source },
    });
    const s = judge('D2', unused('2025-12-14')); // 91 days before today
    expect(s?.result).toBe('fail');
    expect(s?.reason.en).toContain('91 days');
    expect(s?.reason.en).toContain('last login 2025-12-14');
    expect(s?.reason.zh).toContain('最近登录');
    expect(judge('D2', unused('2025-12-14', 'traffic'))?.reason.en).toContain(
      'last network traffic',
    );
    // Within the period, in the future or not recorded: the status stands.
    expect(result('D2', unused('2025-12-15'))).toBe('na');
    expect(result('D2', unused('2026-04-01'))).toBe('na');
    expect(result('D2', { status: 'active', lastSeen: { date: null, source: 'unknown' } })).toBe(
      'na',
    );
    expect(result('D2', unused('2026-02-13'), { ...ctx, idlePolicyDays: 29 })).toBe('fail');
    // A decision taken (decommissioning) is not reopened by old traffic.
    expect(result('D2', { ...unused('2020-01-01'), status: 'decommissioning' })).toBe('na');
  });
  it('measures an idle device without an idle-since date from when it was last seen in use', () => {
    const d = { status: 'idle' as const, idleSince: null };
    expect(result('D2', { ...d, lastSeen: { date: '2025-12-14', source: 'traffic' } })).toBe(
      'fail',
    );
    expect(result('D2', { ...d, lastSeen: { date: '2026-03-01', source: 'login' } })).toBe('pass');
  });
});

describe('D3 decommissioning unplugged', () => {
  it('fails when connected, when the port is enabled, or both', () => {
    expect(
      judge('D3', { status: 'decommissioning', network: net('connected', 'no') })?.reason.en,
    ).toBe('Status is decommissioning and its network is connected');
    expect(
      judge('D3', { status: 'decommissioning', network: net('disconnected', 'yes') })?.reason.en,
    ).toBe('Status is decommissioning and its switch port is enabled');
    expect(
      result('D3', { status: 'awaiting_sanitization', network: net('connected', 'yes') }),
    ).toBe('fail');
  });
  it('passes only when both unplugged and the port disabled are recorded', () => {
    expect(result('D3', { status: 'decommissioning', network: net('disconnected', 'no') })).toBe(
      'pass',
    );
    expect(
      result('D3', { status: 'decommissioning', network: net('disconnected', 'unknown') }),
    ).toBeNull();
    expect(result('D3', { status: 'decommissioning', network: net('unknown', 'no') })).toBeNull();
  });
  it('is not applicable outside decommissioning', () => {
    expect(result('D3', { status: 'active', network: net('connected', 'yes') })).toBe('na');
    expect(result('D3', { status: 'idle', network: net('connected', 'yes') })).toBe('na');
  });
});

describe('D4 decommissioned records removed', () => {
  it('is not applicable to devices never decommissioned and left to the inspector otherwise', () => {
    expect(result('D4', { status: 'active' })).toBe('na');
    expect(result('D4', { status: 'stored_spare' })).toBe('na');
    expect(result('D4', { status: 'decommissioning' })).toBeNull();
    expect(result('D4', { status: 'disposed' })).toBeNull();
  });
});

describe('D5 platform administrator', () => {
  it('fails without an owner, no suggestion with one, na when disposed', () => {
    expect(result('D5', { type: 'nvr_vms', owner: '' })).toBe('fail');
    expect(result('D5', { type: 'nvr_vms', owner: 'Zhang Wei' })).toBeNull();
    expect(result('D5', { type: 'nvr_vms', owner: '', status: 'disposed' })).toBe('na');
  });
});

describe('D6 spare or retired kit stored', () => {
  it('is not applicable to devices in service and left to the inspector for spares', () => {
    expect(result('D6', { status: 'active' })).toBe('na');
    expect(result('D6', { status: 'decommissioning' })).toBe('na');
    expect(result('D6', { status: 'stored_spare' })).toBeNull();
    expect(result('D6', { status: 'sanitized' })).toBeNull();
  });
});

describe('N4 remote management', () => {
  const mi = (over: Partial<Device['managementInterfaces'][number]>) => ({
    kind: 'ipmi' as const,
    address: '10.9.0.12',
    enabled: 'yes' as const,
    isolated: 'yes' as const,
    credentialsChanged: 'yes' as const,
    ...over,
  });
  it('fails an enabled interface that is not isolated or keeps default credentials', () => {
    expect(judge('N4', { managementInterfaces: [mi({ isolated: 'no' })] })?.reason.en).toBe(
      'IPMI 10.9.0.12 is enabled and not isolated',
    );
    expect(
      judge('N4', { managementInterfaces: [mi({ credentialsChanged: 'no' })] })?.reason.en,
    ).toBe('IPMI 10.9.0.12 is enabled and its default credentials are unchanged');
    const both = judge('N4', {
      managementInterfaces: [
        mi({}),
        mi({ kind: 'idrac', address: '', isolated: 'no', credentialsChanged: 'no' }),
      ],
    });
    expect(both?.result).toBe('fail');
    expect(both?.reason.en).toBe(
      'iDRAC is enabled, not isolated, and its default credentials are unchanged',
    );
  });
  it('passes when every interface is disabled or isolated with changed credentials', () => {
    expect(
      result('N4', { managementInterfaces: [mi({}), mi({ enabled: 'no', isolated: 'no' })] }),
    ).toBe('pass');
  });
  it('gives no suggestion with nothing recorded or with unknowns', () => {
    expect(result('N4', { managementInterfaces: [] })).toBeNull();
    expect(result('N4', { managementInterfaces: [mi({ isolated: 'unknown' })] })).toBeNull();
    expect(
      result('N4', { managementInterfaces: [mi({ enabled: 'unknown', isolated: 'no' })] }),
    ).toBeNull();
  });
});

describe('C1 default credentials', () => {
  it('fails when not changed, passes when changed, nothing when unknown', () => {
    expect(result('C1', { credentials: creds({ defaultChanged: 'no' }) })).toBe('fail');
    expect(result('C1', { credentials: creds({ defaultChanged: 'yes' }) })).toBe('pass');
    expect(result('C1', { credentials: creds({ defaultChanged: 'unknown' }) })).toBeNull();
  });
});

describe('C2 stored credentials of a retired system', () => {
  it('fails a credential store that is idle, retired, shelved or missing', () => {
    for (const status of [
      'idle',
      'offline',
      'decommissioning',
      'awaiting_sanitization',
      'stored_spare',
      'missing',
    ] as const) {
      expect(
        result('C2', {
          type: 'nvr_vms',
          status,
          credentials: creds({ storesOtherCredentials: true }),
        }),
        status,
      ).toBe('fail');
    }
    expect(
      judge('C2', {
        type: 'nvr_vms',
        status: 'idle',
        credentials: creds({ storesOtherCredentials: true }),
      })?.reason.zh,
    ).toContain('存有其他设备的口令');
  });
  it('leaves an active or already sanitized store to the inspector', () => {
    for (const status of ['active', 'sanitized', 'disposed'] as const)
      expect(
        result('C2', {
          type: 'nvr_vms',
          status,
          credentials: creds({ storesOtherCredentials: true }),
        }),
        status,
      ).toBeNull();
  });
  it('is not applicable to a system storing no credentials, but says nothing for cameras', () => {
    expect(result('C2', { type: 'server', status: 'idle', credentials: creds({}) })).toBe('na');
    expect(result('C2', { type: 'ip_camera', status: 'idle', credentials: creds({}) })).toBeNull();
  });
});

describe('F1 end of support', () => {
  it('fails when support ended before today', () => {
    expect(judge('F1', { endOfSupport: '2026-03-14' })).toEqual({
      result: 'fail',
      reason: { en: 'Vendor support ended on 2026-03-14', zh: '厂商支持已于 2026-03-14 终止' },
    });
  });
  it('passes when support runs until today or later', () => {
    expect(result('F1', { endOfSupport: '2026-03-15' })).toBe('pass');
    expect(result('F1', { endOfSupport: '2030-01-01' })).toBe('pass');
  });
  it('gives no judgement when the date is unknown or not a real date', () => {
    expect(result('F1', { endOfSupport: null })).toBeNull();
    expect(result('F1', { endOfSupport: '2026-02-31' })).toBeNull();
  });
});

describe('F3 firmware recorded', () => {
  it('fails when version or date is missing and gives no suggestion when both are recorded', () => {
    expect(judge('F3', { firmwareVersion: '', firmwareDate: null })?.reason.en).toBe(
      'Firmware version and date not recorded',
    );
    expect(judge('F3', { firmwareVersion: ' ', firmwareDate: '2025-01-01' })?.reason.en).toBe(
      'Firmware version not recorded',
    );
    expect(judge('F3', { firmwareVersion: '7.1', firmwareDate: null })?.reason.en).toBe(
      'Firmware date not recorded',
    );
    expect(result('F3', { firmwareVersion: '7.1', firmwareDate: '2025-01-01' })).toBeNull();
  });
});

describe('M1 sanitization record', () => {
  it('fails a sanitized or disposed device without a record', () => {
    expect(result('M1', { status: 'sanitized' })).toBe('fail');
    expect(judge('M1', { status: 'disposed' })?.reason.en).toBe(
      'Status is disposed / destroyed but there is no sanitization record',
    );
  });
  it('fails an unverified record and passes a verified one', () => {
    expect(result('M1', { status: 'disposed', sanitization: record({ verifiedBy: ' ' }) })).toBe(
      'fail',
    );
    const s = judge('M1', { status: 'disposed', sanitization: record() });
    expect(s?.result).toBe('pass');
    expect(s?.reason.en).toBe(
      'Sanitization recorded: destroy on 2026-02-01, verified by Wang Fang',
    );
  });
  it('is not applicable in service and left to the inspector in between', () => {
    expect(result('M1', { status: 'active' })).toBe('na');
    expect(result('M1', { status: 'idle' })).toBe('na');
    expect(result('M1', { status: 'awaiting_sanitization' })).toBeNull();
    expect(result('M1', { status: 'failed' })).toBeNull();
  });
});

describe('M2 sanitization strength', () => {
  it('requires destroy for classified devices, purge for internal, anything for unclassified', () => {
    expect(
      result('M2', { classification: 'secret', sanitization: record({ method: 'purge' }) }),
    ).toBe('fail');
    expect(
      result('M2', { classification: 'confidential', sanitization: record({ method: 'clear' }) }),
    ).toBe('fail');
    expect(
      result('M2', { classification: 'top_secret', sanitization: record({ method: 'destroy' }) }),
    ).toBe('pass');
    expect(
      result('M2', { classification: 'internal', sanitization: record({ method: 'clear' }) }),
    ).toBe('fail');
    expect(
      result('M2', { classification: 'internal', sanitization: record({ method: 'purge' }) }),
    ).toBe('pass');
    expect(
      result('M2', { classification: 'unclassified', sanitization: record({ method: 'clear' }) }),
    ).toBe('pass');
    expect(
      judge('M2', { classification: 'secret', sanitization: record({ method: 'purge' }) })?.reason,
    ).toEqual({
      en: 'Sanitized by purge, but secret requires destroy',
      zh: '采用“净化”方式处理，但“机密”级要求“销毁”',
    });
  });
  it('is not applicable in service without a record, and left open for devices leaving', () => {
    expect(result('M2', { status: 'active' })).toBe('na');
    expect(result('M2', { status: 'disposed' })).toBeNull();
  });
});

describe('M4 embedded storage identified', () => {
  it('passes when storage is recorded (even none found), nothing otherwise', () => {
    const s = judge('M4', {
      type: 'ip_camera',
      media: [{ count: 1, kind: 'sd_card', serials: [] }],
    });
    expect(s?.result).toBe('pass');
    expect(s?.reason.en).toBe('Storage recorded: 1 × SD card');
    expect(
      result('M4', { type: 'printer_mfp', media: [{ count: 0, kind: 'hdd', serials: [] }] }),
    ).toBe('pass');
    expect(result('M4', { type: 'printer_mfp', media: [] })).toBeNull();
  });
});
