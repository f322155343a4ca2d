import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDemoAudit } from '../../../../shared/demo/demo-audit.ts';
import { serializeAuditBundle } from '../../../../shared/exchange/audit-bundle.ts';
import {
  formatImportMessage,
  IMPORT_MESSAGE_CODES,
  importMessageTemplate,
} from '../../../../shared/import/messages.ts';
import {
  benchmarkDateOf,
  externalStigResults,
  ExternalStigResultSchema,
  releaseOf,
} from '../../../../shared/stig/external-result.ts';
import { readChecklistFile, sniffChecklist } from '../../../../shared/stig/read-checklist.ts';
import { STIG_FIXTURES } from './support.ts';

// Reading checklists made by other tools, from small fixtures committed with the tests: an
// Evaluate-STIG style .ckl (UTF-8 BOM, CRLF, result-engine comments, a severity override,
// entities, rules without an id or with a status no schema allows) and a STIG Viewer 3 style
// .cklb (keys the schema does not list, nulls, a numeric version, an override, a non-object
// rule).

const fixture = (name: string) => new Uint8Array(readFileSync(join(STIG_FIXTURES, name)));
const source = { fileName: 'x', sha256: 'a'.repeat(64), importedAt: '2026-03-02T08:00:00.000Z' };

describe('reading checklists', () => {
  it('reads an Evaluate-STIG .ckl: target, STIGs, tool, scan time, override, exact text', () => {
    const read = readChecklistFile(fixture('evaluate-stig-windows.ckl'));
    expect(read.format).toBe('ckl');
    expect(read.id).toBeNull();
    expect(read.target).toEqual({
      targetType: 'Computing',
      hostName: 'APP-SRV-07',
      ipAddress: '10.20.3.17, 192.168.1.7',
      macAddress: '00-1A-2B-3C-4D-5E',
      fqdn: 'app-srv-07.example.mil',
      role: 'Member Server',
      technologyArea: 'Windows OS',
      comments: 'Rack A-03 & U40',
      marking: 'CUI',
    });
    const [win, edge] = read.stigs;
    expect(win).toMatchObject({
      stigId: 'MS_Windows_11_STIG',
      stigName: 'Microsoft Windows 11 Security Technical Implementation Guide',
      version: '2',
      uuid: '9c3a3a3e-5b7e-4a44-9d0a-6a2f4c1e8b11',
      tool: 'Evaluate-STIG 1.2407.0 (Scan-Windows11_Checks 1.2024.7.1)',
      assessedAt: '2024-08-01T01:31:00.000Z',
    });
    expect(win!.rules[0]).toEqual({
      ruleIdSrc: 'SV-253254r828864_rule',
      groupId: 'V-253254',
      ruleVersion: 'WN11-00-000005',
      ruleTitle: '',
      severity: 'medium',
      status: 'open',
      override: { severity: 'high', reason: 'Internet-facing host.' },
      // CR LF in the file is a line feed; &#13; is a carriage return that is data.
      findingDetails: 'Line one\n  indented <value> & a CR kept:\rend',
      comments: '  two leading spaces, 中文 and a final newline\n',
      updatedAt: null,
    });
    // The root comment's tool and time stand in where an iSTIG has none of its own.
    expect(edge).toMatchObject({
      stigId: 'MS_Edge_STIG',
      tool: 'Evaluate-STIG 1.2407.0 (Scan-Windows11_Checks 1.2024.7.1)',
    });
    expect(read.skipped.map((m) => formatImportMessage(m, 'en'))).toEqual([
      'Rules without a rule id in STIG "MS_Windows_11_STIG" were skipped: 1.',
      'Rules without a valid status in STIG "MS_Edge_STIG" were skipped: 1.',
    ]);

    const results = externalStigResults(read, source);
    expect(
      results.map((r) => [
        r.stigId,
        r.release,
        r.benchmarkDate,
        r.open,
        r.notApplicable,
        r.notAFinding,
      ]),
    ).toEqual([
      // The open rule counts under its overridden severity (CAT I), as STIG Viewer counts it.
      [
        'MS_Windows_11_STIG',
        'V2R1',
        '2024-07-24',
        { high: 1, medium: 0, low: 0, unknown: 0 },
        1,
        0,
      ],
      ['MS_Edge_STIG', 'R2', '2025-01-30', { high: 0, medium: 0, low: 0, unknown: 0 }, 0, 1],
    ]);
    for (const r of results) ExternalStigResultSchema.parse(r);
  });

  it('reads the same checklist saved as UTF-16 with a byte-order mark', () => {
    const utf8 = readChecklistFile(fixture('evaluate-stig-windows.ckl'));
    const text = new TextDecoder().decode(fixture('evaluate-stig-windows.ckl'));
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const { encoding, bom, ...same } = readChecklistFile(utf16);
    expect([encoding, bom]).toEqual(['utf-16le', true]);
    expect({ ...same, encoding: utf8.encoding, bom: utf8.bom }).toEqual(utf8);
    expect([utf8.encoding, utf8.bom]).toEqual(['utf-8', true]);
  });

  it('reads a STIG Viewer 3 .cklb leniently: nulls, unknown keys, odd values', () => {
    const read = readChecklistFile(fixture('stig-viewer-3.cklb'));
    expect(read.format).toBe('cklb');
    expect(read.id).toBe('5f0b8b0e-1a2b-4c3d-8e9f-0a1b2c3d4e5f');
    expect(read.target).toMatchObject({
      hostName: 'NVR-CORE-01',
      fqdn: '',
      role: '',
      marking: 'CUI',
    });
    const stig = read.stigs[0]!;
    expect(stig).toMatchObject({ stigId: 'Video_Services_Policy_STIG', version: '1', tool: null });
    expect(
      stig.rules.map((r) => [r.ruleIdSrc, r.status, r.severity, r.override?.severity ?? null]),
    ).toEqual([
      ['SV-216701r879590_rule', 'open', 'high', 'low'],
      ['SV-216702r879593_rule', 'not_a_finding', 'medium', null],
      ['SV-216703r879596_rule', 'open', 'unknown', null],
    ]);
    // The latest valid rule change is when it was assessed; "yesterday" is not a time.
    expect(stig.assessedAt).toBe('2024-05-03T08:00:00.000Z');
    expect(read.skipped.map((m) => m.code)).toEqual([
      'checklist_skipped_no_rule_id',
      'checklist_skipped_bad_status',
    ]);
    const [result] = externalStigResults(read, source);
    expect(result).toMatchObject({
      release: 'V1R3',
      open: { high: 0, medium: 0, low: 1, unknown: 1 },
      notAFinding: 1,
      notApplicable: 0,
      notReviewed: 0,
      target: { hostName: 'NVR-CORE-01', ipAddress: '192.168.10.5' },
      source: { format: 'cklb', sha256: 'a'.repeat(64) },
    });
  });

  it('tells a checklist by its content, not its name', () => {
    expect(sniffChecklist(fixture('evaluate-stig-windows.ckl'))).toBe('ckl');
    expect(sniffChecklist(fixture('stig-viewer-3.cklb'))).toBe('cklb');
    const enc = (text: string) => new TextEncoder().encode(text);
    expect(sniffChecklist(enc('asset_tag,name\nA-1,x\n'))).toBeNull();
    expect(sniffChecklist(enc('{"hello": 1}'))).toBeNull();
    const bundle = serializeAuditBundle(
      makeDemoAudit({ seed: 1, now: new Date('2026-01-01T00:00:00Z') }),
    );
    expect(sniffChecklist(enc(bundle))).toBeNull();
    expect(sniffChecklist(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]))).toBeNull();
    expect(() => readChecklistFile(enc('asset_tag,name\n'))).toThrow(
      'This file is neither a STIG Viewer 3 checklist (.cklb, JSON) nor a STIG Viewer 2 checklist (.ckl, XML).',
    );
  });

  it('names releases and benchmark dates as STIG tools do', () => {
    expect(releaseOf({ version: '2', releaseInfo: 'Release: 5 Benchmark Date: 07 Jun 2023' })).toBe(
      'V2R5',
    );
    expect(releaseOf({ version: 'V3', releaseInfo: 'Release: 12 Benchmark Date: x' })).toBe(
      'V3R12',
    );
    expect(releaseOf({ version: '', releaseInfo: 'Release: 8 Benchmark Date: 26 Jan 2023' })).toBe(
      'R8',
    );
    expect(releaseOf({ version: '1', releaseInfo: 'releaseinfo' })).toBe('V1');
    expect(releaseOf({ version: 'two', releaseInfo: '' })).toBeNull();
    expect(benchmarkDateOf('Release: 5 Benchmark Date: 07 Jun 2023')).toBe('2023-06-07');
    expect(benchmarkDateOf('Release: 5 Benchmark Date: 31 Feb 2023')).toBeNull();
    expect(benchmarkDateOf('Release: 5')).toBeNull();
  });

  it('has every checklist message in both languages with the same placeholders', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const codes = IMPORT_MESSAGE_CODES.filter((c) => c.startsWith('checklist_'));
    expect(codes.length).toBeGreaterThan(20);
    for (const code of codes) {
      const { en, zh } = importMessageTemplate(code);
      expect(names(zh), code).toEqual(names(en));
      expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
