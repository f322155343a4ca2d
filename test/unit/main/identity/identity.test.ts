import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, issueCertificate } from '../../../../main/identity/certificates.ts';
import { IdentityStore } from '../../../../main/identity/identity-store.ts';
import { KeyProtectionError } from '../../../../main/identity/key-protector.ts';
import { readPkcs12, writeRsaPkcs12 } from '../../../../main/identity/p12.ts';
import { passphraseProtector } from '../../../../main/identity/passphrase-protector.ts';
import {
  safeStorageProtector,
  type SafeStorageLike,
} from '../../../../main/identity/safe-storage-protector.ts';
import { TrustStore } from '../../../../main/identity/trust-store.ts';
import { signReportPdf } from '../../../../main/report/create-signed-report.ts';
import { verifyPdf } from '../../../../main/verify/verify-pdf.ts';
import { missingJudges } from '../signing/support/judges.ts';
import { P12_PASSPHRASE, testPki } from '../signing/support/pki.ts';
import { demoSnapshot, info, samplePdf } from '../signing/support/samples.ts';

const skip = missingJudges('openssl');
if (skip) console.warn(`[identity tests] skipped: ${skip}`);

const PASS = 'a long enough passphrase';
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'roomcheck-identity-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('passphrase key protection', () => {
  const key = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
  it('round-trips, and a wrong passphrase, another identity or a flipped byte is refused', async () => {
    const envelope = await passphraseProtector(PASS).protect(key, 'id-a');
    expect(await passphraseProtector(PASS).unprotect(envelope, 'id-a')).toEqual(key);
    await expect(
      passphraseProtector('wrong passphrase').unprotect(envelope, 'id-a'),
    ).rejects.toThrow(KeyProtectionError);
    await expect(passphraseProtector(PASS).unprotect(envelope, 'id-b')).rejects.toThrow(
      KeyProtectionError,
    );
    const data = Buffer.from(
      envelope.scheme === 'scrypt-aes-256-gcm' ? envelope.data : '',
      'base64',
    );
    data[0]! ^= 1;
    await expect(
      passphraseProtector(PASS).unprotect(
        { ...envelope, data: data.toString('base64') } as typeof envelope,
        'id-a',
      ),
    ).rejects.toThrow(/passphrase is wrong, or the key it protects was altered/);
  });
  it('refuses a short passphrase for a new key', async () => {
    await expect(passphraseProtector('short').protect(key, 'x')).rejects.toThrow(/at least 8/);
  });
});

describe('Electron safeStorage key protection (electron mocked)', () => {
  const fake = (backend: string, available = true): SafeStorageLike => ({
    isEncryptionAvailable: () => available,
    // A stand-in cipher: enough to show the protector stores what safeStorage returns.
    encryptString: (s) => Buffer.from(s, 'utf8').reverse(),
    decryptString: (b) => Buffer.from(b).reverse().toString('utf8'),
    getSelectedStorageBackend: () => backend,
  });

  it("refuses Linux's plain-text fallback and an unavailable keychain", () => {
    expect(() => safeStorageProtector(fake('basic_text'), 'linux')).toThrow(
      /use a passphrase instead/,
    );
    expect(() => safeStorageProtector(fake('gnome_libsecret', false), 'linux')).toThrow(
      /cannot protect keys/,
    );
    expect(() => safeStorageProtector(fake('unknown'), 'darwin')).not.toThrow();
  });

  it('round-trips with a real keyring backend and binds the key to its identity', async () => {
    const p = safeStorageProtector(fake('gnome_libsecret'), 'linux');
    const env = await p.protect(new Uint8Array([9, 9, 9]), 'id-a');
    expect(env.scheme).toBe('electron-safe-storage');
    expect(await p.unprotect(env, 'id-a')).toEqual(new Uint8Array([9, 9, 9]));
    await expect(p.unprotect(env, 'id-b')).rejects.toThrow(/another identity/);
  });
});

