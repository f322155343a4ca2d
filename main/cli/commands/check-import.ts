import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { describeDelimiter } from '../../../shared/import/csv.ts';
import { describeEncoding } from '../../../shared/import/decode-text.ts';
import {
  MAX_IMPORT_BYTES,
  parseImportFile,
  type ImportFileOptions,
  type ParsedImportFile,
} from '../../../shared/import/detect.ts';
import { parseColumnMapping } from '../../../shared/import/mapping.ts';
import { formatImportMessage, ImportError } from '../../../shared/import/messages.ts';
import { PROFILE_IDS, PROFILES, type ProfileId } from '../../../shared/import/profiles.ts';
import { parseStrictJson } from '../../../shared/exchange/json-scan.ts';
import { formatVerifyMessage } from '../../../shared/verify/messages.ts';
import { verifyReport, type VerifyOptions } from '../../verify/verify-pdf.ts';
import { externalStigResults } from '../../../shared/stig/external-result.ts';
import type { ChecklistFormat } from '../../../shared/stig/read-model.ts';
import {
  readChecklistFile,
  sniffChecklist,
  type ChecklistFile,
} from '../../../shared/stig/read-checklist.ts';
import { CliUsageError, type CliCommand, type CliIo } from '../command.ts';
import { charactersReportsCannotShowIn } from '../../../shared/report/showable.ts';
import { parseCliArgs, readInputFile } from '../cli-files.ts';
import { trustFromArgs } from '../trust-args.ts';

// `roomcheck check-import`: runs a file through exactly the code the app imports with
// (shared/import, shared/exchange, main/verify) and reports what would be accepted and what
// rejected, writing nothing. Scripts use --json and the exit code.

const EXIT = { accepted: 0, rejected: 1, untrusted: 2, unreadable: 3 } as const;
/** Printed rejections before "and N more"; --json always lists them all. */
const MAX_PRINTED = 200;

type Rejection = { row: number | null; column: string; reason: string };

/** An accepted record holding characters that no report font has (shared/report/showable.ts). */
type Unshowable = { row: number | null; record: string; characters: string[] };

export type CheckImportReport = {
  format: ParsedImportFile['format'] | ChecklistFormat;
  encoding: string | null;
  accepted: number;
  rejected: Rejection[];
  records: unknown[];
  /** Accepted, but reports print these characters as a substitute and list them. */
  unshowable: Unshowable[];
};

/** Every accepted record that holds a character reports cannot show; rows where known. */
function findUnshowable(records: readonly unknown[], tabular: boolean): Unshowable[] {
  const out: Unshowable[] = [];
  records.forEach((record, i) => {
    const characters = charactersReportsCannotShowIn(record);
    if (characters.length === 0) return;
    const r = record as { row?: unknown; name?: unknown; assetTag?: unknown };
    const row = tabular && typeof r.row === 'number' ? r.row : null;
    const name = [r.assetTag, r.name].filter((v) => typeof v === 'string' && v).join(' ');
    out.push({ row, record: name || `#${i + 1}`, characters });
  });
  return out;
}

