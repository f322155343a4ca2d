import { verifyPdf } from '../../verify/verify-pdf.ts';
import { parseCliArgs, readInputFile } from '../cli-files.ts';
import { CliUsageError, type CliCommand } from '../command.ts';
import { trustFromArgs } from '../trust-args.ts';
import { verdictExitCode, verdictText } from '../verdict-text.ts';

export const MAX_PDF_BYTES = 512 * 1024 * 1024;

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'check the signatures of a signed report',
  help: `Usage: roomcheck verify FILE.pdf [--trust CA.pem ...] [--pin SHA256 ...] [--json]

Checks every signature of a signed PDF (Roomcheck's or another tool's): the signed byte
ranges, the digest, the CMS signature (DER or BER), timestamps, every change made after each
signature against the permitted-change rules (further signatures, validation data and
document timestamps are permitted; changed pages or annotations are not), and whether each
signer's certificate chains to a trust anchor you name.

Options:
  --trust FILE   organisation CA certificate(s), PEM or DER; repeatable
  --pin SHA256   trust a certificate by its SHA-256 fingerprint (self-issued); repeatable
  --json         print the full verdict as JSON (with each signature's later changes)

Exit codes: 0 valid and trusted, 1 invalid, 2 indeterminate (e.g. signer not trusted),
3 unreadable file or bad usage.`,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(args, {
      allowPositionals: true,
      options: {
        trust: { type: 'string', multiple: true },
        pin: { type: 'string', multiple: true },
        json: { type: 'boolean' },
      },
    });
    if (positionals.length !== 1) throw new CliUsageError('Give exactly one PDF file to verify.');
    const file = positionals[0]!;
    const options = await trustFromArgs(
      io,
      values.trust as string[] | undefined,
      values.pin as string[] | undefined,
    );
    const bytes = await readInputFile(io, file, 'PDF', MAX_PDF_BYTES);
    const verdict = await verifyPdf(bytes, options);
    io.out(values.json ? JSON.stringify(verdict, null, 2) : verdictText(verdict, file));
    return verdictExitCode(verdict);
  },
};
