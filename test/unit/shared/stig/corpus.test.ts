import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatImportMessage,
  ImportError,
  type ImportMessageCode,
} from '../../../../shared/import/messages.ts';
import {
  externalStigResults,
  ExternalStigResultSchema,
  type ExternalStigResult,
} from '../../../../shared/stig/external-result.ts';
import { readChecklistFile } from '../../../../shared/stig/read-checklist.ts';
import { CORPUS } from './support.ts';

// The 67 checklists of STIG Manager's parser tests (../shared/corpora/stig), each read or
// refused as its name says. Expected results come from the files themselves and from what STIG
// Manager's own parser reports for them (NUWCDIVNPT/stig-manager-client-modules tests), as
// "<STIG id> <release>: open <CAT I>/<CAT II>/<CAT III>, <not a finding> NaF, <not applicable>
// NA, <not reviewed> NR". Where Roomcheck departs from STIG Manager it refuses rather than
// import an empty or partial result: all-possible-results.ckl is not well-formed XML (STIG
// Manager silently keeps 2 of its 4 rules), and No-RuleId-Value / no-Status-xml-element leave
// no usable rule at all.

type Expected = { refused: ImportMessageCode } | { stigs: string[]; check?: (r: Read) => void };
type Read = ReturnType<typeof readChecklistFile>;

const VPN_A = 'VPN_TRUNCATED V2R5: open 0/2/0, 3 NaF, 1 NA, 4 NR';
const VPN_B = 'VPN_TRUNCATED V2R5: open 0/2/0, 1 NaF, 1 NA, 6 NR';
const RHEL_9_NR = 'RHEL_9_TRUNCATED V1R1: open 0/0/0, 0 NaF, 0 NA, 10 NR';
const MULTI_A = ['RHEL_8_TRUNCATED V1R12: open 0/0/0, 0 NaF, 0 NA, 10 NR', RHEL_9_NR, VPN_A];
const MULTI_B = [
  'RHEL_8_TRUNCATED V1R12: open 1/1/0, 1 NaF, 1 NA, 6 NR',
  'RHEL_9_TRUNCATED V1R1: open 0/2/0, 1 NaF, 1 NA, 6 NR',
  VPN_B,
];
const one = (stig: string, counts: string) => ({ stigs: [`${stig}: open ${counts}`] });
const VPN_PASS = one('VPN_TRUNCATED V2R5', '0/0/0, 1 NaF, 0 NA, 0 NR');
const VPN_FAIL = one('VPN_TRUNCATED V2R5', '0/1/0, 0 NaF, 0 NA, 0 NR');
const VPN_NR = one('VPN_TRUNCATED V2R5', '0/0/0, 0 NaF, 0 NA, 1 NR');
const RHEL_PASS = one('RHEL_9_TRUNCATED V1R1', '0/0/0, 1 NaF, 0 NA, 0 NR');
const RHEL_FAIL = one('RHEL_9_TRUNCATED V1R1', '0/1/0, 0 NaF, 0 NA, 0 NR');
const RHEL_NR = one('RHEL_9_TRUNCATED V1R1', '0/0/0, 0 NaF, 0 NA, 1 NR');
const CHROME = 'Google_Chrome_Current_Windows V2R8: open 0/0/0, 1 NaF, 0 NA, 0 NR';
const CHROME_NO_VERSION = 'Google_Chrome_Current_Windows R8: open 0/0/0, 1 NaF, 0 NA, 0 NR';
const WIN10 = one('MS_Windows_10_STIG V2R4', '0/0/0, 0 NaF, 1 NA, 0 NR');
const cut = (r: Read) => expect(r.notes.length).toBeGreaterThan(0);