const codePoint = (ch: string) =>
  (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');

function unshowableLines(list: readonly Unshowable[]): string[] {
  const lines = list.slice(0, MAX_PRINTED).map((u) => {
    const chars = u.characters.map((ch) => `${ch} (U+${codePoint(ch)})`).join(', ');
    const them = u.characters.length === 1 ? 'it' : 'them';
    return `  Warning: ${u.row === null ? `"${u.record}"` : `row ${u.row}`} holds ${chars}: no report font has ${them}, so reports print □ instead and list ${them} in the appendix "Characters that could not be shown".`;
  });
  if (list.length > MAX_PRINTED)
    lines.push(`  ... and ${list.length - MAX_PRINTED} more such records (--json lists all).`);
  return lines;
}

const sha256 = async (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * A signed report: verified with the app's verifier (in process, under the same budget as the
 * app's worker), then the embedded audit its signature covers read. An invalid
 * signature rejects the file (exit 1); a signature that is sound but not trusted, or otherwise
 * indeterminate, is exit 2, as the app asks for explicit confirmation before importing it.
 */
async function checkSignedReport(
  bytes: Uint8Array,
  trust: VerifyOptions,
): Promise<{ report: CheckImportReport; exit: number; summary: string }> {
  const { verdict, snapshot } = await verifyReport(bytes, trust);
  const base = { format: 'pdf' as const, encoding: null };
  if (verdict.code === 'not_pdf') throw new CliUsageError(verdict.reason);
  if (verdict.status === 'invalid') {
    return {
      report: {
        ...base,
        accepted: 0,
        rejected: [{ row: null, column: '', reason: verdict.reason }],
        records: [],
        unshowable: [],
      },
      exit: EXIT.rejected,
      summary: `signature INVALID: ${verdict.reason}`,
    };
  }
  // The audit the signature covers, from the revision it signed (never a later replacement).
  if (!snapshot)
    throw new CliUsageError(
      verdict.snapshotProblem
        ? formatVerifyMessage(verdict.snapshotProblem, 'en')
        : 'The report carries no embedded audit.',
    );
  const devices: unknown[] = snapshot.devices;
  const valid = verdict.status === 'valid';
  return {
    report: {
      ...base,
      accepted: devices.length,
      rejected: [],
      records: devices,
      unshowable: findUnshowable(devices, false),
    },
    exit: valid ? EXIT.accepted : EXIT.untrusted,
    summary: valid
      ? `signature valid; embedded audit with ${devices.length} devices`
      : `signature INDETERMINATE: ${verdict.reason} The app imports it only after explicit confirmation.`,
  };
}

function tabularReport(
  file: Extract<ParsedImportFile, { format: 'csv' | 'xlsx' }>,
): CheckImportReport {
  const records = file.validation.records.map((r) => ({ row: r.row, ...r.values }));
  return {
    format: file.format,
    encoding: file.format === 'csv' ? describeEncoding(file) : null,
    accepted: file.validation.records.length,
    rejected: file.validation.rejected.map(({ row, column, reason }) => ({ row, column, reason })),
    records,
    unshowable: findUnshowable(records, true),
  };
}

function describeFile(file: ParsedImportFile): string {
  switch (file.format) {
    case 'csv': {
      const profile = PROFILES[file.mapping.profile].name.en;
      const how = file.auto?.detection.evidence.length
        ? ` (recognised by ${file.auto.detection.evidence.join(', ')})`
        : '';
      return `CSV, ${describeEncoding(file)}, ${describeDelimiter(file.delimiter)}-separated; profile ${profile}${how}`;
    }
    case 'xlsx':
      return `XLSX, sheet "${file.sheet.sheetName}"; profile ${PROFILES[file.mapping.profile].name.en}`;
    case 'audit-bundle':
      return 'Roomcheck audit export';
    case 'audit-snapshot':
      return 'Roomcheck audit snapshot';
    case 'backup':
      return 'Roomcheck backup';
    case 'pdf':
      return 'PDF';
  }
}

function humanReport(fileName: string, file: ParsedImportFile, report: CheckImportReport): string {
  const lines = [`${fileName}: ${describeFile(file)}`];
  if (file.format === 'csv' || file.format === 'xlsx') {
    const v = file.validation;
    const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;
    lines.push(`  ${rows(report.accepted)} accepted, ${rows(v.rejectedRows)} rejected`);
    for (const r of report.rejected.slice(0, MAX_PRINTED)) {
      lines.push(`  Row ${r.row}${r.column ? `, column "${r.column}"` : ''}: ${r.reason}`);
    }
    if (report.rejected.length > MAX_PRINTED) {
      lines.push(
        `  ... and ${report.rejected.length - MAX_PRINTED} more problems (--json lists all).`,
      );
    }
    if (v.resolved.unmappedColumns.length) {
      lines.push(
        `  Not imported (no matching field): ${v.resolved.unmappedColumns.map((c) => `"${c}"`).join(', ')}`,
      );
    }
    if (v.resolved.missingHeaders.length) {
      lines.push(
        `  Mapped but missing from the file: ${v.resolved.missingHeaders.map((c) => `"${c}"`).join(', ')}`,
      );
    }
    for (const d of file.auto?.displaced ?? []) {
      lines.push(`  Column "${d.header}" also looks like ${d.field}; "${d.keptHeader}" is used.`);
    }
  } else if (file.format === 'audit-bundle' || file.format === 'audit-snapshot') {
    const s = file.snapshot;
    const missing = file.format === 'audit-snapshot' ? file.evidenceWithoutBytes.length : 0;
    const checked = missing ? `${missing} without their bytes, the rest` : 'all';
    lines.push(
      `  Audit "${s.audit.title || s.audit.id}": ${s.devices.length} devices, ${s.findings.length} findings, ${s.evidence.length} photos (${checked} match their SHA-256)`,
    );
  } else if (file.format === 'backup') {
    const t = file.backup.tables;
    lines.push(
      `  ${t.sites.length} sites, ${t.rooms.length} rooms, ${t.devices.length} devices, ${t.audits.length} audits, ${t.findings.length} findings, ${t.evidence.length} photos (all match their SHA-256)`,
    );
  }
  return lines.join('\n');
}

const CHECKLIST_NAMES: Record<ChecklistFormat, string> = {
  cklb: 'STIG Viewer 3 checklist (CKLB)',
  ckl: 'STIG Viewer 2 checklist (CKL)',
};

/**
 * A STIG checklist (.cklb, .ckl): read as the app will read it, each STIG summarised as the
 * external result it would attach to the matching device. Skipped rules are the rejections.
 */
async function checkChecklist(
  fileName: string,
  bytes: Uint8Array,
): Promise<{ report: CheckImportReport; text: string }> {
  let read: ChecklistFile;
  try {
    read = readChecklistFile(bytes);
  } catch (err) {
    if (err instanceof ImportError) throw new CliUsageError(err.message, EXIT.unreadable);
    throw err;
  }
  const records = externalStigResults(read, {
    fileName: basename(fileName),
    sha256: await sha256(bytes),
    importedAt: new Date().toISOString(),
  });
  const encoding = describeEncoding({ encoding: read.encoding, bom: read.bom });
  const rejected = read.skipped.map((m) => ({
    row: null,
    column: '',
    reason: formatImportMessage(m, 'en'),
  }));
  const t = read.target;
  const addresses = [t.ipAddress, t.macAddress, t.fqdn].filter(Boolean).join('; ');
  const lines = [
    `${fileName}: ${CHECKLIST_NAMES[read.format]}, ${encoding}; target "${t.hostName}"${addresses ? ` (${addresses})` : ''}`,
  ];
  for (const r of records) {
    const about = [r.tool, r.assessedAt ? `assessed ${r.assessedAt.slice(0, 10)}` : '']
      .filter(Boolean)
      .join(', ');
    lines.push(
      `  ${r.stigId} ${r.release ?? '(release not given)'}${about ? ` (${about})` : ''}: open CAT I ${r.open.high}, CAT II ${r.open.medium}, CAT III ${r.open.low}${r.open.unknown ? `, no severity ${r.open.unknown}` : ''}; ${r.notAFinding} not a finding, ${r.notApplicable} not applicable, ${r.notReviewed} not reviewed`,
    );
  }
  for (const r of rejected) lines.push(`  Skipped: ${r.reason}`);
  for (const note of read.notes) lines.push(`  Note: ${formatImportMessage(note, 'en')}`);
  return {
    report: {
      format: read.format,
      encoding,
      accepted: records.length,
      rejected,
      records,
      // The target's host name is what reports print of a checklist.
      unshowable: findUnshowable([{ name: t.hostName }], false),
    },
    text: lines.join('\n'),
  };
}

async function readMapping(io: CliIo, path: string): Promise<ImportFileOptions['mapping']> {
  const bytes = await readInputFile(io, path, 'Mapping file', 1024 * 1024);
  let value: unknown;
  try {
    value = parseStrictJson(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    throw new CliUsageError(
      `${path}: ${err instanceof ImportError ? err.message : 'not UTF-8 text.'}`,
    );
  }
  const parsed = parseColumnMapping(value);
  if (!parsed.ok) {
    throw new CliUsageError(
      `${path}: ${parsed.problems.map((p) => formatImportMessage(p, 'en')).join(' ')}`,
    );
  }
  return parsed.mapping;
}

export const checkImportCommand: CliCommand = {
  name: 'check-import',
  summary: 'check a file the way the app would import it, writing nothing',
  help: `Usage: roomcheck check-import FILE [--profile auto|netbox|snipeit|roomcheck] [--json]

Reads an inventory spreadsheet (CSV or tab-separated text in UTF-8, UTF-16 or GB18030; XLSX),
a Roomcheck audit export or backup (JSON), a signed Roomcheck report (PDF), or a DISA STIG
checklist (.cklb from STIG Viewer 3, .ckl from STIG Viewer 2, STIG Manager or Evaluate-STIG),
with the app's own import code, and reports every row that would be rejected with its row
number (as a spreadsheet shows it: the header is row 1), column and reason. For a checklist
it reports each STIG's result (release, open findings by CAT, the other counts) and every rule
that would be skipped. Nothing is written.

Options:
  --profile NAME     column profile: auto (default), netbox, snipeit or roomcheck
  --mapping FILE     a saved column mapping (JSON) instead of a profile
  --sheet NAME       XLSX: the sheet to read (default: the first)
  --date-order ORD   dmy or mdy: how to read dates such as 03/05/2024 (default: reject them)
  --trust FILE       PDF: organisation CA certificate(s), PEM or DER; repeatable
  --pin SHA256       PDF: trust a certificate by its SHA-256 fingerprint; repeatable
  --json             print { format, encoding, accepted, rejected, records, unshowable }
                     as JSON (format cklb or ckl for a checklist: records are its STIG
                     results)

Accepted values holding characters that no report font has (some rare ideographs, emoji)
are named in a warning: reports print them as □ and list them in an appendix.

Exit codes: 0 every row accepted (PDF: signature valid and trusted; checklist: every rule
read), 1 some rows rejected (PDF: signature invalid; checklist: some rules skipped), 2 PDF
signature indeterminate (e.g. signer not trusted), 3 the file cannot be read as any
supported format, or bad usage.`,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(args, {
      allowPositionals: true,
      options: {
        profile: { type: 'string' },
        mapping: { type: 'string' },
        sheet: { type: 'string' },
        'date-order': { type: 'string' },
        trust: { type: 'string', multiple: true },
        pin: { type: 'string', multiple: true },
        json: { type: 'boolean' },
      },
    });
    if (positionals.length !== 1) throw new CliUsageError('Give exactly one file to check.');
    const fileName = positionals[0]!;
    const profile = (values.profile as string | undefined) ?? 'auto';
    if (profile !== 'auto' && !PROFILE_IDS.includes(profile as ProfileId)) {
      throw new CliUsageError(
        `--profile must be one of auto, ${PROFILE_IDS.join(', ')}; not "${profile}".`,
      );
    }
    const dateOrder = values['date-order'] as string | undefined;
    if (dateOrder !== undefined && dateOrder !== 'dmy' && dateOrder !== 'mdy') {
      throw new CliUsageError(`--date-order must be dmy or mdy; not "${dateOrder}".`);
    }
    if (values.mapping && values.profile) {
      throw new CliUsageError('Give either --profile or --mapping, not both.');
    }
    const options: ImportFileOptions = {
      profile: profile as ProfileId | 'auto',
      sha256,
      ...(values.mapping ? { mapping: await readMapping(io, values.mapping as string) } : {}),
      ...(values.sheet ? { sheet: values.sheet as string } : {}),
      ...(dateOrder ? { dateOrder } : {}),
    };
    const trust = await trustFromArgs(
      io,
      values.trust as string[] | undefined,
      values.pin as string[] | undefined,
    );
    const bytes = await readInputFile(io, fileName, 'File', MAX_IMPORT_BYTES);

    if (sniffChecklist(bytes)) {
      const checked = await checkChecklist(fileName, bytes);
      io.out(values.json ? JSON.stringify(checked.report, null, 2) : checked.text);
      return checked.report.rejected.length ? EXIT.rejected : EXIT.accepted;
    }

    let file: ParsedImportFile;
    try {
      file = await parseImportFile(fileName, bytes, options);
    } catch (err) {
      if (err instanceof ImportError) throw new CliUsageError(err.message, EXIT.unreadable);
      throw err;
    }

    let report: CheckImportReport;
    let exit: number;
    let text: string;
    if (file.format === 'pdf') {
      const checked = await checkSignedReport(file.bytes, trust);
      ({ report, exit } = checked);
      text = `${fileName}: signed report PDF; ${checked.summary}`;
    } else {
      if (file.format === 'csv' || file.format === 'xlsx') report = tabularReport(file);
      else {
        const devices =
          file.format === 'backup' ? file.backup.tables.devices : file.snapshot.devices;
        report = {
          format: file.format,
          encoding: describeEncoding({ encoding: file.encoding, bom: false }),
          accepted: devices.length,
          rejected: [],
          records: devices,
          unshowable: findUnshowable(devices, false),
        };
      }
      exit = report.rejected.length ? EXIT.rejected : EXIT.accepted;
      text = humanReport(fileName, file, report);
    }
    if (!values.json) text = [text, ...unshowableLines(report.unshowable)].join('\n');
    io.out(values.json ? JSON.stringify(report, null, 2) : text);
    return exit;
  },
};