describe.skipIf(skip !== null)('identities', () => {
  it('imports OpenSSL PKCS#12 files (RSA and EC, AES and legacy); a wrong passphrase or garbage is a sentence', async () => {
    const store = new IdentityStore(dataDir);
    const pki = testPki();
    for (const file of [pki.rsa.p12, pki.ec.p12, pki.rsa.p12Legacy, pki.ec.p12Legacy]) {
      const s = await store.importP12(
        'imported',
        new Uint8Array(await readFile(file)),
        P12_PASSPHRASE,
        passphraseProtector(PASS),
      );
      expect(s.state).toBe('ready');
      expect(s.chainLength).toBe(1);
      const unlocked = await store.unlock(s.id, passphraseProtector(PASS));
      expect(unlocked.certificate).toEqual(
        file.includes('rsa') ? pki.rsa.certificate : pki.ec.certificate,
      );
    }
    await expect(
      store.importP12(
        'x',
        new Uint8Array(await readFile(pki.ec.p12)),
        'nope',
        passphraseProtector(PASS),
      ),
    ).rejects.toThrow('The passphrase is wrong, or the key it protects was altered.');
    await expect(
      store.importP12('x', new Uint8Array([0x30, 0x03, 1, 2, 3]), '', passphraseProtector(PASS)),
    ).rejects.toThrow(/not a PKCS#12/);
  });

  it('writes PKCS#12 that round-trips certificates byte for byte, including ECDSA-signed ones with Chinese names', async () => {
    const ca = generateKeyPair('ec-p256');
    const caCert = await issueCertificate({
      subject: { commonName: '测试 CA' },
      subjectPublicKey: ca.publicKey,
      issuerPrivateKey: ca.privateKey,
      profile: 'ca',
      validDays: 30,
    });
    const leaf = generateKeyPair('rsa-3072');
    const cert = await issueCertificate({
      subject: { commonName: '王建国', organisation: '示例' },
      subjectPublicKey: leaf.publicKey,
      issuerCertificate: caCert,
      issuerPrivateKey: ca.privateKey,
      profile: 'signer',
      validDays: 30,
    });
    const back = readPkcs12(
      writeRsaPkcs12(
        { privateKey: leaf.privateKey, certificate: cert, chain: [caCert] },
        PASS,
        '王建国',
      ),
      PASS,
    );
    expect(back.certificate).toEqual(cert);
    expect(back.chain).toEqual([caCert]);
    expect(
      new X509Certificate(back.certificate).verify(new X509Certificate(caCert).publicKey),
    ).toBe(true);
  });

  it('self-issued: signs a report that is trusted once its fingerprint is pinned', async () => {
    const store = new IdentityStore(dataDir);
    const s = await store.createSelfIssued(
      'Me',
      { commonName: '张三', organisation: 'Org' },
      'ec-p256',
      30,
      passphraseProtector(PASS),
    );
    expect(s.certificate).toMatchObject({ commonName: '张三', selfIssued: true });
    const signer = await store.unlock(s.id, passphraseProtector(PASS));
    const { bytes } = await signReportPdf(samplePdf(), demoSnapshot(), signer, info('张三'));
    const trust = new TrustStore(dataDir);
    expect((await verifyPdf(bytes, await trust.verifyOptions())).status).toBe('indeterminate');
    await trust.pin(s.certificate!.fingerprintSha256, 'Me');
    expect((await verifyPdf(bytes, await trust.verifyOptions())).status).toBe('valid');
    await trust.remove(s.certificate!.fingerprintSha256);
    expect((await verifyPdf(bytes, await trust.verifyOptions())).status).toBe('indeterminate');
  });

  it('CSR: the CA issues a certificate for it; a certificate for another key is refused', async () => {
    const store = new IdentityStore(dataDir);
    const pending = await store.createCsr(
      'Inspector',
      { commonName: 'Inspector CSR' },
      'rsa-3072',
      passphraseProtector(PASS),
    );
    expect(pending.state).toBe('awaiting-certificate');
    expect(pending.csrPem).toMatch(/BEGIN CERTIFICATE REQUEST/);
    await expect(store.unlock(pending.id, passphraseProtector(PASS))).rejects.toThrow(
      /no certificate yet/,
    );
    const pki = testPki();
    await expect(store.importCertificate(pending.id, pki.ec.pem)).rejects.toThrow(/different key/);
    const issued = pki.signCsr(pending.csrPem!);
    const ready = await store.importCertificate(pending.id, issued + pki.caPem);
    expect(ready).toMatchObject({
      state: 'ready',
      chainLength: 1,
      certificate: { commonName: 'Inspector CSR' },
    });
    const signer = await store.unlock(pending.id, passphraseProtector(PASS));
    const { bytes } = await signReportPdf(samplePdf(), demoSnapshot(), signer, info());
    const trust = new TrustStore(dataDir);
    await trust.importCertificates(pki.caPem);
    expect((await verifyPdf(bytes, await trust.verifyOptions())).status).toBe('valid');
  });

  it('a tampered identity file is refused, not trusted', async () => {
    const store = new IdentityStore(dataDir);
    const s = await store.createSelfIssued(
      'T',
      { commonName: 'T' },
      'ec-p256',
      30,
      passphraseProtector(PASS),
    );
    const file = join(dataDir, 'identities', `${s.id}.json`);
    const record = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...record, certificatePem: testPki().ec.pem }));
    await expect(store.unlock(s.id, passphraseProtector(PASS))).rejects.toThrow(/does not match/);
    await writeFile(file, '{"format":"roomcheck.identity"');
    await expect(store.get(s.id)).rejects.toThrow(/damaged/);
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/no such identity/);
  });

  it('trust store: CA certificates only, pins by fingerprint, a damaged file is reported', async () => {
    const trust = new TrustStore(dataDir);
    await expect(trust.importCertificates(testPki().ec.pem)).rejects.toThrow(
      /not a CA certificate; pin its fingerprint/,
    );
    await expect(trust.importCertificates('garbage')).rejects.toThrow(/not a PEM certificate/);
    await expect(trust.pin('12:34', 'x')).rejects.toThrow(/64 hexadecimal digits/);
    const list = await trust.importCertificates(testPki().caPem + testPki().otherCaPem);
    expect(list.anchors.map((a) => a.commonName).sort()).toEqual([
      'Roomcheck Test CA',
      'Some Other CA',
    ]);
    await writeFile(trust.file, 'not json');
    await expect(trust.list()).rejects.toThrow(/damaged/);
  });
});
