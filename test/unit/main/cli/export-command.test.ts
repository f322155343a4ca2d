import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { read, utils } from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../../main/cli/cli.ts';
import type { CliIo } from '../../../../main/cli/command.ts';
import { signReportPdf } from '../../../../main/report/create-signed-report.ts';
import { serializeAuditBundle } from '../../../../shared/exchange/audit-bundle.ts';
import { stigSourceFromSnapshot } from '../../../../shared/stig/audit-source.ts';
import { readChecklistFile } from '../../../../shared/stig/read-checklist.ts';
import { answersFromChecklist } from '../../../../shared/stig/round-trip.ts';
import { testPki } from '../signing/support/pki.ts';
import { info, samplePdf } from '../signing/support/samples.ts';
import {
  cklbValidator,
  CORPUS,
  demoSnapshot,
  STIG_FIXTURES,
  xmllintMissing,
  xmllintXsd,
} from '../../shared/stig/support.ts';

// `roomcheck export` and `roomcheck check-import` with STIG checklists, run in-process through
// the CLI's main(): exit codes, one-sentence failures, and files judged by DISA's schemas and
// read back by the importer.

const dir = mkdtempSync(join(tmpdir(), 'roomcheck-export-'));
const snapshot = demoSnapshot();
const auditPath = join(dir, 'audit.json');
writeFileSync(auditPath, `${JSON.stringify(snapshot, null, 1)}\n`);

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, env: {} };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function expectCleanFailure(
  r: { code: number; out: string; err: string },
  code: number,
  message: RegExp,
) {
  expect(r.code).toBe(code);
  expect(r.out).toBe('');
  expect(r.err.split('\n')).toHaveLength(1);
  expect(r.err).not.toMatch(/\n\s+at |Error:|\.ts:\d+/);
  expect(r.err).toMatch(message);
}

const checklistCount = snapshot.devices.length + snapshot.audit.roomIds.length;

