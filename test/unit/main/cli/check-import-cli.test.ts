import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { utils, write } from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../../main/cli/cli.ts';
import type { CliIo } from '../../../../main/cli/command.ts';
import { signReportPdf } from '../../../../main/report/create-signed-report.ts';
import { makeDemoAudit } from '../../../../shared/demo/demo-audit.ts';
import { serializeAuditBundle } from '../../../../shared/exchange/audit-bundle.ts';
import { testPki } from '../signing/support/pki.ts';
import { info, samplePdf } from '../signing/support/samples.ts';
import { encodeGb18030, utf16leWithBom } from '../../shared/import/helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'roomcheck-check-import-'));
const fixtures = new URL('../../../fixtures/import/', import.meta.url).pathname;

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, env: {} };
  const code = await main(['check-import', ...args], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every failure is one sentence on stderr: no stack frames, no "Error:" prefixes. */
function expectCleanFailure(
  r: { code: number; out: string; err: string },
  message: RegExp | string,
) {
  expect(r.code).toBe(3);
  expect(r.out).toBe('');
  expect(r.err.split('\n')).toHaveLength(1);
  expect(r.err).not.toMatch(/\n\s+at |Error:|TypeError|\.ts:\d+/);
  if (typeof message === 'string') expect(r.err).toBe(`roomcheck check-import: ${message}`);
  else expect(r.err).toMatch(message);
}

const snapshot = makeDemoAudit({ seed: 3, now: new Date('2024-06-01T00:00:00Z') });

describe('roomcheck check-import', () => {
  it('accepts a NetBox export: exit 0, profile and unmapped columns reported', async () => {
    const r = await run(join(fixtures, 'netbox-devices.csv'));
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'CSV, UTF-8, comma-separated; profile NetBox device export (recognised by role, device_type, site)',
    );
    expect(r.out).toContain('5 rows accepted, 0 rows rejected');
    expect(r.out).toContain(
      'Not imported (no matching field): "tenant", "platform", "face", "airflow", "tags"',
    );
  });

  it('--json prints format, encoding, accepted, rejected and records; exit 1 when rows are rejected', async () => {
    const path = file(
      'gbk.csv',
      encodeGb18030(
        '资产编号,IP地址,状态\nA-1,10.0.0.1,在用\nA-2,10.0.0.300,在用\nA-1,10.0.0.3,闲置\n',
      ),
    );
    const r = await run(path, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({
      format: 'csv',
      encoding: 'GB18030',
      accepted: 1,
      rejected: [
        { row: 3, column: 'IP地址', reason: '"10.0.0.300" is not a valid IPv4 or IPv6 address.' },
        {
          row: 4,
          column: '资产编号',
          reason: 'Asset tag "A-1" already appears in row 2; the later row is rejected.',
        },
      ],
      records: [{ row: 2, assetTag: 'A-1', ips: ['10.0.0.1'], status: 'active' }],
      unshowable: [],
    });
  });

  it('warns, row by row, about accepted names holding characters reports cannot show', async () => {
    const path = file(
      'unshowable.csv',
      'Asset tag,Name,Owner\nA-1,王堃 朱镕基 Łucja ễ ™,IT\nA-2,Cam 😀,𠀀 team\nA-3,Plain,IT\n',
    );
    const r = await run(path, '--profile', 'roomcheck');
    expect(r.code).toBe(0); // a warning, not a rejection: the report prints a substitute
    expect(r.out).toContain('3 rows accepted, 0 rows rejected');
    expect(r.out).toContain(
      '  Warning: row 3 holds 😀 (U+1F600), 𠀀 (U+20000): no report font has them, so reports print □ instead and list them in the appendix "Characters that could not be shown".',
    );
    expect(r.out).not.toMatch(/row 2 holds|row 4 holds/);
    const json = JSON.parse((await run(path, '--profile', 'roomcheck', '--json')).out) as {
      unshowable: unknown;
    };
    expect(json.unshowable).toEqual([{ row: 3, record: 'A-2 Cam 😀', characters: ['😀', '𠀀'] }]);
  });

  it('reads UTF-16 "Unicode text" and XLSX, honouring --profile and --date-order', async () => {
    const tsv = file('unicode.txt', utf16leWithBom('asset_tag\tend_of_support\nA-1\t03/05/2027\n'));
    const ambiguous = await run(tsv, '--json');
    expect(ambiguous.code).toBe(1);
    expect(JSON.parse(ambiguous.out).rejected[0].reason).toContain(
      'could be day/month or month/day',
    );
    const resolved = await run(tsv, '--json', '--date-order', 'dmy', '--profile', 'roomcheck');
    expect(resolved.code).toBe(0);
    expect(JSON.parse(resolved.out)).toMatchObject({
      encoding: 'UTF-16LE',
      records: [{ endOfSupport: '2027-05-03' }],
    });

    const wb = utils.book_new();
    utils.book_append_sheet(
      wb,
      utils.aoa_to_sheet([
        ['Asset Tag', 'Status Label', 'Category'],
        ['S-1', 'Deployed', 'Servers'],
      ]),
      'Assets',
    );
    const xlsx = file(
      'assets.xlsx',
      new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer),
    );
    const x = await run(xlsx, '--json');
    expect(x.code).toBe(0);
    expect(JSON.parse(x.out)).toEqual({
      format: 'xlsx',
      encoding: null,
      accepted: 1,
      rejected: [],
      records: [{ row: 2, assetTag: 'S-1', status: 'active', type: 'server' }],
      unshowable: [],
    });
  });

  it('accepts an audit export bundle and lists its devices', async () => {
    const r = await run(file('audit.json', serializeAuditBundle(snapshot)), '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({
      format: 'audit-bundle',
      encoding: 'UTF-8',
      accepted: snapshot.devices.length,
      rejected: [],
    });
    expect(report.records).toEqual(snapshot.devices);
  });

  it('refuses unreadable files with one sentence and exit 3, never a stack trace', async () => {
    const bundle = serializeAuditBundle(snapshot);
    const cases: [string, string | Uint8Array, RegExp | string][] = [
      [
        'truncated.json',
        bundle.slice(0, bundle.length / 2),
        'The file ends before its JSON is complete: it is truncated.',
      ],
      [
        'v2.json',
        bundle.replace('"formatVersion": 2', '"formatVersion": 3'),
        'This Roomcheck audit export file has format version 3; this version of Roomcheck reads version 2.',
      ],
      [
        'dup.json',
        bundle.replace('"formatVersion": 2', '"formatVersion": 2, "formatVersion": 2'),
        'The key "formatVersion" appears twice in $ (line 3, column 22); the file is ambiguous.',
      ],
      [
        'junk.csv',
        Uint8Array.from({ length: 5000 }, (_, i) => (i * 31 + 7) % 256),
        /holds binary data, not text/,
      ],
      [
        'quote.csv',
        'asset_tag,notes\nA-1,"never closed\nA-2,x\n',
        'Row 2: the quoted field that opens on line 2 is never closed (unterminated quote).',
      ],
      [
        'wide.csv',
        `${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',')}\n`,
        'Row 1 has 10000 columns; at most 1000 are supported.',
      ],
      [
        'noid.csv',
        'name,ip\nx,10.0.0.1\n',
        'No column is mapped to asset tag, serial number or MAC address, so no row could be matched to a device.',
      ],
      ['empty.csv', '', 'The file is empty.'],
    ];
    for (const [name, content, message] of cases) {
      expectCleanFailure(await run(file(name, content)), message);
    }
    expectCleanFailure(
      await run(join(dir, 'missing.csv')),
      /^roomcheck check-import: Cannot read file .*missing\.csv: no such file or no permission\.$/,
    );
    expectCleanFailure(await run(dir), /is not a file\.$/);
    expectCleanFailure(
      await run('a.csv', '--profile', 'excel'),
      '--profile must be one of auto, roomcheck, netbox, snipeit; not "excel".',
    );
    expectCleanFailure(
      await run('a.csv', '--bogus'),
      /^roomcheck check-import: Unknown option '--bogus'\. Run with --help for usage\.$/,
    );
    expectCleanFailure(await run(), 'Give exactly one file to check.');
  });

  it('refuses a file above 50 MB without reading it', async () => {
    const path = file('huge.csv', '');
    truncateSync(path, 50 * 1024 * 1024 + 1);
    expectCleanFailure(await run(path), /is 50\.0 MB; files above 50 MB are refused\.$/);
  });

  it('survives __proto__ and constructor headers and extremely long cells', async () => {
    const long = 'x'.repeat(1_000_000);
    const r = await run(
      file('proto.csv', `__proto__,constructor,asset_tag,notes\n{"a":1},x,A-1,${long}\n`),
      '--json',
    );
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).rejected).toEqual([
      {
        row: 2,
        column: 'notes',
        reason: 'The value is 1000000 characters long; this field holds at most 10000.',
      },
    ]);
    expect(({} as Record<string, unknown>).a).toBeUndefined();
  });

  it('accepts a saved mapping and refuses an invalid one', async () => {
    const mapping = {
      format: 'roomcheck.column-mapping',
      formatVersion: 1,
      name: 'CMDB',
      profile: 'roomcheck',
      columns: [
        { header: 'Kennung', field: 'assetTag' },
        { header: 'Adresse', field: 'ips' },
      ],
      dateOrder: null,
    };
    const csv = file('cmdb.csv', 'Kennung;Adresse\nK-1;10.0.0.1\n');
    const ok = await run(csv, '--mapping', file('mapping.json', JSON.stringify(mapping)), '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).records).toEqual([{ row: 2, assetTag: 'K-1', ips: ['10.0.0.1'] }]);
    const bad = await run(
      csv,
      '--mapping',
      file(
        'bad-mapping.json',
        JSON.stringify({ ...mapping, columns: [{ header: 'Adresse', field: 'ips' }] }),
      ),
    );
    expectCleanFailure(bad, /bad-mapping\.json: No column is mapped to asset tag/);
  });

  describe("signed report PDFs, verified with the app's verifier", () => {
    let pki: ReturnType<typeof testPki>;
    let signed: Uint8Array;
    beforeAll(async () => {
      pki = testPki();
      signed = (await signReportPdf(samplePdf(), snapshot, pki.ec, info())).bytes;
    }, 60_000);

    it('valid and trusted: exit 0 with the embedded devices', async () => {
      const r = await run(file('report.pdf', signed), '--trust', pki.caPath, '--json');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({
        format: 'pdf',
        encoding: null,
        accepted: snapshot.devices.length,
        rejected: [],
      });
    });

    it('signer not trusted: exit 2 (the app asks for confirmation)', async () => {
      const r = await run(file('untrusted.pdf', signed));
      expect(r.code).toBe(2);
      expect(r.out).toMatch(/signature INDETERMINATE: .*trust anchor/);
    });

    it('a changed signed byte: exit 1, rejected with the reason', async () => {
      const tampered = signed.slice();
      const at = Math.floor(tampered.length / 3);
      tampered[at] = tampered[at]! ^ 0x01;
      const r = await run(file('tampered.pdf', tampered), '--trust', pki.caPath, '--json');
      expect(r.code).toBe(1);
      const report = JSON.parse(r.out);
      expect(report).toMatchObject({ format: 'pdf', accepted: 0, records: [] });
      expect(report.rejected).toHaveLength(1);
      expect(report.rejected[0]).toMatchObject({ row: null, column: '' });
      expect(report.rejected[0].reason).toMatch(/changed|mismatch|invalid/i);
    });
  });
});
