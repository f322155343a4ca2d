import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IdentityStore } from '../../../../main/identity/identity-store.ts';
import { passphraseProtector } from '../../../../main/identity/passphrase-protector.ts';
import { signingCalls } from '../../../../shared/bridge/signing-schemas.ts';
import { hasTool } from '../signing/support/judges.ts';

// The identity screens ask for an e-mail address: it must end up where certificate viewers and
// CAs look for it, and a malformed one must be refused at the bridge.

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'roomcheck-email-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const subject = {
  commonName: 'Wang Fang 王芳',
  organisation: 'Security Office',
  email: 'wang.fang@example.org',
};

describe('e-mail address in signing identities', () => {
  it('goes into a self-issued certificate as emailAddress and as an rfc822Name', async () => {
    const store = new IdentityStore(dir);
    const id = await store.createSelfIssued(
      'Wang Fang',
      subject,
      'ec-p256',
      365,
      passphraseProtector('a long enough passphrase'),
    );
    const record = await store.get(id.id);
    const cert = new X509Certificate(record.certificatePem!);
    expect(cert.subject).toContain('emailAddress=wang.fang@example.org');
    expect(cert.subjectAltName).toBe('email:wang.fang@example.org');
    expect(id.certificate?.subject).toContain('wang.fang@example.org');
  });

  it('goes into the certificate signing request for the CA', async (ctx) => {
    const store = new IdentityStore(dir);
    const id = await store.createCsr(
      'Wang Fang',
      subject,
      'rsa-3072',
      passphraseProtector('a long enough passphrase'),
    );
    expect(id.csrPem).toContain('BEGIN CERTIFICATE REQUEST');
    if (!hasTool('openssl')) {
      console.log('openssl not installed: the CSR subject is not read back by it');
      ctx.skip();
    }
    const text = execFileSync('openssl', ['req', '-noout', '-subject', '-nameopt', 'utf8'], {
      input: id.csrPem!,
      encoding: 'utf8',
    });
    expect(text).toContain('emailAddress=wang.fang@example.org');
    expect(text).toContain('CN=Wang Fang 王芳');
  });

  it('is refused at the bridge when it is not an address, and optional otherwise', () => {
    const request = (email?: string) => ({
      label: 'x',
      subject: { commonName: 'x', ...(email !== undefined && { email }) },
      keyAlgorithm: 'ec-p256',
      validDays: 30,
      protection: { kind: 'passphrase', passphrase: 'long enough' },
    });
    const schema = signingCalls.identityCreateSelfIssued.request;
    expect(schema.safeParse(request()).success).toBe(true);
    expect(schema.safeParse(request('a@b.example')).success).toBe(true);
    for (const bad of ['not an address', 'a@b', 'x'.repeat(130) + '@b.example', 'a@b.example\n'])
      expect(schema.safeParse(request(bad)).success, bad).toBe(false);
  });
});
