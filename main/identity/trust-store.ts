import { randomBytes, X509Certificate } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { TrustList } from '../../shared/bridge/signing-schemas.ts';
import { certificateFingerprint } from '../signing/signer-checks.ts';
import { summarizeCertificate } from '../verify/chain.ts';
import type { VerifyOptions } from '../verify/verify-pdf.ts';
import { readCertificates, toPem } from './certificates.ts';

// What this installation trusts when it verifies reports: organisation CA certificates the
// user imported, and pinned certificate fingerprints (a self-issued inspector certificate
// checked by phone or on paper). One JSON file in the data dir, validated when read.

export class TrustStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrustStoreError';
  }
}

const TrustFileSchema = z.object({
  format: z.literal('roomcheck.trust'),
  formatVersion: z.literal(1),
  anchors: z.array(z.object({ pem: z.string().max(100_000), addedAt: z.string() })).max(500),
  pins: z
    .array(
      z.object({
        fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
        label: z.string().max(200),
        addedAt: z.string(),
      }),
    )
    .max(500),
});
type TrustFile = z.infer<typeof TrustFileSchema>;

const EMPTY: TrustFile = { format: 'roomcheck.trust', formatVersion: 1, anchors: [], pins: [] };

export class TrustStore {
  readonly file: string;
  constructor(dataDir: string) {
    this.file = join(dataDir, 'trust', 'trust.json');
  }

  private async read(): Promise<TrustFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return structuredClone(EMPTY);
    }
    try {
      return TrustFileSchema.parse(JSON.parse(text));
    } catch {
      throw new TrustStoreError(`The trust list ${this.file} is damaged; fix or remove it.`);
    }
  }

  private async write(data: TrustFile): Promise<void> {
    await mkdir(join(this.file, '..'), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, JSON.stringify(data, null, 2), { mode: 0o600 });
    await rename(tmp, this.file);
  }

  async list(): Promise<TrustList> {
    const data = await this.read();
    return {
      anchors: data.anchors.map((a) => summarizeCertificate(new X509Certificate(a.pem))),
      pins: data.pins,
    };
  }

  /** Imports CA certificates (PEM, one or more, or DER). Non-CA certificates are refused. */
  async importCertificates(data: Uint8Array | string): Promise<TrustList> {
    let certs: Uint8Array[];
    try {
      certs = readCertificates(data);
    } catch (err) {
      throw new TrustStoreError(err instanceof Error ? err.message : String(err));
    }
    const file = await this.read();
    const known = new Set(
      file.anchors.map((a) =>
        certificateFingerprint(new Uint8Array(new X509Certificate(a.pem).raw)),
      ),
    );
    for (const der of certs) {
      const cert = new X509Certificate(der);
      if (!cert.ca) {
        throw new TrustStoreError(
          `"${cert.subject.replaceAll('\n', ', ')}" is not a CA certificate; pin its fingerprint instead.`,
        );
      }
      const fp = certificateFingerprint(der);
      if (known.has(fp)) continue;
      known.add(fp);
      file.anchors.push({ pem: toPem(der, 'CERTIFICATE'), addedAt: new Date().toISOString() });
    }
    await this.write(file);
    return this.list();
  }

  async pin(fingerprint: string, label: string): Promise<TrustList> {
    const fp = fingerprint.replaceAll(':', '').trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(fp))
      throw new TrustStoreError('A fingerprint is 64 hexadecimal digits (SHA-256).');
    const file = await this.read();
    if (!file.pins.some((p) => p.fingerprint === fp)) {
      file.pins.push({ fingerprint: fp, label, addedAt: new Date().toISOString() });
      await this.write(file);
    }
    return this.list();
  }

  /** Removes an anchor (by its certificate's fingerprint) or a pin. */
  async remove(fingerprint: string): Promise<TrustList> {
    const fp = fingerprint.replaceAll(':', '').trim().toLowerCase();
    const file = await this.read();
    const anchors = file.anchors.filter(
      (a) => certificateFingerprint(new Uint8Array(new X509Certificate(a.pem).raw)) !== fp,
    );
    const pins = file.pins.filter((p) => p.fingerprint !== fp);
    if (anchors.length === file.anchors.length && pins.length === file.pins.length) {
      throw new TrustStoreError('That certificate or fingerprint is not in the trust list.');
    }
    await this.write({ ...file, anchors, pins });
    return this.list();
  }

  /** The verifier's options for this installation. */
  async verifyOptions(): Promise<VerifyOptions> {
    const file = await this.read();
    return {
      trustAnchors: file.anchors.map((a) => a.pem),
      pinnedFingerprints: file.pins.map((p) => p.fingerprint),
    };
  }
}
