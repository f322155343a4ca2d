import { readCertificates } from '../identity/certificates.ts';
import type { VerifyOptions } from '../verify/verify-pdf.ts';
import { readInputFile } from './cli-files.ts';
import { CliUsageError, type CliIo } from './command.ts';

/** Turns repeated --trust CA.pem and --pin FINGERPRINT options into verifier options. */
export async function trustFromArgs(
  io: CliIo,
  trust: string[] = [],
  pins: string[] = [],
): Promise<VerifyOptions> {
  const anchors: Uint8Array[] = [];
  for (const file of trust) {
    const bytes = await readInputFile(io, file, 'Trust anchor', 1024 * 1024);
    try {
      anchors.push(...readCertificates(bytes));
    } catch (err) {
      throw new CliUsageError(`${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  for (const pin of pins) {
    if (!/^[0-9a-f]{64}$/.test(pin.replaceAll(':', '').toLowerCase())) {
      throw new CliUsageError(`--pin ${pin} is not a SHA-256 fingerprint (64 hexadecimal digits).`);
    }
  }
  return { trustAnchors: anchors, pinnedFingerprints: pins };
}
