import { formatVerifyMessage } from '../../../shared/verify/messages.ts';
import { verifyReport } from '../../verify/verify-pdf.ts';
import { parseCliArgs, readInputFile, writeOutputFile } from '../cli-files.ts';
import { CliUsageError, type CliCommand } from '../command.ts';
import { trustFromArgs } from '../trust-args.ts';
import { verdictExitCode } from '../verdict-text.ts';
import { MAX_PDF_BYTES } from './verify.ts';

export const extractCommand: CliCommand = {
  name: 'extract',
  summary: 'verify a signed report, then write the audit it carries as JSON',
  help: `Usage: roomcheck extract FILE.pdf --out AUDIT.json [--trust CA.pem ...] [--pin SHA256 ...]

Verifies the report first and refuses an invalid one. A report whose signer is not trusted
(no --trust or --pin that covers it) is extracted with a warning and exit code 2. The audit
written is the one the signature covers, read from the revision it signed.

Options:
  --out FILE     where to write the audit snapshot (JSON); required
  --trust FILE   organisation CA certificate(s), PEM or DER; repeatable
  --pin SHA256   trust a certificate by its SHA-256 fingerprint; repeatable

Exit codes: 0 written (valid and trusted), 1 refused (invalid), 2 written (signer not
trusted), 3 unreadable file, no embedded audit, or bad usage.`,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(args, {
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        trust: { type: 'string', multiple: true },
        pin: { type: 'string', multiple: true },
      },
    });
    if (positionals.length !== 1) throw new CliUsageError('Give exactly one signed PDF report.');
    const out = values.out as string | undefined;
    if (!out) throw new CliUsageError('Say where to write the audit with --out AUDIT.json.');
    const file = positionals[0]!;
    const options = await trustFromArgs(
      io,
      values.trust as string[] | undefined,
      values.pin as string[] | undefined,
    );
    const bytes = await readInputFile(io, file, 'PDF', MAX_PDF_BYTES);
    const { verdict, snapshot } = await verifyReport(bytes, options);
    const code = verdictExitCode(verdict);
    if (code === 3) throw new CliUsageError(`${file} is not a PDF.`);
    if (verdict.status === 'invalid') {
      io.err(`roomcheck extract: refused: ${file} is not a valid signed report. ${verdict.reason}`);
      return 1;
    }
    if (!snapshot)
      throw new CliUsageError(
        verdict.snapshotProblem
          ? formatVerifyMessage(verdict.snapshotProblem, 'en')
          : 'The report carries no embedded audit.',
      );
    const json = `${JSON.stringify(snapshot, null, 2)}\n`;
    const written = await writeOutputFile(io, out, json);
    if (verdict.status === 'indeterminate') {
      io.err(`roomcheck extract: warning: ${verdict.reason}`);
    }
    io.out(`Audit written to ${written}.`);
    return code;
  },
};
