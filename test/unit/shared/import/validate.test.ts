import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../shared/import/csv.ts';
import { autoMapping, type ColumnMapping } from '../../../../shared/import/mapping.ts';
import {
  formatImportMessage,
  ImportError,
  importMessageTemplate,
} from '../../../../shared/import/messages.ts';
import type { Sheet } from '../../../../shared/import/sheet.ts';
import { validateRows } from '../../../../shared/import/validate.ts';

const fixture = (name: string) =>
  parseCsv(readFileSync(new URL(`../../../fixtures/import/${name}`, import.meta.url), 'utf8'));

function run(
  csv: string,
  profile: 'auto' | 'roomcheck' = 'roomcheck',
  dateOrder: 'dmy' | 'mdy' | null = null,
) {
  const sheet = parseCsv(csv);
  const { mapping } = autoMapping(sheet.headers, profile);
  return validateRows(sheet, { ...mapping, dateOrder });
}

const byRow = (r: ReturnType<typeof run>) =>
  r.rejected.map(({ row, column, reason }) => ({ row, column, reason }));

describe('validateRows on realistic exports', () => {
  it('reads a Chinese inventory into typed, normalised values', () => {
    const sheet = fixture('roomcheck-inventory-zh.csv');
    const result = validateRows(sheet, autoMapping(sheet.headers, 'auto').mapping);
    expect(result.rejected).toEqual([]);
    // GZ-004's note spans two lines but is one spreadsheet row, so GZ-005 is row 6.
    expect(result.records.map((r) => r.row)).toEqual([2, 3, 4, 5, 6]);
    expect(result.records[0]!.values).toEqual({
      assetTag: 'GZ-001',
      name: '核心交换机',
      type: 'switch',
      manufacturer: '华为',
      model: 'S6730-H48X6C',
      serial: '2102351234AB',
      status: 'active',
      room: '三楼机房',
      rack: 'A01',
      positionU: 38,
      heightU: 2,
      ips: ['10.1.0.1'],
      macs: ['ac:85:3d:00:11:22'],
      owner: '张伟',
      department: '信息中心',
    });
    expect(result.records[1]!.values).toMatchObject({
      type: 'nvr_vms',
      status: 'idle',
      notes: '存有摄像机口令',
    });
    expect(result.records[3]!.values).toMatchObject({
      status: 'decommissioning',
      ips: ['10.1.0.20', '10.1.0.21'],
      macs: ['f8:bc:12:34:56:78'],
      notes: '硬盘待消磁\n见工单 2024-118',
    });
    expect(result.records[4]!.values).toMatchObject({ type: 'printer_mfp', status: 'offline' });
  });

  it('reads a NetBox export: roles as types, prefixes dropped, all IP columns joined', () => {
    const sheet = fixture('netbox-devices.csv');
    const result = validateRows(sheet, autoMapping(sheet.headers, 'auto').mapping);
    expect(result.rejected).toEqual([]);
    const [sw, fw, esx, nvr, spare] = result.records.map((r) => r.values);
    expect(sw).toMatchObject({
      name: 'core-sw-01',
      type: 'switch',
      model: 'Catalyst 9300-48P',
      site: 'Beijing HQ',
      room: 'Room 301',
      rack: 'R301-A',
      positionU: 40,
      ips: ['10.10.0.2', '2001:db8:10::2', '10.99.0.2'],
      notes: 'Core switch A\nUplinks to fw-01, fw-02',
    });
    expect(fw).toMatchObject({ type: 'firewall', status: 'active' });
    expect(esx).toMatchObject({
      type: 'virtualization_host',
      status: 'decommissioning',
      positionU: 20,
    });
    expect(nvr).toMatchObject({ type: 'nvr_vms', status: 'offline' });
    expect(spare).toMatchObject({ status: 'stored_spare', room: 'Room 301' });
    expect(spare!.rack).toBeUndefined();
  });

  it('reads a Snipe-IT export: categories, status labels, MAC notations, EOL dates', () => {
    const sheet = fixture('snipeit-assets.csv');
    const result = validateRows(sheet, autoMapping(sheet.headers, 'auto').mapping);
    expect(result.rejected).toEqual([]);
    expect(result.records.map((r) => r.values)).toEqual([
      expect.objectContaining({
        type: 'ip_camera',
        status: 'active',
        owner: 'Security Team',
        macs: ['44:19:b6:0a:1b:2c'],
        ips: ['192.168.50.21'],
        endOfSupport: '2028-01-15',
      }),
      expect.objectContaining({
        type: 'printer_mfp',
        status: 'stored_spare',
        macs: ['a0:d3:c1:ff:01:02'],
      }),
      expect.objectContaining({
        type: 'storage',
        status: 'decommissioning',
        macs: ['00:11:32:aa:bb:cc'],
        notes: 'Holds backups; must be wiped',
      }),
      expect.objectContaining({
        type: 'workstation',
        status: 'planned',
        model: 'HP EliteBook 840 G8',
      }),
    ]);
  });
});

