import { describe, expect, it } from 'vitest';
import { DeviceSchema } from '../../../../shared/domain/schemas.ts';
import { checkDateInput } from '../../../../shared/inventory/date-input.ts';
import {
  emptySanitization,
  fromFormValues,
  sanitizationRelevant,
  toFormValues,
  type DeviceFormContext,
  type DeviceFormValues,
} from '../../../../shared/inventory/device-form.ts';
import { makeDevice } from '../domain/fixtures.ts';

const TODAY = '2026-03-10';
const ctx: DeviceFormContext = { today: TODAY, rackHeightU: 42 };

function form(overrides: Partial<DeviceFormValues> = {}): DeviceFormValues {
  return { ...toFormValues(makeDevice({ name: 'NVR-01' })), ...overrides };
}

function errorsOf(values: DeviceFormValues, context = ctx) {
  const result = fromFormValues(values, context);
  if (result.ok) throw new Error('expected the form to be refused');
  return result.errors;
}

describe('checkDateInput', () => {
  it('treats an empty field as not recorded', () => {
    expect(checkDateInput('  ')).toEqual({ ok: true, value: null });
  });
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-3-5', '2024-03-05'],
    ['2024/03/05', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024-02-29', '2024-02-29'],
  ])('accepts %s as %s', (raw, value) => {
    expect(checkDateInput(raw)).toEqual({ ok: true, value });
  });
  it('refuses what is not a date, days that do not exist and future facts', () => {
    expect(checkDateInput('05/03/2024')).toEqual({ ok: false, problem: 'date_format' });
    expect(checkDateInput('yesterday')).toEqual({ ok: false, problem: 'date_format' });
    expect(checkDateInput('2025-02-29')).toEqual({ ok: false, problem: 'date_unreal' });
    expect(checkDateInput('2025-13-01')).toEqual({ ok: false, problem: 'date_unreal' });
    expect(checkDateInput('2026-03-11', TODAY)).toEqual({ ok: false, problem: 'date_future' });
    expect(checkDateInput('2026-03-10', TODAY)).toEqual({ ok: true, value: '2026-03-10' });
  });
});