const EXPECTED: Record<'cklb' | 'ckl', Record<string, Expected>> = {
  cklb: {
    'Asset_a-VPN_TRUNCATED-V2R5': { stigs: [VPN_A] },
    'Asset_a-multi-stig': { stigs: MULTI_A },
    'Asset_aaaaaaaaaa-RHEL_9_TRUNCATED-V1R1-no-reviews': { stigs: [RHEL_9_NR] },
    'Asset_b-multi-stig': { stigs: MULTI_B },
    'Asset_bbbbbbbbb-VPN_TRUNCATED-V2R5': { stigs: [VPN_B] },
    GoodStatistics: one('VPN_TRUNCATED V2R5', '0/2/0, 2 NaF, 2 NA, 2 NR'),
    NoStigsArray: { refused: 'checklist_no_stigs' },
    NoTargetHostName: { refused: 'checklist_no_host' },
    OnlyRootResultEngine: {
      stigs: [CHROME_NO_VERSION],
      check: (r) => expect(r.stigs[0]!.tool).toBe('Evaluate-STIG 1.2310.1'),
    },
    'Single-Vuln-Long-CommentDetail': { ...VPN_NR, check: cut },
    'Single-Vuln-Pass-Empty-CommentDetail': VPN_PASS,
    'Single-Vuln-Pass-With-Comment': VPN_PASS,
    'Single-Vuln-Pass-With-Detail': VPN_PASS,
    'Single-Vuln-fail-Empty-CommentDetail': VPN_FAIL,
    'Single-Vuln-fail-With-Detail': VPN_FAIL,
    'Single-Vuln-fail-with-Comment': VPN_FAIL,
    'Single-Vuln-notReviewed-Commented-Detailed': VPN_NR,
    'Single-Vuln-notReviewed-Empty-CommentDetail': VPN_NR,
    SingleResultEngineModule: {
      stigs: [CHROME_NO_VERSION, 'MS_Edge_STIG R7: open 0/0/0, 1 NaF, 0 NA, 0 NR'],
      check: (r) =>
        expect(r.stigs.map((s) => s.tool)).toEqual([
          'Evaluate-STIG 1.2310.1 (Scan-GoogleChrome_Checks 1.2023.7.24)',
          'Evaluate-STIG 1.2310.1',
        ]),
    },
    TargetObjectBasic: VPN_PASS,
    TargetObjectMetaData: VPN_PASS,
    TargetObjectMinimal: VPN_PASS,
    'Truncate-Tests': {
      stigs: [
        expect.stringMatching(/^(VPN_TRUNCATED)+VPN_TRUNC\w* V2R5: open 0\/0\/0, 1 NaF/) as never,
      ],
      check: cut,
    },
    TwoResultEngineModules: {
      stigs: [CHROME_NO_VERSION, 'MS_Edge_STIG R7: open 0/0/0, 1 NaF, 0 NA, 0 NR'],
    },
    'all-possible-results': one('VPN_TRUNCATED V2R5', '0/1/0, 1 NaF, 1 NA, 1 NR'),
    'no-root-result-engine-object': {
      stigs: [CHROME_NO_VERSION],
      check: (r) =>
        expect(r.stigs[0]!.tool).toBe('Evaluate-STIG (Scan-GoogleChrome_Checks 1.2023.7.24)'),
    },
  },
  ckl: {
    'Asset_a-RHEL_9_TRUNCATED-V1R1-no-reviews': {
      stigs: [RHEL_9_NR],
      check: (r) => expect(r.stigs[0]!.tool).toBe('STIG Manager 1.3.13'),
    },
    'Asset_a-VPN_TRUNCATED-V2R5': { stigs: [VPN_A] },
    'Asset_a-multi-stig': { stigs: MULTI_A },
    'Asset_b-VPN_TRUNCATED-V2R5': { stigs: [VPN_B] },
    'Asset_b-multi-stig': { stigs: MULTI_B },
    'CA1294WK16078_COMBINED_20231211-125650-trimmed': {
      stigs: [
        'Google_Chrome_Current_Windows V2R8: open 0/0/0, 3 NaF, 0 NA, 0 NR',
        'MS_Edge_STIG V1R7: open 0/0/0, 54 NaF, 0 NA, 2 NR',
      ],
      check: (r) => {
        // Written with a UTF-8 BOM, as Evaluate-STIG does.
        expect(r.target.hostName).toBe('CA1294WK16078');
        expect(r.stigs[0]!.assessedAt).toBe('2023-12-11T17:56:14.357Z');
      },
    },
    'CA1294WK16078_Chrome_V2R8_20231211-125631': one(
      'Google_Chrome_Current_Windows V2R8',
      '0/0/0, 43 NaF, 0 NA, 0 NR',
    ),
    GoodStatistics: one('VPN_TRUNCATED V2R5', '0/1/1, 2 NaF, 2 NA, 2 NR'),
    'MultiStig-Simple': {
      stigs: [
        'RHEL_5_TRUNCATED V1R1: open 0/0/0, 1 NaF, 0 NA, 0 NR',
        'RHEL_4_TRUNCATED V1R1: open 0/1/0, 0 NaF, 0 NA, 0 NR',
        'RHEL_3_TRUNCATED V1R1: open 0/0/0, 0 NaF, 1 NA, 0 NR',
        'RHEL_2_TRUNCATED V1R1: open 0/0/0, 0 NaF, 0 NA, 1 NR',
        'RHEL_1_TRUNCATED V1R1: open 0/0/0, 0 NaF, 0 NA, 1 NR',
      ],
    },
    'No-Asset-xml-element': { refused: 'checklist_no_asset' },
    'No-RuleId-Value': { refused: 'checklist_no_results' },
    ResultEngineRootNoVersion: { stigs: [CHROME] },
    ResultEngineWithEvalStigModuleAndOverride: WIN10,
    'Root-ES-comment-with-only-version': { stigs: [CHROME, CHROME] },
    'Single-Vuln-Long-CommentDetail': { ...RHEL_NR, check: cut },
    'Single-Vuln-Pass-Empty-CommentDetail': RHEL_PASS,
    'Single-Vuln-Pass-With-Comment': RHEL_PASS,
    'Single-Vuln-Pass-With-Detail': RHEL_PASS,
    'Single-Vuln-fail-Empty-CommentDetail': RHEL_FAIL,
    'Single-Vuln-fail-WEBORDATABASE-true': RHEL_FAIL,
    'Single-Vuln-fail-With-Detail': RHEL_FAIL,
    'Single-Vuln-fail-with-Comment': RHEL_FAIL,
    'Single-Vuln-notReviewed-Commented-Detailed': RHEL_NR,
    'Single-Vuln-notReviewed-Empty-CommentDetail': RHEL_NR,
    SingleResultEngineModule: { stigs: [CHROME, CHROME] },
    TargetObjectBasic: RHEL_PASS,
    TargetObjectMetaData: RHEL_PASS,
    TargetObjectMinimal: RHEL_PASS,
    'all-possible-results': { refused: 'checklist_xml_malformed' },
    'empty-stigid-SID_DATA-element': { refused: 'checklist_no_stig_id' },
    'html-decode': {
      ...RHEL_FAIL,
      check: (r) =>
        expect(r.stigs[0]!.rules[0]!.findingDetails).toBe(`& < > " ' & < & < > " ' A . % , ~`),
    },
    'no-Host_Name-xml-element': { refused: 'checklist_no_host' },
    'no-SID_DATA-element': { refused: 'checklist_no_stig_id' },
    'no-Status-xml-element': { refused: 'checklist_no_results' },
    'no-Stigs-xml-element': { refused: 'checklist_no_stigs' },
    'no-checklist-xml-element': { refused: 'checklist_not_checklist_xml' },
    'no-releaseinfo-SID_DATA-element': one('RHEL_9_TRUNCATED V1', '0/1/0, 0 NaF, 0 NA, 0 NR'),
    'no-root-ES-comment-with-ISTIG-comment': { stigs: [CHROME, CHROME] },
    'result-engine-data-root': {
      ...WIN10,
      check: (r) => expect(r.stigs[0]!.assessedAt).toBe('2022-06-03T16:19:27.945Z'),
    },
    'result-engine-invalid-comment': {
      ...WIN10,
      check: (r) => expect(r.stigs[0]!.tool).toBeNull(),
    },
    'resultEngine-In-ISTIG-multi-stig': { stigs: [CHROME, CHROME] },
  },
};

