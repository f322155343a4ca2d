import { stigSourceFromSnapshot } from '../../../shared/stig/audit-source.ts';
import { cklText } from '../../../shared/stig/ckl-write.ts';
import { cklbText } from '../../../shared/stig/cklb-write.ts';
import { checklistsFromAudit } from '../../../shared/stig/from-audit.ts';
import { poamXlsx } from '../../../shared/stig/poam-xlsx.ts';
import { poamCsv, poamRows } from '../../../shared/stig/poam.ts';
import { APP_VERSION } from '../../app-meta.ts';
import { readAuditInput } from '../audit-input.ts';
import {
  parseCliArgs,
  readInputFile,
  writeOutputDirectory,
  writeOutputFile,
} from '../cli-files.ts';
import { CliUsageError, type CliCommand } from '../command.ts';
import { trustFromArgs } from '../trust-args.ts';
import { MAX_PDF_BYTES } from './verify.ts';

// `roomcheck export`: an audit in the formats of the security world. Checklists for DISA STIG
// Viewer 3 (.cklb) or 2 (.ckl), one file per device and per room, into a folder; or a POA&M
// of the open findings (eMASS columns) as CSV or XLSX. All the work is shared/stig's; this
// reads the audit, writes the files and says what it wrote.

const FORMATS = ['cklb', 'ckl', 'poam-csv', 'poam-xlsx'] as const;
type Format = (typeof FORMATS)[number];

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'write an audit as STIG checklists (CKLB, CKL) or a POA&M (CSV, XLSX)',
  help: `Usage: roomcheck export AUDIT.json|REPORT.pdf --format cklb|ckl|poam-csv|poam-xlsx --out FILE|DIR

Writes an audit (a snapshot or export as JSON, or a signed report, which is verified first as
"roomcheck extract" does) in the formats STIG tools and risk systems import:
  cklb       DISA STIG Viewer 3 checklists, one per device and one per room, into folder DIR
  ckl        DISA STIG Viewer 2 checklists, likewise
  poam-csv   a POA&M of the open findings with the eMASS columns, as CSV (UTF-8, Excel-safe)
  poam-xlsx  the same POA&M as an XLSX workbook laid out as eMASS exports it

Options:
  --format F     one of cklb, ckl, poam-csv, poam-xlsx; required
  --out PATH     the folder for checklists (created if missing), the file for a POA&M; required
  --lang en|zh   language of checklist rule titles and generated text (default: the report's
                 language, else en)
  --office TEXT  POA&M: the Office/Org column (default: the site's organisation)
  --trust FILE   signed report: organisation CA certificate(s), PEM or DER; repeatable
  --pin SHA256   signed report: trust a certificate by its SHA-256 fingerprint; repeatable

Exit codes: 0 written, 1 refused (the report's signature is invalid), 2 written from a report
whose signer is not trusted, 3 unreadable input, or bad usage.`,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(args, {
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        lang: { type: 'string' },
        office: { type: 'string' },
        trust: { type: 'string', multiple: true },
        pin: { type: 'string', multiple: true },
      },
    });
    if (positionals.length !== 1) {
      throw new CliUsageError('Give exactly one audit (JSON) or signed report (PDF).');
    }
    const format = values.format as string | undefined;
    if (!format || !FORMATS.includes(format as Format)) {
      throw new CliUsageError(
        `Choose the format with --format ${FORMATS.join('|')}${format ? `; not "${format}"` : ''}.`,
      );
    }
    const out = values.out as string | undefined;
    if (!out) {
      throw new CliUsageError(
        format === 'cklb' || format === 'ckl'
          ? 'Say which folder the checklists go to with --out DIR.'
          : 'Say where to write the POA&M with --out FILE.',
      );
    }
    const lang = values.lang as string | undefined;
    if (lang !== undefined && lang !== 'en' && lang !== 'zh') {
      throw new CliUsageError(`--lang must be en or zh; not "${lang}".`);
    }
    const trust = await trustFromArgs(
      io,
      values.trust as string[] | undefined,
      values.pin as string[] | undefined,
    );
    const file = positionals[0]!;
    const input = await readAuditInput(
      file,
      await readInputFile(io, file, 'Audit file', MAX_PDF_BYTES),
      trust,
    );
    const source = stigSourceFromSnapshot(input.snapshot);
    const office = values.office as string | undefined;

    let written: string;
    if (format === 'cklb' || format === 'ckl') {
      const { checklists, skipped } = checklistsFromAudit(source, lang ? { lang } : {});
      const files = checklists.map((c) => ({
        name: `${c.title}.${format}`,
        data: format === 'cklb' ? cklbText(c) : cklText(c, APP_VERSION),
      }));
      const folder = await writeOutputDirectory(io, out, files);
      const rooms = checklists.filter((c) => c.subject.deviceId === null).length;
      written = `${count(checklists.length, 'checklist', 'checklists')} (.${format}) written to ${folder}: ${count(rooms, 'room', 'rooms')}, ${count(checklists.length - rooms, 'device', 'devices')}.`;
      if (skipped.length) {
        written += ` Not written, having no applicable check item: ${count(skipped.length, 'subject', 'subjects')}.`;
      }
    } else {
      const options = office !== undefined ? { office } : {};
      const rows = poamRows(source, options).length;
      const data =
        format === 'poam-csv'
          ? poamCsv(source, options)
          : poamXlsx(source, {
              ...options,
              exportedAt: new Date().toISOString(),
              appVersion: APP_VERSION,
            });
      written = `POA&M of ${count(rows, 'open finding', 'open findings')} written to ${await writeOutputFile(io, out, data)}.`;
    }
    if (input.untrusted) io.err(`roomcheck export: warning: ${input.untrusted}`);
    io.out(written);
    return input.untrusted ? 2 : 0;
  },
};
