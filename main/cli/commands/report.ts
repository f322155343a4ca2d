import { X509Certificate } from 'node:crypto';
import { summarizeCertificate } from '../../verify/chain.ts';
import { KeyProtectionError } from '../../identity/key-protector.ts';
import { readPkcs12, P12Error } from '../../identity/p12.ts';
import { createSignedReport, parseSnapshot } from '../../report/create-signed-report.ts';
import { SnapshotError } from '../../report/embed-snapshot.ts';
import { SigningError } from '../../signing/cms-signer.ts';
import { parseCliArgs, readInputFile, writeOutputFile } from '../cli-files.ts';
import { CliUsageError, type CliCommand } from '../command.ts';
import { BRIEF_LIMITS, readListLines } from '../../../shared/audit/brief.ts';
import type { AuditSnapshot, SignOff } from '../../../shared/snapshot/schema.ts';

const DEFAULT_ENV = 'ROOMCHECK_P12_PASSPHRASE';

/**
 * The snapshot with the distribution list given on the command line. An audit file without
 * sign-off details (an export of an audit not signed yet) gets them with the list, the report
 * numbered by the audit and the signer named by the certificate, as it would be without them.
 */
function withDistribution(
  snapshot: AuditSnapshot,
  names: readonly string[],
  signerName: string,
): AuditSnapshot {
  const list = readListLines(names.join('\n'), BRIEF_LIMITS.distributionEntries);
  if (list.problem) {
    throw new CliUsageError(
      list.problem.kind === 'tooMany'
        ? `Give at most ${list.problem.max} --distribute recipients.`
        : `A --distribute recipient is longer than ${list.problem.max} characters.`,
    );
  }
  const signOff: SignOff = snapshot.signOff ?? {
    inspector: { name: signerName, role: '' },
    approver: null,
    organisation: snapshot.site.organisation,
    unit: '',
    reportId: '',
    reportVersion: 1,
    language: 'en',
    distribution: [],
  };
  return { ...snapshot, signOff: { ...signOff, distribution: list.entries } };
}

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'lay out and sign the PDF report of an audit',
  help: `Usage: roomcheck report AUDIT.json --p12 FILE [--passphrase-env VAR] --out FILE.pdf

Lays out the report of an audit snapshot (as written by the app's export or by
"roomcheck demo"), embeds the snapshot in it, signs it (PAdES, ETSI.CAdES.detached) with the
identity in the PKCS#12 file, and verifies the result before writing it.

Options:
  --p12 FILE            the inspector's PKCS#12 (.p12/.pfx) identity, RSA or EC P-256
  --passphrase-env VAR  environment variable holding the PKCS#12 passphrase
                        (default ${DEFAULT_ENV}); never pass it on the command line
  --out FILE            where to write the signed PDF
  --location TEXT       where the report is signed (default: the audited rooms)
  --distribute NAME     who receives a copy; repeat for each recipient. Printed in the
                        report's distribution list and kept with the signed version
                        (default: the list the audit file holds, if any)`,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(args, {
      allowPositionals: true,
      options: {
        p12: { type: 'string' },
        'passphrase-env': { type: 'string' },
        out: { type: 'string' },
        location: { type: 'string' },
        distribute: { type: 'string', multiple: true },
      },
    });
    if (positionals.length !== 1) throw new CliUsageError('Give exactly one audit JSON file.');
    const p12Path = values.p12 as string | undefined;
    const out = values.out as string | undefined;
    if (!p12Path) throw new CliUsageError('Name the signing identity with --p12 FILE.');
    if (!out) throw new CliUsageError('Say where to write the report with --out FILE.pdf.');
    const envName = (values['passphrase-env'] as string | undefined) ?? DEFAULT_ENV;
    const passphrase = io.env[envName];
    if (passphrase === undefined) {
      throw new CliUsageError(`Set the PKCS#12 passphrase in the environment variable ${envName}.`);
    }
    const auditText = await readInputFile(io, positionals[0]!, 'Audit file', 256 * 1024 * 1024);
    let snapshot: unknown;
    try {
      snapshot = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(auditText));
    } catch {
      throw new CliUsageError(`${positionals[0]} is not a JSON file.`);
    }
    const p12Bytes = await readInputFile(io, p12Path, 'PKCS#12 file', 1024 * 1024);
    try {
      const signer = readPkcs12(p12Bytes, passphrase);
      const location = values.location as string | undefined;
      const parsed = parseSnapshot(snapshot);
      const distribute = values.distribute as string[] | undefined;
      const report = await createSignedReport(
        distribute
          ? withDistribution(
              parsed,
              distribute,
              summarizeCertificate(new X509Certificate(signer.certificate)).commonName || '—',
            )
          : parsed,
        signer,
        location ? { location } : {},
      );
      const written = await writeOutputFile(io, out, report.bytes);
      const s = report.verdict.signatures[0];
      io.out(
        `Signed report written to ${written} (${report.pageCount} pages), signed by ${s?.signer?.commonName ?? 'the inspector'}.`,
      );
      return 0;
    } catch (err) {
      if (
        err instanceof P12Error ||
        err instanceof KeyProtectionError ||
        err instanceof SnapshotError ||
        err instanceof SigningError
      ) {
        throw new CliUsageError(err.message);
      }
      throw err;
    }
  },
};
