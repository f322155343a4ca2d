import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readCertificates } from '../../identity/certificates.ts';
import type { VerifyOptions } from '../../verify/verify-pdf.ts';
import { CliUsageError, type CliIo } from '../command.ts';

// File reading, argument parsing and trust options for check-import, each failure one plain
// sentence (exit 3). The size is checked with stat before reading, so a 5 GB file is refused
// without loading it.

export async function readLimitedFile(
  io: CliIo,
  path: string,
  what: string,
  maxBytes: number,
): Promise<Uint8Array> {
  const full = resolve(io.cwd, path);
  let size: number;
  try {
    const s = await stat(full);
    if (!s.isFile()) throw new CliUsageError(`${what} ${path} is not a file.`);
    size = s.size;
  } catch (err) {
    if (err instanceof CliUsageError) throw err;
    throw new CliUsageError(
      `Cannot read ${what.toLowerCase()} ${path}: no such file or no permission.`,
    );
  }
  if (size > maxBytes) {
    throw new CliUsageError(
      `${what} ${path} is ${(size / 1024 / 1024).toFixed(1)} MB; files above ${Math.round(maxBytes / 1024 / 1024)} MB are refused.`,
    );
  }
  try {
    return new Uint8Array(await readFile(full));
  } catch {
    throw new CliUsageError(`Cannot read ${what.toLowerCase()} ${path}.`);
  }
}

/** node:util parseArgs with its errors as usage errors. */
export function parseCommandArgs<T extends ParseArgsConfig>(args: string[], config: T) {
  try {
    return parseArgs({ ...config, args, strict: true });
  } catch (err) {
    const message =
      err instanceof Error ? err.message.replace(/\. To specify.*$/s, '.') : String(err);
    throw new CliUsageError(`${message} Run with --help for usage.`);
  }
}

/** Repeated --trust CA.pem and --pin FINGERPRINT as verifier options. */
export async function trustOptions(
  io: CliIo,
  trust: string[] = [],
  pins: string[] = [],
): Promise<VerifyOptions> {
  const anchors: Uint8Array[] = [];
  for (const file of trust) {
    const bytes = await readLimitedFile(io, file, 'Trust anchor', 1024 * 1024);
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
