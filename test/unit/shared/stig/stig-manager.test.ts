import { describe, expect, it } from 'vitest';
import { stigSourceFromSnapshot } from '../../../../shared/stig/audit-source.ts';
import type { ResultStatus } from '../../../../shared/stig/checklist.ts';
import { cklText } from '../../../../shared/stig/ckl-write.ts';
import { cklbText } from '../../../../shared/stig/cklb-write.ts';
import { checklistsFromAudit } from '../../../../shared/stig/from-audit.ts';
import { stigManagerReads } from './stig-manager-oracle.ts';
import { demoSnapshot } from './support.ts';

// Judged by another tool: STIG Manager's own parsers read every checklist Roomcheck exports,
// in both formats, with the target, the benchmark, every rule's result and its texts intact.

const { checklists } = checklistsFromAudit(stigSourceFromSnapshot(demoSnapshot()));
const RESULT: Record<ResultStatus, string> = {
  not_a_finding: 'pass',
  open: 'fail',
  not_applicable: 'notapplicable',
  not_reviewed: 'notchecked',
};

describe("STIG Manager's parsers read Roomcheck's exports", () => {
  for (const format of ['cklb', 'ckl'] as const) {
    it(`reads every .${format} with its target, benchmark and results`, () => {
      for (const c of checklists) {
        const text = format === 'cklb' ? cklbText(c) : cklText(c, '0.1.0');
        const parsed = stigManagerReads(format, text);
        expect(parsed.errors ?? []).toEqual([]);
        expect(parsed.target).toMatchObject({
          name: c.target.hostName,
          ip: c.target.ipAddress || null, // STIG Manager's "no address"
          noncomputing: c.target.targetType === 'Non-Computing',
        });
        expect(parsed.checklists).toHaveLength(1);
        const [checklist] = parsed.checklists;
        expect(checklist!.benchmarkId).toBe(c.stig.stigId);
        // A strictly valid CKLB has no version key, so STIG Manager reads version 0.
        expect(checklist!.revisionStr).toBe(format === 'cklb' ? 'V0R1' : 'V1R1');
        expect(
          checklist!.reviews.map((r) => [r.ruleId, r.result, r.comment ?? '', r.detail ?? '']),
        ).toEqual(
          c.stig.rules.map((r) => [r.ruleIdSrc, RESULT[r.status], r.comments, r.findingDetails]),
        );
      }
    });
  }
});