describe('roomcheck export', () => {
  it('writes one schema-valid .cklb per device and room into a new folder, which round-trips', async () => {
    const r = await run('export', 'audit.json', '--format', 'cklb', '--out', 'out/cklb');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      `${checklistCount} checklists (.cklb) written to ${join(dir, 'out/cklb')}: 4 rooms, ${snapshot.devices.length} devices.`,
    );
    const files = readdirSync(join(dir, 'out/cklb'));
    expect(files).toHaveLength(checklistCount);
    const validate = cklbValidator();
    const source = stigSourceFromSnapshot(snapshot);
    for (const name of files) {
      const bytes = readFileSync(join(dir, 'out/cklb', name));
      expect(validate(JSON.parse(bytes.toString('utf8'))), name).toBe(true);
      expect(answersFromChecklist(readChecklistFile(bytes), source).problems).toEqual([]);
    }
  });

  const skipXsd = xmllintMissing();
  if (skipXsd) console.warn(`[export CLI] XSD check skipped: ${skipXsd}`);
  it('writes .ckl files that validate against the XSD, in Chinese when asked', async () => {
    const r = await run('export', 'audit.json', '--format', 'ckl', '--out', 'ckl', '--lang', 'zh');
    expect(r.code).toBe(0);
    const files = readdirSync(join(dir, 'ckl'));
    expect(files).toHaveLength(checklistCount);
    const texts = files.map((name) => ({
      name,
      text: readFileSync(join(dir, 'ckl', name), 'utf8'),
    }));
    expect(texts[0]!.text).toMatch(/<!-- Roomcheck \d+\.\d+\.\d+ -->/);
    expect(texts[0]!.text).toContain('<ATTRIBUTE_DATA>检查');
    if (!skipXsd) expect(xmllintXsd(texts)).toBe('');
  });

  it('reads an audit export bundle as well as a bare snapshot', async () => {
    writeFileSync(join(dir, 'bundle.json'), serializeAuditBundle(snapshot));
    const r = await run('export', 'bundle.json', '--format', 'poam-csv', '--out', 'poam.csv');
    expect(r.code).toBe(0);
    const open = snapshot.findings.filter(
      (f) => f.status === 'open' || f.status === 'in_remediation',
    );
    expect(r.out).toBe(
      `POA&M of ${open.length} open findings written to ${join(dir, 'poam.csv')}.`,
    );
    const text = readFileSync(join(dir, 'poam.csv'), 'utf8');
    expect(text.startsWith('\uFEFFPOA&M Item ID,Control Vulnerability Description,')).toBe(true);
  });

  it('writes the POA&M as XLSX with the headers in row 7 and the office asked for', async () => {
    const r = await run(
      'export',
      'audit.json',
      '--format',
      'poam-xlsx',
      '--out',
      'poam.xlsx',
      '--office',
      'ISSO, Data Bureau',
    );
    expect(r.code).toBe(0);
    const book = read(readFileSync(join(dir, 'poam.xlsx')), { type: 'buffer' });
    const rows = utils.sheet_to_json<string[]>(book.Sheets['POA&M']!, {
      header: 1,
      blankrows: true,
    });
    expect(rows[6]![0]).toBe('POA&M Item ID');
    expect(rows[7]![3]).toBe('ISSO, Data Bureau');
  });

  describe('from a signed report, verified first', () => {
    let pki: ReturnType<typeof testPki>;
    beforeAll(async () => {
      pki = testPki();
      const signed = (await signReportPdf(samplePdf(), snapshot, pki.ec, info())).bytes;
      writeFileSync(join(dir, 'report.pdf'), signed);
      const tampered = signed.slice();
      const at = Math.floor(tampered.length / 3);
      tampered[at] = tampered[at]! ^ 0x01;
      writeFileSync(join(dir, 'tampered.pdf'), tampered);
    }, 60_000);

    it('trusted: exit 0; signer not trusted: written, with a warning and exit 2', async () => {
      const trusted = await run(
        'export',
        'report.pdf',
        '--trust',
        pki.caPath,
        '--format',
        'cklb',
        '--out',
        'from-pdf',
      );
      expect(trusted.err).toBe('');
      expect(trusted.code).toBe(0);
      expect(readdirSync(join(dir, 'from-pdf'))).toHaveLength(checklistCount);
      const untrusted = await run(
        'export',
        'report.pdf',
        '--format',
        'poam-csv',
        '--out',
        'pdf-poam.csv',
      );
      expect(untrusted.code).toBe(2);
      expect(untrusted.err).toMatch(/^roomcheck export: warning: .*trust anchor/);
      expect(untrusted.out).toMatch(/^POA&M of \d+ open findings written to /);
    });

    it('an invalid signature: refused, nothing written, exit 1', async () => {
      const r = await run(
        'export',
        'tampered.pdf',
        '--trust',
        pki.caPath,
        '--format',
        'cklb',
        '--out',
        'never',
      );
      expectCleanFailure(
        r,
        1,
        /^roomcheck export: refused: tampered\.pdf is not a valid signed report\./,
      );
      expect(readdirSync(dir)).not.toContain('never');
    });
  });

  it('says in one sentence what is wrong with the command line or the input', async () => {
    expectCleanFailure(
      await run('export', 'audit.json', '--out', 'x'),
      3,
      /Choose the format with --format cklb\|ckl\|poam-csv\|poam-xlsx\.$/,
    );
    expectCleanFailure(
      await run('export', 'audit.json', '--format', 'xml', '--out', 'x'),
      3,
      /; not "xml"\.$/,
    );
    expectCleanFailure(await run('export', 'audit.json', '--format', 'ckl'), 3, /--out DIR\.$/);
    expectCleanFailure(
      await run('export', 'audit.json', '--format', 'poam-csv'),
      3,
      /--out FILE\.$/,
    );
    expectCleanFailure(
      await run('export', 'audit.json', '--format', 'ckl', '--out', 'x', '--lang', 'fr'),
      3,
      /--lang must be en or zh/,
    );
    expectCleanFailure(
      await run('export', 'audit.json', '--format', 'cklb', '--out', 'poam.csv'),
      3,
      /poam\.csv is a file; give a folder/,
    );
    mkdirSync(join(dir, 'a-folder'), { recursive: true });
    expectCleanFailure(
      await run('export', 'audit.json', '--format', 'poam-csv', '--out', 'a-folder'),
      3,
      /a-folder is a directory/,
    );
    writeFileSync(join(dir, 'other.json'), '{"format":"something.else"}');
    expectCleanFailure(
      await run('export', 'other.json', '--format', 'cklb', '--out', 'y'),
      3,
      /other\.json is not a Roomcheck audit/,
    );
    writeFileSync(
      join(dir, 'broken.json'),
      '{"format":"roomcheck.audit-snapshot","formatVersion":1,',
    );
    expectCleanFailure(
      await run('export', 'broken.json', '--format', 'cklb', '--out', 'y'),
      3,
      /broken\.json: The file ends before its JSON is complete/,
    );
    expectCleanFailure(
      await run('export', 'missing.json', '--format', 'cklb', '--out', 'y'),
      3,
      /Cannot read audit file missing\.json/,
    );
  });
});

