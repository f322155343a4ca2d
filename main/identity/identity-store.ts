import {
  createPrivateKey,
  createPublicKey,
  randomBytes,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { IdentitySummary } from '../../shared/bridge/signing-schemas.ts';
import type { SignerMaterial } from '../signing/cms-signer.ts';
import { bytesEqual } from '../signing/der.ts';
import { certificateTimeProblem, publicKeyMatches } from '../signing/signer-checks.ts';
import { createFile, replaceFile } from '../storage/atomic-file.ts';
import { serialized } from '../storage/file-queue.ts';
import { summarizeCertificate } from '../verify/chain.ts';
import {
  createCertificationRequest,
  describeKey,
  generateKeyPair,
  issueCertificate,
  readCertificates,
  toPem,
  type DistinguishedName,
  type KeyAlgorithm,
} from './certificates.ts';
import {
  KeyProtectionError,
  ProtectedKeySchema,
  protectionKindOf,
  type KeyProtector,
} from './key-protector.ts';
import { readPkcs12 } from './p12.ts';
import { passphraseAttempts } from './unlock-attempts.ts';

// Signing identities in <dataDir>/identities/<id>.json: the certificate (and CA chain) in the
// clear, the private key only as a protected envelope. Files are written atomically (a new
// identity's name is created exclusively), readable by the user alone, and validated when read
// back: a tampered file is refused, not trusted. Changes to one identity (its certificate
// arriving, its removal) go through that file's queue, so a removal cannot be undone by a
// certificate import that read the file before it.

export class IdentityError extends Error {
  constructor(
    message: string,
    readonly code: 'not_found' | 'bad_request' | 'failed' = 'bad_request',
  ) {
    super(message);
    this.name = 'IdentityError';
  }
}

const IdentityRecordSchema = z.object({
  format: z.literal('roomcheck.identity'),
  formatVersion: z.literal(1),
  id: z.string().regex(/^id-[0-9a-f]{32}$/),
  label: z.string().max(200),
  origin: z.enum(['p12', 'csr', 'self-issued']),
  keyAlgorithm: z.string().max(50),
  /** SPKI PEM: lets an issued certificate be matched to the key without unlocking it. */
  publicKeyPem: z.string().max(10_000),
  certificatePem: z.string().max(100_000).nullable(),
  chainPem: z.array(z.string().max(100_000)).max(20),
  csrPem: z.string().max(100_000).nullable(),
  key: ProtectedKeySchema,
  createdAt: z.string(),
});
export type IdentityRecord = z.infer<typeof IdentityRecordSchema>;

const newId = () => `id-${randomBytes(16).toString('hex')}`;
const ID_FILE = /^id-[0-9a-f]{32}\.json$/;

function summary(record: IdentityRecord): IdentitySummary {
  const cert = record.certificatePem ? new X509Certificate(record.certificatePem) : null;
  return {
    id: record.id,
    label: record.label,
    origin: record.origin,
    state: cert ? 'ready' : 'awaiting-certificate',
    keyAlgorithm: record.keyAlgorithm,
    protection: protectionKindOf(record.key),
    certificate: cert ? summarizeCertificate(cert) : null,
    chainLength: record.chainPem.length,
    csrPem: cert ? null : record.csrPem,
    createdAt: record.createdAt,
  };
}

const pkcs8 = (key: KeyObject) => new Uint8Array(key.export({ format: 'der', type: 'pkcs8' }));

export class IdentityStore {
  readonly dir: string;
  constructor(dataDir: string) {
    this.dir = join(dataDir, 'identities');
  }

  private fileOf(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  /** Writes a new identity under a name nobody has used. */
  private async create(record: IdentityRecord): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    if (!(await createFile(this.fileOf(record.id), JSON.stringify(record, null, 2)))) {
      throw new IdentityError('Could not store the new identity; try again.', 'failed');
    }
  }

  async get(id: string): Promise<IdentityRecord> {
    if (!/^id-[0-9a-f]{32}$/.test(id))
      throw new IdentityError('There is no such identity.', 'not_found');
    let text: string;
    try {
      text = await readFile(this.fileOf(id), 'utf8');
    } catch {
      throw new IdentityError('There is no such identity.', 'not_found');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new IdentityError(`The stored identity ${id} is damaged.`, 'failed');
    }
    const record = IdentityRecordSchema.safeParse(parsed);
    if (!record.success || record.data.id !== id) {
      throw new IdentityError(`The stored identity ${id} is damaged.`, 'failed');
    }
    return record.data;
  }

  async list(): Promise<IdentitySummary[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const out: IdentitySummary[] = [];
    for (const name of names.filter((n) => ID_FILE.test(n)).sort()) {
      try {
        out.push(summary(await this.get(name.slice(0, -5))));
      } catch {
        // A damaged file is skipped in the list; opening it by id reports the damage.
      }
    }
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async summary(id: string): Promise<IdentitySummary> {
    return summary(await this.get(id));
  }

  async remove(id: string): Promise<void> {
    await this.get(id);
    await serialized(this.fileOf(id), async () => {
      await this.get(id);
      await rm(this.fileOf(id));
    });
  }

  private async store(
    fields: Omit<
      IdentityRecord,
      'format' | 'formatVersion' | 'id' | 'key' | 'createdAt' | 'publicKeyPem'
    >,
    privateKey: KeyObject,
    protector: KeyProtector,
  ): Promise<IdentitySummary> {
    const id = newId();
    const record: IdentityRecord = {
      format: 'roomcheck.identity',
      formatVersion: 1,
      id,
      ...fields,
      publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
      key: await protector.protect(pkcs8(privateKey), id),
      createdAt: new Date().toISOString(),
    };
    await this.create(record);
    return summary(record);
  }

  /** Imports a PKCS#12 file (RSA or EC) and re-protects its key with `protector`. */
  async importP12(
    label: string,
    bytes: Uint8Array,
    p12Passphrase: string,
    protector: KeyProtector,
  ): Promise<IdentitySummary> {
    // A PKCS#12 file's passphrase is tried like a stored key's: one count for all imports.
    const p12 = await passphraseAttempts.attempt('pkcs12-import', async () =>
      readPkcs12(bytes, p12Passphrase),
    );
    return this.store(
      {
        label,
        origin: 'p12',
        keyAlgorithm: describeKey(p12.privateKey),
        certificatePem: toPem(p12.certificate, 'CERTIFICATE'),
        chainPem: p12.chain.map((c) => toPem(c, 'CERTIFICATE')),
        csrPem: null,
      },
      p12.privateKey,
      protector,
    );
  }

  /** A new key and a self-issued certificate, for organisations without a PKI. */
  async createSelfIssued(
    label: string,
    subject: DistinguishedName,
    algorithm: KeyAlgorithm,
    validDays: number,
    protector: KeyProtector,
  ): Promise<IdentitySummary> {
    const { privateKey, publicKey } = generateKeyPair(algorithm);
    const cert = await issueCertificate({
      subject,
      subjectPublicKey: publicKey,
      issuerPrivateKey: privateKey,
      profile: 'signer',
      validDays,
    });
    return this.store(
      {
        label,
        origin: 'self-issued',
        keyAlgorithm: describeKey(privateKey),
        certificatePem: toPem(cert, 'CERTIFICATE'),
        chainPem: [],
        csrPem: null,
      },
      privateKey,
      protector,
    );
  }

  /** A new key and a PKCS#10 request; the identity is usable once the CA's certificate is imported. */
  async createCsr(
    label: string,
    subject: DistinguishedName,
    algorithm: KeyAlgorithm,
    protector: KeyProtector,
  ): Promise<IdentitySummary> {
    const { privateKey } = generateKeyPair(algorithm);
    const csr = await createCertificationRequest(subject, privateKey);
    return this.store(
      {
        label,
        origin: 'csr',
        keyAlgorithm: describeKey(privateKey),
        certificatePem: null,
        chainPem: [],
        csrPem: toPem(csr, 'CERTIFICATE REQUEST'),
      },
      privateKey,
      protector,
    );
  }

  /**
   * Attaches the certificate the CA issued for a pending request (PEM, optionally with its
   * chain, or DER). The certificate must carry this identity's public key.
   */
  async importCertificate(id: string, data: Uint8Array | string): Promise<IdentitySummary> {
    await this.get(id);
    return serialized(this.fileOf(id), () => this.attachCertificate(id, data));
  }

  private async attachCertificate(id: string, data: Uint8Array | string): Promise<IdentitySummary> {
    const record = await this.get(id);
    if (record.certificatePem)
      throw new IdentityError('This identity already has its certificate.');
    if (!record.csrPem) throw new IdentityError('This identity is not waiting for a certificate.');
    let certs: Uint8Array[];
    try {
      certs = readCertificates(data);
    } catch (err) {
      throw new IdentityError(err instanceof Error ? err.message : String(err));
    }
    const ours = createPublicKey(record.publicKeyPem).export({ type: 'spki', format: 'der' });
    const leaf = certs.find((c) =>
      bytesEqual(
        new Uint8Array(new X509Certificate(c).publicKey.export({ type: 'spki', format: 'der' })),
        new Uint8Array(ours),
      ),
    );
    if (!leaf) {
      throw new IdentityError(
        "This certificate was issued for a different key than this identity's request.",
      );
    }
    const cert = new X509Certificate(leaf);
    if (Date.parse(cert.validTo) < Date.now())
      throw new IdentityError('This certificate has already expired.');
    const updated: IdentityRecord = {
      ...record,
      certificatePem: toPem(leaf, 'CERTIFICATE'),
      chainPem: certs.filter((c) => c !== leaf).map((c) => toPem(c, 'CERTIFICATE')),
    };
    await replaceFile(this.fileOf(id), JSON.stringify(updated, null, 2));
    return summary(updated);
  }

  /**
   * Decrypts the key and returns what the signer needs; the key stays in this process.
   * Everything that can be known without the key is checked first (a certificate, the right
   * protection, a certificate valid `at`), so a right passphrase is never answered differently
   * from a wrong one; passphrase tries go through `passphraseAttempts` (unlock-attempts.ts).
   */
  async unlock(
    id: string,
    protector: KeyProtector,
    at: Date = new Date(),
  ): Promise<SignerMaterial & { record: IdentityRecord }> {
    const record = await this.get(id);
    if (!record.certificatePem) {
      throw new IdentityError(
        'This identity has no certificate yet; import the one your CA issued.',
      );
    }
    if (protector.kind !== protectionKindOf(record.key)) {
      throw new KeyProtectionError(
        record.key.scheme === 'electron-safe-storage'
          ? 'This key is protected by the operating system and can only be used in the desktop app.'
          : 'This key is protected by a passphrase; enter it to sign.',
      );
    }
    const cert = new X509Certificate(record.certificatePem);
    const tooEarlyOrLate = certificateTimeProblem(cert, at);
    if (tooEarlyOrLate) throw new IdentityError(tooEarlyOrLate);
    const der =
      protector.kind === 'passphrase'
        ? await passphraseAttempts.attempt(this.fileOf(id), () =>
            protector.unprotect(record.key, id),
          )
        : await protector.unprotect(record.key, id);
    const privateKey = createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
    const certificate = new Uint8Array(cert.raw);
    if (!publicKeyMatches(privateKey, certificate)) {
      throw new IdentityError('The stored key does not match the stored certificate.', 'failed');
    }
    return {
      record,
      privateKey,
      certificate,
      chain: record.chainPem.map((p) => new Uint8Array(new X509Certificate(p).raw)),
    };
  }
}
