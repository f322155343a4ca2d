import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPdf } from '../../../../main/verify/verify-pdf.ts';
import table from './pyhanko-expected.json' with { type: 'json' };

// pyHanko's public test PDFs, each against the verdict the table expects (the table says why,
// citing pyHanko's own tests). Read from the shared corpus, never copied into the project.

const CORPUS = resolve(import.meta.dirname, '../../../../../shared/corpora/pdf-signatures/pyhanko');
const present = existsSync(CORPUS);
if (!present) console.warn(`[pyHanko corpus] skipped: ${CORPUS} is not present`);

type Row = {
  file: string;
  status: string;
  code: string;
  intact?: boolean[];
  laterChangesPermitted?: boolean;
  warnings?: string[];
  why: string;
};
const rows = table.files as Row[];

describe.skipIf(!present)('the pyHanko corpus', () => {
  it('has exactly one row per file of the corpus, each with its reason', () => {
    const files = readdirSync(CORPUS)
      .filter((f) => f.endsWith('.pdf'))
      .sort();
    expect(rows.map((r) => r.file).sort()).toEqual(files);
    for (const r of rows) expect(r.why.length).toBeGreaterThan(20);
  });

  for (const row of rows) {
    it(`${row.file}: ${row.status} (${row.code})`, async () => {
      const v = await verifyPdf(new Uint8Array(readFileSync(join(CORPUS, row.file))), {
        trustAnchors: [],
        summarizeSnapshot: false,
      });
      expect({ status: v.status, code: v.code }).toEqual({ status: row.status, code: row.code });
      expect(v.signatures.map((s) => s.intact)).toEqual(row.intact ?? []);
      if (row.laterChangesPermitted !== undefined)
        expect(v.signatures.every((s) => s.laterChanges.every((c) => c.permitted))).toBe(
          row.laterChangesPermitted,
        );
      expect(v.warnings.map((w) => w.code)).toEqual(row.warnings ?? []);
      // Bounded on every file: the budget was never the reason.
      expect(v.code).not.toBe('budget');
    });
  }
});