describe('device form', () => {
  it('round-trips a fully recorded device unchanged', () => {
    const device = makeDevice({
      name: '视频监控平台服务器',
      rackId: 'rack-1',
      positionU: 10,
      heightU: 2,
      ips: ['10.0.0.5', '2001:db8::5'],
      macs: ['00:1a:2b:3c:4d:5e'],
      idleSince: '2023-01-01',
      firmwareDate: '2021-06-30',
      endOfSupport: '2027-01-01',
      credentials: {
        defaultChanged: 'no',
        unique: 'no',
        lastRotated: '2022-01-01',
        storesOtherCredentials: true,
      },
      network: {
        state: 'connected',
        switchName: 'SW-3',
        switchPort: 'Gi1/0/12',
        portEnabled: 'yes',
      },
      managementInterfaces: [
        {
          kind: 'ipmi',
          address: '10.0.1.5',
          enabled: 'yes',
          isolated: 'no',
          credentialsChanged: 'unknown',
        },
      ],
      media: [{ count: 4, kind: 'hdd', serials: ['WD-1', 'WD-2'] }],
      status: 'awaiting_sanitization',
      sanitization: {
        method: 'destroy',
        tool: 'Shredder',
        verifiedBy: '王五',
        witness: 'Li',
        date: '2026-01-05',
        certificateId: 'C-1',
        destination: 'Vendor',
      },
      notes: 'Under desk',
    });
    const result = fromFormValues(toFormValues(device), ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { id, siteId, roomId, firstSeenAuditId, createdAt, updatedAt, ...fields } = device;
    void [id, siteId, roomId, firstSeenAuditId, createdAt, updatedAt];
    expect(result.fields).toEqual(fields);
    expect(DeviceSchema.safeParse({ ...device, ...result.fields }).success).toBe(true);
  });

  it('requires a name', () => {
    expect(errorsOf(form({ name: '  ' }))).toEqual({ name: { code: 'required' } });
  });

  it('names the bad IP address and the reason', () => {
    expect(errorsOf(form({ ips: '10.0.0.5\n10.0.0.300' })).ips).toEqual({
      code: 'ip_invalid',
      value: '10.0.0.300',
    });
    expect(errorsOf(form({ ips: '10.0.0.5/24' })).ips).toEqual({
      code: 'ip_prefix',
      value: '10.0.0.5/24',
    });
    expect(errorsOf(form({ ips: '10.0.0.5, 10.0.0.5' })).ips).toEqual({
      code: 'ip_duplicate',
      value: '10.0.0.5',
    });
  });

  it('normalises MACs and refuses bad or repeated ones', () => {
    const ok = fromFormValues(form({ macs: '001a.2b3c.4d5e' }), ctx);
    expect(ok.ok && ok.fields.macs).toEqual(['00:1a:2b:3c:4d:5e']);
    expect(errorsOf(form({ macs: '00:1A:2B:3C:4D' })).macs).toEqual({
      code: 'mac_invalid',
      value: '00:1A:2B:3C:4D',
    });
    expect(errorsOf(form({ macs: '00:1a:2b:3c:4d:5e 001A2B3C4D5E' })).macs).toEqual({
      code: 'mac_duplicate',
      value: '001A2B3C4D5E',
    });
  });

  it('checks every date field', () => {
    const errors = errorsOf(
      form({
        idleSince: '2026-02-30',
        firmwareDate: 'last year',
        endOfSupport: '2030-01-01',
        credentials: { ...form().credentials, lastRotated: '2027-01-01' },
      }),
    );
    expect(errors).toEqual({
      idleSince: { code: 'date_unreal' },
      firmwareDate: { code: 'date_format' },
      'credentials.lastRotated': { code: 'date_future' },
    });
  });

  it('keeps the U position within the rack', () => {
    const inRack = { rackId: 'rack-1' };
    expect(errorsOf(form({ ...inRack, positionU: '42', heightU: '2' })).positionU).toEqual({
      code: 'position_outside_rack',
      rackHeight: 42,
    });
    const top = fromFormValues(form({ ...inRack, positionU: '41', heightU: '2' }), ctx);
    expect(top.ok && top.fields.positionU).toBe(41);
    expect(errorsOf(form({ ...inRack, positionU: '0' })).positionU).toEqual({
      code: 'whole_number',
      min: 1,
      max: 60,
    });
    expect(errorsOf(form({ ...inRack, positionU: '3.5' })).positionU?.code).toBe('whole_number');
    expect(
      errorsOf(form({ positionU: '5' }), { today: TODAY, rackHeightU: null }).positionU,
    ).toEqual({
      code: 'position_without_rack',
    });
    expect(errorsOf(form({ heightU: '' })).heightU?.code).toBe('whole_number');
  });

  it('requires a date on a sanitization record and validates the media counts', () => {
    const errors = errorsOf(
      form({
        sanitization: emptySanitization(),
        media: [{ count: '-1', kind: 'ssd', serials: '' }],
      }),
    );
    expect(errors['sanitization.date']).toEqual({ code: 'required' });
    expect(errors['media.0.count']).toEqual({ code: 'whole_number', min: 0, max: 10_000 });
  });

  it('reports lengths from the domain schema on the field they belong to', () => {
    const errors = errorsOf(
      form({
        assetTag: 'x'.repeat(101),
        ips: Array(65)
          .fill(0)
          .map((_, i) => `10.0.0.${i}`)
          .join('\n'),
      }),
    );
    expect(errors.assetTag).toEqual({ code: 'too_long', max: 100 });
    expect(errors.ips).toEqual({ code: 'too_many', max: 64 });
  });

  it('shows the sanitization section when the status calls for it or a record exists', () => {
    expect(sanitizationRelevant('awaiting_sanitization', false)).toBe(true);
    expect(sanitizationRelevant('active', false)).toBe(false);
    expect(sanitizationRelevant('active', true)).toBe(true);
  });
});
