import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from '../../../../main/bridge/router.ts';
import { handlers } from '../../../../main/handlers/index.ts';
import { contract } from '../../../../shared/bridge/contract.ts';
import { MAX_PDF_BYTES, type IdentitySummary } from '../../../../shared/bridge/signing-schemas.ts';
import { missingJudges } from '../signing/support/judges.ts';
import { P12_PASSPHRASE, testPki } from '../signing/support/pki.ts';
import { demoSnapshot } from '../signing/support/samples.ts';

// The signing calls through the real router: hostile payloads never reach a handler, and the
// happy paths create identities, sign, countersign and verify with files in a temp data dir.

const skip = missingJudges('openssl');
if (skip) console.warn(`[bridge signing tests] skipped: ${skip}`);

const PASS = 'correct horse battery';
let dataDir: string;
const dispatch = (name: string, payload: unknown) =>
  createRouter(handlers, { dataDir, version: '1.0.0', transport: 'loopback' })(name, payload);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'roomcheck-bridge-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('hostile payloads are refused before any handler runs', () => {
  const spied = Object.fromEntries(
    Object.keys(handlers).map((k) => [
      k,
      vi.fn(() => {
        throw new Error('handler reached');
      }),
    ]),
  ) as unknown as Handlers;
  const guarded = (name: string, payload: unknown) =>
    createRouter(spied, { dataDir: '/nonexistent', version: '1', transport: 'loopback' })(
      name,
      payload,
    );

  const cases: [string, unknown][] = [
    ['reportVerify', { pdfBase64: '!!!not base64!!!' }],
    ['reportVerify', { pdfBase64: 'QUJD' + '=' }],
    ['reportVerify', { pdfBase64: 12345 }],
    ['reportVerify', { pdfBase64: 'QUJD', extra: true }],
    ['reportVerify', { pdfBase64: 'A'.repeat(Math.ceil(MAX_PDF_BYTES / 3) * 4 + 4) }],
    ['reportVerify', null],
    ['reportSign', { snapshot: { format: 'nope' }, identityId: 'id-' + '0'.repeat(32) }],
    ['reportSign', { snapshot: demoSnapshot(), identityId: '../../etc/passwd' }],
    ['reportCountersign', { pdfBase64: 'QUJD', identityId: 'id-x' }],
    [
      'identityImportP12',
      {
        label: 'x',
        p12Base64: 'QUJD',
        p12Passphrase: 'p',
        protection: { kind: 'passphrase', passphrase: 'short' },
      },
    ],
    [
      'identityImportP12',
      {
        label: 'x',
        p12Base64: '%%%%',
        p12Passphrase: 'p',
        protection: { kind: 'passphrase', passphrase: PASS },
      },
    ],
    [
      'identityCreateSelfIssued',
      {
        label: 'x',
        subject: { commonName: '' },
        keyAlgorithm: 'ec-p256',
        validDays: 30,
        protection: { kind: 'passphrase', passphrase: PASS },
      },
    ],
    [
      'identityCreateSelfIssued',
      {
        label: 'x',
        subject: { commonName: 'a' },
        keyAlgorithm: 'dsa-1024',
        validDays: 30,
        protection: { kind: 'passphrase', passphrase: PASS },
      },
    ],
    [
      'identityCreateSelfIssued',
      {
        label: 'x',
        subject: { commonName: 'a' },
        keyAlgorithm: 'ec-p256',
        validDays: 99999,
        protection: { kind: 'passphrase', passphrase: PASS },
      },
    ],
    [
      'identityImportCertificate',
      { identityId: 'id-' + '0'.repeat(32), certificate: 'x'.repeat(2 * 1024 * 1024) },
    ],
    ['trustAnchorImport', { kind: 'fingerprint', fingerprint: 'abc', label: 'x' }],
    ['trustAnchorImport', { kind: 'script', data: 'x' }],
    ['trustAnchorRemove', { fingerprint: 'zz'.repeat(32) }],
  ];
  it.each(cases.map(([name, payload], i) => [name, i, payload] as const))(
    '%s refuses hostile payload #%i',
    async (name, _i, payload) => {
      const result = await guarded(name, payload);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('bad_request');
      for (const fn of Object.values(spied)) expect(fn).not.toHaveBeenCalled();
    },
  );

  it('signing calls accept payloads big enough for a snapshot with photos', () => {
    expect(contract.reportSign.maxRequestBytes).toBeGreaterThanOrEqual(64 * 1024 * 1024);
  });
});

