import { z } from 'zod';
import { IsoDate, Timestamp } from '../domain/schemas.ts';
import type { ReadChecklist, ReadStig } from './read-model.ts';

// An external STIG result: what one STIG of an imported checklist says about one target, as
// Roomcheck keeps it next to a device (STIG, release, open findings by CAT, the other counts,
// when, by which tool, from which file). It is a summary, not a copy of the checklist: the
// source file's SHA-256 names the file it came from. Counting follows STIG Viewer: every rule
// entry counts (a STIG listing one rule id twice counts it twice), an open rule counts under
// its overridden severity when it has one, and a rule whose severity the file does not give
// counts as "unknown" rather than being guessed into a CAT.

const Count = z.number().int().min(0);

export const ExternalStigResultSchema = z.object({
  stigId: z.string().min(1).max(255),
  stigTitle: z.string().max(255),
  /** "V2R5"; "R8" when the file gives no version; null when it gives neither. */
  release: z.string().max(50).nullable(),
  /** The benchmark date of the STIG's release, from its release information. */
  benchmarkDate: IsoDate.nullable(),
  /** When the results were produced, if the file says (scan time or latest rule change). */
  assessedAt: Timestamp.nullable(),
  open: z.object({ high: Count, medium: Count, low: Count, unknown: Count }),
  notAFinding: Count,
  notApplicable: Count,
  notReviewed: Count,
  /** The producing tool and its version, when the file says (e.g. "Evaluate-STIG 1.2310.1"). */
  tool: z.string().max(255).nullable(),
  /** The target as the file names it, for the preview and the record. */
  target: z.object({
    hostName: z.string().min(1).max(255),
    ipAddress: z.string().max(255),
    macAddress: z.string().max(255),
    fqdn: z.string().max(255),
  }),
  source: z.object({
    format: z.enum(['cklb', 'ckl']),
    fileName: z.string().max(255),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    importedAt: Timestamp,
  }),
});
export type ExternalStigResult = z.infer<typeof ExternalStigResultSchema>;

export type ChecklistSource = { fileName: string; sha256: string; importedAt: string };

const VERSION = /^\s*V?(\d{1,6})\s*$/i;
const RELEASE = /Release:\s*(\d{1,6})\b/i;
const BENCHMARK_DATE = /Benchmark Date:\s*(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "V2R5" from version "2" and "Release: 5 Benchmark Date: …", as STIG tools name revisions. */
export function releaseOf(stig: Pick<ReadStig, 'version' | 'releaseInfo'>): string | null {
  const version = VERSION.exec(stig.version)?.[1];
  const release = RELEASE.exec(stig.releaseInfo)?.[1];
  if (version && release) return `V${Number(version)}R${Number(release)}`;
  if (release) return `R${Number(release)}`;
  return version ? `V${Number(version)}` : null;
}

/** The benchmark date of "Release: 5 Benchmark Date: 07 Jun 2023" as 2023-06-07. */
export function benchmarkDateOf(releaseInfo: string): string | null {
  const m = BENCHMARK_DATE.exec(releaseInfo);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  const day = Number(m[1]);
  const year = Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month === 0 || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function counts(stig: ReadStig) {
  const open = { high: 0, medium: 0, low: 0, unknown: 0 };
  let notAFinding = 0;
  let notApplicable = 0;
  let notReviewed = 0;
  for (const rule of stig.rules) {
    if (rule.status === 'open') open[rule.override?.severity ?? rule.severity]++;
    else if (rule.status === 'not_a_finding') notAFinding++;
    else if (rule.status === 'not_applicable') notApplicable++;
    else notReviewed++;
  }
  return { open, notAFinding, notApplicable, notReviewed };
}

/** One result per STIG of the checklist, in file order. */
export function externalStigResults(
  checklist: ReadChecklist,
  source: ChecklistSource,
): ExternalStigResult[] {
  const { hostName, ipAddress, macAddress, fqdn } = checklist.target;
  return checklist.stigs.map((stig) => ({
    stigId: stig.stigId,
    stigTitle: stig.stigName,
    release: releaseOf(stig),
    benchmarkDate: benchmarkDateOf(stig.releaseInfo),
    assessedAt: stig.assessedAt,
    ...counts(stig),
    tool: stig.tool,
    target: { hostName, ipAddress, macAddress, fqdn },
    source: {
      format: checklist.format,
      fileName: source.fileName.slice(0, 255),
      sha256: source.sha256.toLowerCase(),
      importedAt: source.importedAt,
    },
  }));
}
