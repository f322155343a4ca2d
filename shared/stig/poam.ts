import type { Severity } from '../domain/enums.ts';
import type { Finding } from '../domain/schemas.ts';
import { label } from '../i18n/labels.ts';
import { csvFileBytes, toCsv } from '../exchange/csv-export.ts';
import { isUnresolved } from '../findings/findings.ts';
import type { StigAuditSource } from './audit-source.ts';
import { benchmarkDate, deviceHostName, revisionOf } from './from-audit.ts';

// A POA&M (plan of action and milestones) of an audit's open findings, in the eMASS POA&M
// layout that risk systems import: one row per finding (open or in remediation), with the
// columns, in order and spelled exactly (trailing space included), that C-PAT's eMASS importer
// checks (NSWC-Crane/C-PAT api/Services/importService.js, expectedHeaders); STIG Manager's
// POA&M export fills the same columns. Milestones come from the finding's remediation, owner
// and due date, written "text MM/DD/YYYY" so importers take the trailing date as the
// milestone's date. Severities use eMASS's words (High / Moderate / Low).

export const POAM_COLUMNS = [
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
] as const;
export type PoamColumn = (typeof POAM_COLUMNS)[number];

export type PoamOptions = {
  /** Office/Org column; default the site's organisation. */
  office?: string;
};

/** Excel refuses cells longer than this; a spreadsheet that does not open helps nobody. */
const MAX_CELL = 32_767;

const EMASS_SEVERITY: Readonly<Record<Severity, string>> = {
  high: 'High',
  medium: 'Moderate',
  low: 'Low',
};
const RANK: Readonly<Record<Severity, number>> = { high: 0, medium: 1, low: 2 };

/** 2026-03-31 as 03/31/2026, the form eMASS and its importers read. */
export const usDate = (isoDate: string) =>
  `${isoDate.slice(5, 7)}/${isoDate.slice(8, 10)}/${isoDate.slice(0, 4)}`;

/**
 * The NIST SP 800-53 controls a basis names, e.g. "NIST 800-53 PE-2/3/8; ISO 27001 A.7.2" gives
 * "PE-2, PE-3, PE-8". Other frameworks (ISO, CIS, ETSI) and "practice" give nothing.
 */
export function nistControls(basis: string): string {
  const found: string[] = [];
  for (const m of basis.matchAll(/\b([A-Z]{2})-(\d+)((?:\(\w+\))?)((?:\/\d+)*)/g)) {
    const [, family, first, enhancement, more] = m;
    found.push(`${family}-${first}${enhancement}`);
    for (const n of more!.split('/').filter(Boolean)) found.push(`${family}-${n}`);
  }
  return [...new Set(found)].join(', ');
}

/** Open findings in the order a remediation plan is read: severity, then due date. */
function openFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .filter((f) => isUnresolved(f.status))
    .sort(
      (a, b) =>
        RANK[a.severity] - RANK[b.severity] ||
        (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
        a.id.localeCompare(b.id),
    );
}

/** The POA&M as rows of cells under POAM_COLUMNS (header excluded). */
export function poamRows(
  source: StigAuditSource,
  options: PoamOptions = {},
): (string | number)[][] {
  const { template, audit } = source;
  const items = new Map(template.items.map((i) => [i.id, i]));
  const devices = new Map(source.devices.map((d) => [d.id, d]));
  const rooms = new Map(source.rooms.map((r) => [r.id, r]));
  const office = options.office ?? source.site.organisation;
  const stigSource = `Roomcheck ${template.name} checklist :: ${revisionOf(template)} Benchmark Date: ${benchmarkDate(template.updatedAt)}`;

  return openFindings(source.findings).map((f, index) => {
    const item = f.itemId === null ? undefined : items.get(f.itemId);
    const device = f.deviceId === null ? undefined : devices.get(f.deviceId);
    const room = rooms.get(f.roomId);
    const severity = EMASS_SEVERITY[f.severity];
    const plan = `${f.remediation.trim() || 'Resolve this finding.'} Owner: ${f.owner.trim() || 'not assigned'}.`;
    const milestone = f.dueDate ? `${plan} ${usDate(f.dueDate)}` : `${plan} No due date set.`;
    const photos = source.evidence
      .filter((e) => e.findingId === f.id)
      .map((e) => `Photo: ${e.fileName} SHA-256 ${e.sha256}`);
    const comments = [
      `Roomcheck finding ${f.id} (${label('severityCat', f.severity, 'en')})`,
      f.itemId ? `Check item ${f.itemId}: ${item?.text.en ?? ''}` : 'Raised by hand',
      `Room: ${room?.name ?? f.roomId}`,
      `First seen ${f.firstSeenAt.slice(0, 10)}; audit "${audit.title}" (${audit.id})`,
      ...photos,
    ].join('\n');
    const cells: Record<PoamColumn, string | number> = {
      'POA&M Item ID': index + 1,
      'Control Vulnerability Description': f.detail.trim()
        ? `Title:\n${f.title}\n\nDescription:\n${f.detail}`
        : f.title,
      'Controls / APs': item ? nistControls(item.basis) : '',
      'Office/Org': office,
      'Security Checks': item ? `RC-${item.id}r${template.version}` : `Roomcheck finding ${f.id}`,
      'Resources Required': '',
      'Scheduled Completion Date': f.dueDate ? usDate(f.dueDate) : '',
      'Milestone ID': 1,
      'Milestone with Completion Dates': milestone,
      'Milestone Changes': '',
      'Source Identifying Vulnerability ': item ? stigSource : 'Roomcheck audit',
      Status: 'Ongoing',
      Comments: comments,
      'Raw Severity': severity,
      'Devices Affected': device ? deviceHostName(device) : (room?.name ?? f.roomId),
      'Mitigations (in-house and in conjunction with the Navy CSSP)': '',
      'Predisposing Conditions': '',
      Severity: severity,
      'Relevance of Threat': '',
      'Threat Description': '',
      Likelihood: '',
      Impact: '',
      'Impact Description': '',
      'Residual Risk Level': severity,
      Recommendations: f.remediation,
      'Resulting Residual Risk after Proposed Mitigations': severity,
    };
    return POAM_COLUMNS.map((column) => {
      const value = cells[column];
      return typeof value === 'string' ? value.slice(0, MAX_CELL) : value;
    });
  });
}

/** The POA&M as a CSV file: UTF-8 with a BOM, CRLF, every cell guarded against formulas. */
export function poamCsv(source: StigAuditSource, options: PoamOptions = {}): Uint8Array {
  return csvFileBytes(toCsv([[...POAM_COLUMNS], ...poamRows(source, options)]));
}