describe.skipIf(skip !== null)('signing over the bridge, end to end', () => {
  let inspector: IdentitySummary;

  it('creates a self-issued identity whose key file holds no plain key', async () => {
    const r = await dispatch('identityCreateSelfIssued', {
      label: 'Inspector 张三',
      subject: { commonName: '张三', organisation: 'Example Org' },
      keyAlgorithm: 'ec-p256',
      validDays: 365,
      protection: { kind: 'passphrase', passphrase: PASS },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    inspector = r.value as IdentitySummary;
    expect(inspector).toMatchObject({
      state: 'ready',
      origin: 'self-issued',
      protection: 'passphrase',
      keyAlgorithm: 'EC P-256',
    });
    expect(inspector.certificate?.selfIssued).toBe(true);
    const stored = await readFile(join(dataDir, 'identities', `${inspector.id}.json`), 'utf8');
    expect(stored).not.toMatch(/PRIVATE KEY/);
    expect(JSON.parse(stored).key.scheme).toBe('scrypt-aes-256-gcm');
  });

  it('refuses operating-system key storage over the loopback transport', async () => {
    const r = await dispatch('identityCreateCsr', {
      label: 'x',
      subject: { commonName: 'x' },
      keyAlgorithm: 'ec-p256',
      protection: { kind: 'safeStorage' },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    if (!r.ok) expect(r.error.message).toMatch(/only available in the desktop app/);
  });

  it('a wrong passphrase is a plain refusal, not a crash', async () => {
    const r = await dispatch('reportSign', {
      snapshot: demoSnapshot(),
      identityId: inspector.id,
      passphrase: 'wrong passphrase',
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'wrong_passphrase',
        message: 'The passphrase is wrong, or the key it protects was altered.',
      },
    });
  });

  it('signs, verifies (indeterminate until pinned), pins, verifies valid, countersigns', async () => {
    const signed = await dispatch('reportSign', {
      snapshot: demoSnapshot(),
      identityId: inspector.id,
      passphrase: PASS,
    });
    expect(signed.ok).toBe(true);
    if (!signed.ok) return;
    const { pdfBase64, pageCount, verdict } = signed.value as {
      pdfBase64: string;
      pageCount: number;
      verdict: { status: string };
    };
    expect(pageCount).toBeGreaterThan(3);
    expect(verdict.status).toBe('indeterminate');

    const pinned = await dispatch('trustAnchorImport', {
      kind: 'fingerprint',
      fingerprint: inspector.certificate!.fingerprintSha256.toUpperCase(),
      label: 'Inspector',
    });
    expect(pinned.ok).toBe(true);
    const verified = await dispatch('reportVerify', { pdfBase64 });
    expect(verified).toMatchObject({
      ok: true,
      value: { status: 'valid', snapshot: { auditId: demoSnapshot().audit.id } },
    });

    // The approver imports an OpenSSL PKCS#12 (EC) and trusts the test CA.
    const p12 = await readFile(testPki().ec.p12);
    const approver = await dispatch('identityImportP12', {
      label: 'Approver',
      p12Base64: p12.toString('base64'),
      p12Passphrase: P12_PASSPHRASE,
      protection: { kind: 'passphrase', passphrase: PASS },
    });
    expect(approver.ok).toBe(true);
    if (!approver.ok) return;
    expect(
      await dispatch('trustAnchorImport', { kind: 'certificate', data: testPki().caPem }),
    ).toMatchObject({ ok: true });
    const counter = await dispatch('reportCountersign', {
      pdfBase64,
      identityId: (approver.value as IdentitySummary).id,
      passphrase: PASS,
    });
    expect(counter).toMatchObject({ ok: true, value: { verdict: { status: 'valid' } } });
    if (counter.ok)
      expect(
        (counter.value as { verdict: { signatures: unknown[] } }).verdict.signatures,
      ).toHaveLength(2);
  });

  it('lists identities and removes one', async () => {
    const list = await dispatch('identityList', {});
    expect(list.ok && (list.value as { identities: unknown[] }).identities.length).toBe(2);
    expect(await dispatch('identityRemove', { identityId: inspector.id })).toMatchObject({
      ok: true,
    });
    expect(await dispatch('identityRemove', { identityId: inspector.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