describe('validateRows rejections', () => {
  it('names row, column and reason for each bad cell, and rejects the whole row', () => {
    const result = run(
      [
        'asset_tag,ip,mac,status,idle_since,position',
        'A-1,10.0.0.256,aa:bb:cc:dd:ee:ff,active,2024-03-05,12',
        'A-2,010.0.0.1,zz,sort of,2024-02-30,12.5',
        'A-3,10.0.0.3,,在用,03/05/2024,70',
      ].join('\n'),
    );
    expect(result.records).toEqual([]);
    expect(result.rejectedRows).toBe(3);
    expect(byRow(result)).toEqual([
      { row: 2, column: 'ip', reason: '"10.0.0.256" is not a valid IPv4 or IPv6 address.' },
      { row: 3, column: 'ip', reason: expect.stringContaining('leading zero') },
      { row: 3, column: 'mac', reason: expect.stringMatching(/^"zz" is not a MAC address/) },
      {
        row: 3,
        column: 'status',
        reason: expect.stringMatching(
          /^"sort of" is not a known lifecycle status; accepted: planned, active, idle/,
        ),
      },
      {
        row: 3,
        column: 'idle_since',
        reason: expect.stringMatching(/^"2024-02-30" is not a date/),
      },
      {
        row: 3,
        column: 'position',
        reason: '"12.5" is a half-U position; Roomcheck records whole rack units.',
      },
      {
        row: 4,
        column: 'idle_since',
        reason:
          '"03/05/2024" could be day/month or month/day; choose the date order for this import.',
      },
      { row: 4, column: 'position', reason: '"70" is not a whole number from 1 to 60.' },
    ]);
  });

  it('gives each reason in Chinese too', () => {
    const result = run('资产编号,状态\nA-1,乱写\n');
    expect(formatImportMessage(result.rejected[0]!.message, 'zh')).toBe(
      '“乱写”不是可识别的生命周期状态；可接受：计划中、在用、闲置、离线/已断开、退役中、待数据清除、已数据清除、已处置/已销毁、备件存放、缺失、故障。',
    );
  });

  it('rejects the later of two rows with the same asset tag, naming the earlier row', () => {
    const result = run('asset_tag,name\nA-1,first\nB-1,x\na-1,second\nA-1,third\n');
    expect(result.records.map((r) => r.row)).toEqual([2, 3]);
    expect(byRow(result)).toEqual([
      {
        row: 4,
        column: 'asset_tag',
        reason: 'Asset tag "a-1" already appears in row 2; the later row is rejected.',
      },
      {
        row: 5,
        column: 'asset_tag',
        reason: 'Asset tag "A-1" already appears in row 2; the later row is rejected.',
      },
    ]);
  });

  it('counts a multi-line quoted cell as one spreadsheet row in reasons', () => {
    const result = run('asset_tag,notes,ip\nA-1,"line 1\nline 2\nline 3",10.0.0.1\nA-2,x,bad\n');
    expect(byRow(result)).toEqual([
      { row: 3, column: 'ip', reason: '"bad" is not a valid IPv4 or IPv6 address.' },
    ]);
  });

  it('rejects rows with no identity, Excel errors, over-long cells and unnamed extra cells', () => {
    const long = 'x'.repeat(101);
    const result = run(
      `asset_tag,serial,name\n,,nameless\nA-2,#N/A,x\n${long},s,y\nA-4,s4,z,surplus\n`,
    );
    expect(byRow(result)).toEqual([
      {
        row: 2,
        column: '',
        reason:
          'The row has no asset tag, serial number or MAC address, so it cannot be matched to a device.',
      },
      {
        row: 3,
        column: 'serial',
        reason: '"#N/A" is an Excel error value, not data; fix the formula in the source sheet.',
      },
      {
        row: 4,
        column: 'asset_tag',
        reason: 'The value is 101 characters long; this field holds at most 100.',
      },
      {
        row: 5,
        column: '',
        reason: expect.stringMatching(/^The row has values in 1 columns beyond/),
      },
    ]);
  });

  it('rejects a/b/yyyy dates in a column that mixes day-first and month-first rows', () => {
    const result = run(
      'asset_tag,end_of_support\nA-1,25/12/2027\nA-2,12/25/2027\nA-3,2027-12-25\nA-4,01/01/2028\n',
    );
    expect(result.records.map((r) => r.row)).toEqual([4, 5]);
    expect(byRow(result)).toEqual([
      {
        row: 2,
        column: 'end_of_support',
        reason: expect.stringContaining('day-first dates (row 2) and month-first dates (row 3)'),
      },
      {
        row: 3,
        column: 'end_of_support',
        reason: expect.stringContaining('day-first dates (row 2) and month-first dates (row 3)'),
      },
    ]);
  });

  it('resolves a/b/yyyy by the declared order, rejecting values that contradict it', () => {
    const result = run(
      'asset_tag,end_of_support\nA-1,03/05/2027\nA-2,12/25/2027\n',
      'roomcheck',
      'dmy',
    );
    expect(result.records).toEqual([
      { row: 2, values: { assetTag: 'A-1', endOfSupport: '2027-05-03' } },
    ]);
    expect(byRow(result)).toEqual([
      {
        row: 3,
        column: 'end_of_support',
        reason: '"12/25/2027" is not a valid date in the chosen order (day/month/year).',
      },
    ]);
  });

  it('rejects a single-valued field fed twice with different values', () => {
    const result = run('asset_tag,serial,Serial\nA-1,S1,S1\nA-2,S2,S3\n');
    expect(result.records.map((r) => r.row)).toEqual([2]);
    expect(byRow(result)).toEqual([
      {
        row: 3,
        column: 'Serial',
        reason: 'The column "Serial" appears more than once with different values in this row.',
      },
    ]);
  });

  it('takes a position range as position and height, and checks it against the height', () => {
    const result = run('asset_tag,position,height_u\nA-1,U10-U12,\nA-2,10-12,3\nA-3,10-12,2\n');
    expect(result.records.map((r) => r.values)).toEqual([
      { assetTag: 'A-1', positionU: 10, heightU: 3 },
      { assetTag: 'A-2', positionU: 10, heightU: 3 },
    ]);
    expect(byRow(result)).toEqual([
      {
        row: 4,
        column: 'position',
        reason: 'The position "10-12" spans 3 U but the height column says 2 U.',
      },
    ]);
  });

  it('strips the apostrophe Roomcheck exports put before formula-like text', () => {
    const result = run("asset_tag,name\nA-1,'=HYPERLINK(1)\nA-2,'-minus\n");
    expect(result.records.map((r) => r.values.name)).toEqual(['=HYPERLINK(1)', '-minus']);
  });

  it('refuses a file in which no identity column is present', () => {
    const sheet = parseCsv('name,ip\nx,10.0.0.1\n');
    const { mapping } = autoMapping(['asset_tag', 'name', 'ip'], 'roomcheck');
    expect(() => validateRows(sheet, mapping)).toThrow(ImportError);
    expect(() => validateRows(sheet, mapping)).toThrow(
      /No column is mapped to asset tag, serial number or MAC address/,
    );
  });
});

