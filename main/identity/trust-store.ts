import { X509Certificate } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { TrustList } from '../../shared/bridge/signing-schemas.ts';
import { certificateFingerprint } from '../signing/signer-checks.ts';
import { summarizeCertificate } from '../verify/chain.ts';
import type { VerifyOptions } from '../verify/verify-pdf.ts';
import { replaceFile } from '../storage/atomic-file.ts';
import { serialized } from '../storage/file-queue.ts';
import { readCertificates, toPem } from './certificates.ts';

// What this installation trusts when it verifies reports: organisation CA certificates the
// user imported, and pinned certificate fingerprints (a self-issued inspector certificate
// checked by phone or on paper). One JSON file in the data dir, validated when read. Every
// change is a read-modify-write through the file's queue, replaced atomically.

export class TrustStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrustStoreError';
  }
}

const MAX_ENTRIES = 500;

const TrustFileSchema = z.object({
  format: z.literal('roomcheck.trust'),
  formatVersion: z.literal(1),
  anchors: z
    .array(z.object({ pem: z.string().max(100_000), addedAt: z.string() }))
    .max(MAX_ENTRIES),
  pins: z
    .array(
      z.object({
        fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
        label: z.string().max(200),
        addedAt: z.string(),
      }),
    )
    .max(MAX_ENTRIES),
});
type TrustFile = z.infer<typeof TrustFileSchema>;

const EMPTY: TrustFile = { format: 'roomcheck.trust', formatVersion: 1, anchors: [], pins: [] };

const summarize = (data: TrustFile): TrustList => ({
  anchors: data.anchors.map((a) => summarizeCertificate(new X509Certificate(a.pem))),
  pins: data.pins,
});

const anchorFingerprint = (pem: string) =>
  certificateFingerprint(new Uint8Array(new X509Certificate(pem).raw));

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

  /** Reads, changes and writes the file, one change at a time; `change` returns the new contents. */
  private update(change: (file: TrustFile) => TrustFile | 'unchanged'): Promise<TrustList> {
    return serialized(this.file, async () => {
      const current = await this.read();
      const next = change(current);
      if (next !== 'unchanged') {
        if (next.anchors.length > MAX_ENTRIES || next.pins.length > MAX_ENTRIES) {
          throw new TrustStoreError(
            `The trust list holds at most ${MAX_ENTRIES} certificates and ${MAX_ENTRIES} pins; remove some first.`,
          );
        }
        await mkdir(join(this.file, '..'), { recursive: true, mode: 0o700 });
        await replaceFile(this.file, JSON.stringify(next, null, 2));
      }
      return summarize(next === 'unchanged' ? current : next);
    });
  }

  async list(): Promise<TrustList> {
    return summarize(await this.read());
  }

  /** Imports CA certificates (PEM, one or more, or DER). Non-CA certificates are refused. */
  async importCertificates(data: Uint8Array | string): Promise<TrustList> {
    let certs: Uint8Array[];
    try {
      certs = readCertificates(data);
    } catch (err) {
      throw new TrustStoreError(err instanceof Error ? err.message : String(err));
    }
    return this.update((file) => {
      const known = new Set(file.anchors.map((a) => anchorFingerprint(a.pem)));
      const anchors = [...file.anchors];
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
        anchors.push({ pem: toPem(der, 'CERTIFICATE'), addedAt: new Date().toISOString() });
      }
      return { ...file, anchors };
    });
  }

  async pin(fingerprint: string, label: string): Promise<TrustList> {
    const fp = fingerprint.replaceAll(':', '').trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(fp))
      throw new TrustStoreError('A fingerprint is 64 hexadecimal digits (SHA-256).');
    return this.update((file) =>
      file.pins.some((p) => p.fingerprint === fp)
        ? 'unchanged'
        : {
            ...file,
            pins: [...file.pins, { fingerprint: fp, label, addedAt: new Date().toISOString() }],
          },
    );
  }

  /** Removes an anchor (by its certificate's fingerprint) or a pin. */
  async remove(fingerprint: string): Promise<TrustList> {
    const fp = fingerprint.replaceAll(':', '').trim().toLowerCase();
    return this.update((file) => {
      const anchors = file.anchors.filter((a) => anchorFingerprint(a.pem) !== fp);
      const pins = file.pins.filter((p) => p.fingerprint !== fp);
      if (anchors.length === file.anchors.length && pins.length === file.pins.length) {
        throw new TrustStoreError('That certificate or fingerprint is not in the trust list.');
      }
      return { ...file, anchors, pins };
    });
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
