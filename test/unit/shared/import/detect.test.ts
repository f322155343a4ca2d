import { readFileSync } from 'node:fs';
import { utils, write } from '@e965/xlsx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDemoAudit } from '../../../../shared/demo/demo-audit.ts';
import { serializeAuditBundle } from '../../../../shared/exchange/audit-bundle.ts';
import { serializeBackup } from '../../../../shared/exchange/backup.ts';
import { MAX_IMPORT_BYTES, parseImportFile } from '../../../../shared/import/detect.ts';
import { ImportError } from '../../../../shared/import/messages.ts';
import { sha256 } from './arbitraries.ts';
import { encodeGb18030, utf16leWithBom, utf8, utf8WithBom } from './helpers.ts';
import { storedZip } from './zip-builder.ts';

const options = { sha256 };
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../fixtures/import/${name}`, import.meta.url)));

async function refusal(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return err as ImportError;
  }
  throw new Error('expected the file to be refused');
}

const zhCsv = [
  '资产编号,名称,类型,状态,机房,IP地址',
  'GZ-001,核心交换机,交换机,在用,三楼机房,10.1.0.1',
  'GZ-002,录像机,硬盘录像机,闲置,三楼机房,10.2.0.10',
].join('\r\n');

describe('parseImportFile recognises formats by content', () => {
  it.each([
    ['UTF-8 without BOM', utf8(zhCsv), 'utf-8', false, ','],
    ['UTF-8 with BOM (Excel "CSV UTF-8")', utf8WithBom(zhCsv), 'utf-8', true, ','],
    ['GB18030 (Chinese Excel "CSV")', encodeGb18030(zhCsv), 'gb18030', false, ','],
    [
      'UTF-16LE tab-separated (Excel "Unicode text")',
      utf16leWithBom(zhCsv.replaceAll(',', '\t')),
      'utf-16le',
      true,
      '\t',
    ],
    ['semicolons', utf8(zhCsv.replaceAll(',', ';')), 'utf-8', false, ';'],
  ] as const)('reads a Chinese inventory CSV in %s', async (_, bytes, encoding, bom, delimiter) => {
    const file = await parseImportFile('inventory.csv', bytes, options);
    expect(file).toMatchObject({ format: 'csv', encoding, bom, delimiter });
    if (file.format !== 'csv') return;
    expect(file.auto?.detection.profile).toBe('roomcheck');
    expect(file.validation.rejected).toEqual([]);
    expect(file.validation.records.map((r) => r.values)).toEqual([
      {
        assetTag: 'GZ-001',
        name: '核心交换机',
        type: 'switch',
        status: 'active',
        room: '三楼机房',
        ips: ['10.1.0.1'],
      },
      {
        assetTag: 'GZ-002',
        name: '录像机',
        type: 'nvr_vms',
        status: 'idle',
        room: '三楼机房',
        ips: ['10.2.0.10'],
      },
    ]);
  });

  it('reads the committed NetBox and Snipe-IT fixtures with their profiles', async () => {
    const netbox = await parseImportFile('devices.csv', fixture('netbox-devices.csv'), options);
    expect(netbox.format === 'csv' && netbox.auto?.detection.profile).toBe('netbox');
    expect(netbox.format === 'csv' && netbox.validation.records).toHaveLength(5);
    const snipe = await parseImportFile('assets.csv', fixture('snipeit-assets.csv'), {
      ...options,
      profile: 'snipeit',
    });
    expect(snipe.format === 'csv' && snipe.mapping.profile).toBe('snipeit');
    expect(snipe.format === 'csv' && snipe.validation.records).toHaveLength(4);
  });

  it('reads an XLSX whatever its file name says', async () => {
    const wb = utils.book_new();
    utils.book_append_sheet(
      wb,
      utils.aoa_to_sheet([
        ['asset_tag', 'status'],
        ['X-1', '在用'],
      ]),
      'S',
    );
    const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const file = await parseImportFile('inventory.csv', bytes, options);
    expect(file).toMatchObject({ format: 'xlsx', encoding: null });
    expect(file.format === 'xlsx' && file.validation.records[0]!.values).toEqual({
      assetTag: 'X-1',
      status: 'active',
    });
  });

  it('reads audit exports and backups, and hands PDFs to the verifier', async () => {
    const snapshot = makeDemoAudit({ seed: 1, now: new Date('2024-06-01T00:00:00Z') });
    const bundle = await parseImportFile(
      'audit.json',
      utf8(serializeAuditBundle(snapshot)),
      options,
    );
    expect(bundle.format === 'audit-bundle' && bundle.snapshot).toEqual(snapshot);
    const backupText = serializeBackup({
      createdAt: '2024-06-01T00:00:00.000Z',
      app: { name: 'Roomcheck', version: '0.1.0' },
      databaseVersion: 3,
      tables: {
        settings: [],
        templates: [],
        sites: [snapshot.site],
        rooms: snapshot.rooms,
        racks: [],
        devices: [],
        audits: [],
        answers: [],
        findings: [],
        reconciliations: [],
        evidence: [],
        auditRecords: [],
        importLog: [],
        auditScopes: [],
        findingEvents: [],
      },
    });
    const backup = await parseImportFile('backup.json', utf8WithBom(backupText), options);
    expect(backup.format === 'backup' && backup.backup.tables.rooms).toEqual(snapshot.rooms);
    const pdf = utf8('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n');
    expect(await parseImportFile('report.pdf', pdf, options)).toEqual({
      format: 'pdf',
      encoding: null,
      bytes: pdf,
    });
  });
});

describe('parseImportFile refuses what it cannot read, with one sentence each', () => {
  it('a file above 50 MB, before reading it', async () => {
    // "Before reading it": the refusal may ask for the size and nothing else. Any other access
    // (an index, a slice, a decoder) is recorded, so reading even the first bytes fails here.
    const touched: PropertyKey[] = [];
    const unread = (size: number) =>
      new Proxy(new Uint8Array(size), {
        get(target, key) {
          if (key !== 'length' && key !== 'byteLength') touched.push(key);
          const value: unknown = Reflect.get(target, key, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    const e = await refusal(parseImportFile('big.csv', unread(MAX_IMPORT_BYTES + 1), options));
    expect(e.message).toBe(
      'The file is 52428801 bytes; files above 50 MB (52428800 bytes) are refused.',
    );
    expect(
      (await refusal(parseImportFile('big.csv', unread(60 * 1024 * 1024), options))).message,
    ).toBe('The file is 60 MB; files above 50 MB are refused.');
    expect(touched).toEqual([]);
  });

  it('an empty file', async () => {
    expect((await refusal(parseImportFile('e.csv', new Uint8Array(), options))).message).toBe(
      'The file is empty.',
    );
    expect((await refusal(parseImportFile('e.csv', utf8('  \r\n'), options))).message).toBe(
      'The file is empty.',
    );
  });

  it('binary junk, images and executables', async () => {
    const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    for (const bytes of [
      junk,
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]),
    ]) {
      const e = await refusal(parseImportFile('thing.csv', bytes, options));
      expect(e.message).toBe(
        '"thing.csv" holds binary data, not text, and is not an XLSX workbook or PDF: it cannot be read as any supported format.',
      );
    }
  });

  it('an old .xls or encrypted workbook, a ZIP that is not a workbook, foreign JSON', async () => {
    const cfb = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await refusal(parseImportFile('old.xls', cfb, options))).detail.code).toBe(
      'legacy_xls',
    );
    const zip = storedZip([{ name: 'word/document.xml', data: utf8('<w/>') }]);
    expect((await refusal(parseImportFile('doc.docx', zip, options))).detail.code).toBe(
      'zip_not_xlsx',
    );
    expect(
      (await refusal(parseImportFile('x.json', utf8('{"format": "something.else"}'), options)))
        .message,
    ).toBe(
      '"x.json" cannot be read as any supported format (CSV or tab-separated text, XLSX, Roomcheck audit export or backup, Roomcheck report PDF).',
    );
  });

  it('never fails with anything but an ImportError, whatever the bytes', async () => {
    const prefixes = [
      [],
      [0x25, 0x50, 0x44, 0x46, 0x2d],
      [0x50, 0x4b, 0x03, 0x04],
      [0xef, 0xbb, 0xbf],
      [0xff, 0xfe],
      [0x7b, 0x22],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...prefixes),
        fc.uint8Array({ maxLength: 200 }),
        async (prefix, rest) => {
          try {
            await parseImportFile('f', Uint8Array.from([...prefix, ...rest]), options);
          } catch (err) {
            expect(err).toBeInstanceOf(ImportError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