describe('roomcheck check-import with STIG checklists', () => {
  it('reports each STIG of a .ckl as the external result it would become (format ckl)', async () => {
    const r = await run('check-import', join(STIG_FIXTURES, 'evaluate-stig-windows.ckl'), '--json');
    expect(r.code).toBe(1); // two rules are skipped
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ format: 'ckl', encoding: 'UTF-8 with BOM', accepted: 2 });
    expect(report.rejected).toEqual([
      {
        row: null,
        column: '',
        reason: 'Rules without a rule id in STIG "MS_Windows_11_STIG" were skipped: 1.',
      },
      {
        row: null,
        column: '',
        reason: 'Rules without a valid status in STIG "MS_Edge_STIG" were skipped: 1.',
      },
    ]);
    expect(report.records[0]).toMatchObject({
      stigId: 'MS_Windows_11_STIG',
      release: 'V2R1',
      open: { high: 1, medium: 0, low: 0, unknown: 0 },
      source: { format: 'ckl', fileName: 'evaluate-stig-windows.ckl' },
    });
    expect(report.records[0].source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads a Roomcheck .cklb (format cklb) with exit 0, and says why a bad one is refused', async () => {
    await run('export', 'audit.json', '--format', 'cklb', '--out', 'again');
    const name = readdirSync(join(dir, 'again')).find((f) => f.startsWith('core-sw-1-'))!;
    const r = await run('check-import', join('again', name));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^again\/core-sw-1-\S+\.cklb: STIG Viewer 3 checklist \(CKLB\), UTF-8; target "core-sw-1" \(10\.20\.254\.1\)\n {2}Roomcheck_builtin-secure-room R1 \(Roomcheck, assessed \d{4}-\d\d-\d\d\): open CAT I \d+, CAT II \d+, CAT III \d+; \d+ not a finding, \d+ not applicable, \d+ not reviewed$/,
    );
    const json = JSON.parse((await run('check-import', join('again', name), '--json')).out);
    expect(json.format).toBe('cklb');
    writeFileSync(
      join(dir, 'doctype.ckl'),
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><CHECKLIST/>',
    );
    expectCleanFailure(
      await run('check-import', 'doctype.ckl'),
      3,
      /DOCTYPE or entities.*refused for safety\.$/,
    );
  });

  const present = existsSync(CORPUS);
  if (!present) console.warn(`[check-import CLI] corpus case skipped: ${CORPUS} is absent.`);
  it.skipIf(!present)('refuses corpus files as their names say, exit 3', async () => {
    expectCleanFailure(
      await run('check-import', join(CORPUS, 'cklb', 'NoStigsArray.cklb')),
      3,
      /^roomcheck check-import: This checklist has no "stigs" section, so it holds no results\.$/,
    );
  });
});
