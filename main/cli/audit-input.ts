import { createHash } from 'node:crypto';
import { parseAuditBundle, parseAuditSnapshotFile } from '../../shared/exchange/audit-bundle.ts';
import { formatOf, readStrictJson } from '../../shared/exchange/exchange-file.ts';
import { AUDIT_BUNDLE_FORMAT } from '../../shared/exchange/audit-bundle.ts';
import { hasPdfMagic } from '../../shared/import/detect.ts';
import { ImportError } from '../../shared/import/messages.ts';
import { SNAPSHOT_FORMAT, type AuditSnapshot } from '../../shared/snapshot/schema.ts';
import { formatVerifyMessage } from '../../shared/verify/messages.ts';
import { verifyReport, type VerifyOptions } from '../verify/verify-pdf.ts';
import { CliUsageError } from './command.ts';

// The audit a command works from: a signed report, verified first and refused when invalid,
// exactly as `roomcheck extract` does (its embedded snapshot is then read through the same
// extract path), or an audit as JSON, either a bare snapshot (what `demo` and `extract` write)
// or an audit export bundle, read with the app's own import checks.

export type AuditInput = {
  snapshot: AuditSnapshot;
  /** Set when the input was a report whose signature is sound but not trusted. */
  untrusted: string | null;
};

const sha256 = async (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function fromReport(file: string, bytes: Uint8Array, trust: VerifyOptions) {
  // The audit the signature covers, read from the revision it signed (never a later
  // replacement appended after signing), exactly as `roomcheck extract` reads it.
  const { verdict, snapshot } = await verifyReport(bytes, trust);
  if (verdict.code === 'not_pdf') throw new CliUsageError(`${file} is not a PDF.`);
  if (verdict.status === 'invalid') {
    throw new CliUsageError(`refused: ${file} is not a valid signed report. ${verdict.reason}`, 1);
  }
  if (!snapshot)
    throw new CliUsageError(
      verdict.snapshotProblem
        ? formatVerifyMessage(verdict.snapshotProblem, 'en')
        : 'The report carries no embedded audit.',
    );
  return { snapshot, untrusted: verdict.status === 'indeterminate' ? verdict.reason : null };
}

async function fromJson(file: string, bytes: Uint8Array): Promise<AuditInput> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliUsageError(`${file} is neither a signed report (PDF) nor an audit (JSON).`);
  }
  try {
    const json = readStrictJson(text);
    const format = formatOf(json.json);
    if (format === AUDIT_BUNDLE_FORMAT) {
      return { snapshot: (await parseAuditBundle(json, { sha256 })).snapshot, untrusted: null };
    }
    if (format === SNAPSHOT_FORMAT) {
      return {
        snapshot: (await parseAuditSnapshotFile(json, { sha256 })).snapshot,
        untrusted: null,
      };
    }
  } catch (err) {
    if (err instanceof ImportError) throw new CliUsageError(`${file}: ${err.message}`);
    throw err;
  }
  throw new CliUsageError(
    `${file} is not a Roomcheck audit (an audit snapshot or audit export as JSON, or a signed report PDF).`,
  );
}

/** Reads an audit from a signed report or an audit JSON file; throws CliUsageError if it cannot. */
export function readAuditInput(
  file: string,
  bytes: Uint8Array,
  trust: VerifyOptions,
): Promise<AuditInput> {
  return hasPdfMagic(bytes) ? fromReport(file, bytes, trust) : fromJson(file, bytes);
}