describe('validateRows fuzz', () => {
  const mapping: ColumnMapping = autoMapping(
    [
      'asset_tag',
      'serial',
      'ip',
      'mac',
      'status',
      'device_type',
      'position',
      'height_u',
      'idle_since',
      'stores_other_credentials',
      'notes',
      'notes 2',
    ],
    'roomcheck',
  ).mapping;
  mapping.columns = mapping.columns.map((c) =>
    c.header === 'notes 2' ? { ...c, field: 'notes' } : c,
  );

  const cell = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom(
      '',
      'A-1',
      'a-1',
      '10.0.0.1',
      '::1',
      'aa:bb:cc:dd:ee:ff',
      '在用',
      'server',
      '12',
      '1-3',
      '2024/3/5',
      '03/05/2024',
      '13/05/2024',
      '05/13/2024',
      'yes',
      '#N/A',
      "'=1",
      '__proto__',
      'constructor',
    ),
  );

  it('accounts for every row exactly once and never throws for any cell content', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 0, maxLength: 14 }), { maxLength: 25 }),
        fc.constantFrom<'dmy' | 'mdy' | null>(null, 'dmy', 'mdy'),
        (rows, dateOrder) => {
          const sheet: Sheet = {
            headers: mapping.columns.map((c) => c.header).slice(0, 12),
            headerRow: 1,
            rows: rows.map((cells, i) => ({ row: i + 2, cells })),
          };
          const result = validateRows(sheet, { ...mapping, dateOrder });
          const accepted = new Set(result.records.map((r) => r.row));
          const rejected = new Set(result.rejected.map((r) => r.row));
          expect(result.rejectedRows).toBe(rejected.size);
          expect(accepted.size + rejected.size).toBe(rows.length);
          for (const row of accepted) expect(rejected.has(row)).toBe(false);
          for (const issue of result.rejected) {
            expect(issue.reason).toBe(formatImportMessage(issue.message, 'en'));
            const template = importMessageTemplate(issue.message.code);
            for (const [, name] of `${template.en}${template.zh}`.matchAll(/\{(\w+)\}/g)) {
              expect(Object.hasOwn(issue.message.params, name!)).toBe(true);
            }
          }
          for (const { values } of result.records) {
            expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
            expect(values.assetTag ?? values.serial ?? values.macs).toBeDefined();
          }
        },
      ),
      { numRuns: 120 },
    );
  });
});