const summary = (r: ExternalStigResult) =>
  `${r.stigId} ${r.release ?? '?'}: open ${r.open.high}/${r.open.medium}/${r.open.low}, ${r.notAFinding} NaF, ${r.notApplicable} NA, ${r.notReviewed} NR`;

const present = existsSync(CORPUS);
if (!present) {
  console.warn(`[STIG corpus] skipped: ${CORPUS} is absent (a plain clone has no shared corpora).`);
}

describe.skipIf(!present)('the STIG Manager checklist corpus', () => {
  for (const format of ['cklb', 'ckl'] as const) {
    const dir = join(CORPUS, format);
    const files = present ? readdirSync(dir).filter((f) => f.endsWith(`.${format}`)) : [];

    it(`classifies every .${format} file in the corpus`, () => {
      expect(files.map((f) => f.slice(0, -format.length - 1)).sort()).toEqual(
        Object.keys(EXPECTED[format]).sort(),
      );
    });

    for (const file of files) {
      const expected = EXPECTED[format][file.slice(0, -format.length - 1)];
      it(`${format}/${file}`, () => {
        const bytes = new Uint8Array(readFileSync(join(dir, file)));
        if (!expected) throw new Error(`${file} is not classified`);
        if ('refused' in expected) {
          let error: unknown;
          try {
            readChecklistFile(bytes);
          } catch (err) {
            error = err;
          }
          expect(error).toBeInstanceOf(ImportError);
          const detail = (error as ImportError).detail;
          expect(detail.code).toBe(expected.refused);
          // One sentence in each language.
          for (const lang of ['en', 'zh'] as const) {
            const text = formatImportMessage(detail, lang);
            expect(text).toMatch(lang === 'en' ? /^[A-Z][^\n]*\.$/ : /^[^\n]*。$/);
            expect(text).not.toMatch(/\{\w+\}/);
          }
          return;
        }
        const read = readChecklistFile(bytes);
        expect(read.format).toBe(format);
        const results = externalStigResults(read, {
          fileName: file,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          importedAt: '2026-03-02T08:00:00.000Z',
        });
        for (const r of results) expect(ExternalStigResultSchema.parse(r)).toEqual(r);
        expect(results.map(summary)).toEqual(expected.stigs);
        expected.check?.(read);
      });
    }
  }
});
