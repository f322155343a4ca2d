import { createPublicKey } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createRouter, type DispatchResult } from '../../../../main/bridge/router.ts';
import { handlers } from '../../../../main/handlers/index.ts';
import { issueCertificate, toPem } from '../../../../main/identity/certificates.ts';
import { IdentityStore } from '../../../../main/identity/identity-store.ts';
import { passphraseProtector } from '../../../../main/identity/passphrase-protector.ts';
import {
  PassphraseAttempts,
  unlockDelayMs,
  WrongPassphraseError,
} from '../../../../main/identity/unlock-attempts.ts';
import { signReportPdf } from '../../../../main/report/create-signed-report.ts';
import { missingJudges } from '../signing/support/judges.ts';
import { P12_PASSPHRASE, testPki } from '../signing/support/pki.ts';
import { demoSnapshot, info, samplePdf } from '../signing/support/samples.ts';

// Guessing a key's passphrase through the bridge: every wrong guess gets the one same answer
// wherever it is made, a right guess is told apart only by the operation succeeding, and
// guesses on one key slow down with each failure.

const skip = missingJudges('openssl');
if (skip) console.warn(`[unlock attempts] skipped: ${skip}`);

const PASS = 'the right passphrase';
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rc-unlock-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** A fresh bridge on its own data dir (a fresh limiter key space: identities are new). */
const bridge = () =>
  createRouter(handlers, { dataDir, version: '1', transport: 'loopback' }) as (
    name: string,
    payload: unknown,
  ) => Promise<DispatchResult>;

async function newIdentity(label: string) {
  return new IdentityStore(dataDir).createSelfIssued(
    label,
    { commonName: label },
    'ec-p256',
    30,
    passphraseProtector(PASS),
  );
}

async function signedReport(identityId: string): Promise<Uint8Array> {
  const signer = await new IdentityStore(dataDir).unlock(identityId, passphraseProtector(PASS));
  return (await signReportPdf(samplePdf(), demoSnapshot(), signer, info())).bytes;
}

function errorOf(result: DispatchResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe.skipIf(skip)('passphrase attempts over the bridge', () => {
  it('a wrong passphrase gets the same answer wherever it is tried', async () => {
    const call = bridge();
    const id = (await newIdentity('Same answer')).id;
    const pdf = await signedReport(id);
    const answers = [
      errorOf(
        await call('reportSign', {
          snapshot: demoSnapshot(),
          identityId: id,
          passphrase: 'wrong one',
        }),
      ),
      errorOf(
        await call('reportCountersign', {
          pdfBase64: base64(pdf),
          identityId: id,
          passphrase: 'wrong two',
        }),
      ),
      errorOf(
        await call('identityImportP12', {
          label: 'Imported',
          p12Base64: (await readFile(testPki().rsa.p12)).toString('base64'),
          p12Passphrase: `${P12_PASSPHRASE} but wrong`,
          protection: { kind: 'passphrase', passphrase: PASS },
        }),
      ),
    ];
    expect(answers[0]).toEqual({
      code: 'wrong_passphrase',
      message: new WrongPassphraseError().message,
    });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('a right passphrase with a bad document answers as a wrong one does', async () => {
    const call = bridge();
    const id = (await newIdentity('No oracle')).id;
    const notAPdf = base64(new TextEncoder().encode('%PDF-1.7\nthis is not a PDF at all\n'));
    const unsigned = base64(samplePdf());
    for (const pdfBase64 of [notAPdf, unsigned]) {
      const right = errorOf(
        await call('reportCountersign', { pdfBase64, identityId: id, passphrase: PASS }),
      );
      const wrong = errorOf(
        await call('reportCountersign', { pdfBase64, identityId: id, passphrase: 'not the one' }),
      );
      expect(right).toEqual(wrong);
      expect(right.code).not.toBe('wrong_passphrase');
    }
  });

  it('a right passphrase for an expired certificate answers as a wrong one does', async () => {
    const call = bridge();
    const store = new IdentityStore(dataDir);
    const id = (await newIdentity('Expired')).id;
    const { privateKey } = await store.unlock(id, passphraseProtector(PASS));
    const expired = await issueCertificate({
      subject: { commonName: 'Expired' },
      subjectPublicKey: createPublicKey(privateKey),
      issuerPrivateKey: privateKey,
      profile: 'signer',
      validDays: 30,
      now: new Date(Date.now() - 400 * 86_400_000),
    });
    const file = join(dataDir, 'identities', `${id}.json`);
    const record = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(
      file,
      JSON.stringify({ ...record, certificatePem: toPem(expired, 'CERTIFICATE') }),
    );
    const sign = (passphrase: string) =>
      call('reportSign', { snapshot: demoSnapshot(), identityId: id, passphrase });
    const right = errorOf(await sign(PASS));
    expect(right.message).toMatch(/expired/);
    expect(errorOf(await sign('not the one'))).toEqual(right);
  });

  it('slows guesses on one key down, in parallel too, and lets the owner in once the wait is over', async () => {
    const call = bridge();
    const id = (await newIdentity('Guessed')).id;
    const pdf = base64(await signedReport(id));
    // The clock stands still unless the test moves it: the waits are exact, whatever the load.
    vi.useFakeTimers({ toFake: ['Date'] });
    onTestFinished(() => void vi.useRealTimers());
    const guess = (passphrase: string) =>
      call('reportCountersign', { pdfBase64: pdf, identityId: id, passphrase });
    // 13.6 guesses a second, as in the review: 20 at once.
    const answers = (
      await Promise.all(Array.from({ length: 20 }, (_, i) => guess(`guess ${i}`)))
    ).map(errorOf);
    const tried = answers.filter((a) => a.code === 'wrong_passphrase');
    const held = answers.filter((a) => a.code === 'rate_limited');
    expect(tried.length).toBeLessThanOrEqual(3);
    expect(tried.length + held.length).toBe(20);
    expect(held[0]!.message).toMatch(/wait \d+ seconds?/);
    // During the wait even the right passphrase is not tried (so it cannot be told apart).
    expect(errorOf(await guess(PASS)).code).toBe('rate_limited');
    // Another key is not slowed by this one's guesses.
    const other = (await newIdentity('Untouched')).id;
    const otherPdf = base64(await signedReport(other));
    const ok = await call('reportCountersign', {
      pdfBase64: otherPdf,
      identityId: other,
      passphrase: PASS,
    });
    expect(ok.ok).toBe(true);
    // Once the wait is over, the owner's passphrase works.
    vi.setSystemTime(Date.now() + 1000);
    expect((await guess(PASS)).ok).toBe(true);
  });
});

describe('PassphraseAttempts', () => {
  const wrong = () => Promise.reject(new WrongPassphraseError());

  it('allows three free tries, then waits 1, 2, 4 ... seconds, at most five minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 12, 13, 40].map(unlockDelayMs)).toEqual([
      0, 0, 0, 1000, 2000, 4000, 8000, 300_000, 300_000, 300_000,
    ]);
  });

  it('refuses tries during the wait, counts only wrong passphrases, and forgets after a success', async () => {
    let now = 1_000_000;
    const attempts = new PassphraseAttempts(() => now);
    for (let i = 0; i < 3; i++)
      await expect(attempts.attempt('k', wrong)).rejects.toThrow(WrongPassphraseError);
    await expect(attempts.attempt('k', async () => 'ok')).rejects.toMatchObject({
      retryAfterSeconds: 1,
    });
    now += 1000;
    await expect(attempts.attempt('k', wrong)).rejects.toThrow(WrongPassphraseError);
    await expect(attempts.attempt('k', async () => 'ok')).rejects.toMatchObject({
      retryAfterSeconds: 2,
    });
    now += 1999;
    await expect(attempts.attempt('k', async () => 'ok')).rejects.toMatchObject({
      retryAfterSeconds: 1,
    });
    now += 1;
    // Another kind of failure is not a guess.
    await expect(
      attempts.attempt('k', () => Promise.reject(new Error('disk full'))),
    ).rejects.toThrow('disk full');
    await expect(attempts.attempt('k', async () => 'ok')).resolves.toBe('ok');
    await expect(attempts.attempt('k', wrong)).rejects.toThrow(WrongPassphraseError);
    await expect(attempts.attempt('k', wrong)).rejects.toThrow(WrongPassphraseError);
  });

  it('runs tries on one key one at a time, so parallel guesses cannot slip past the count', async () => {
    const attempts = new PassphraseAttempts(() => 0);
    let running = 0;
    let most = 0;
    const slowWrong = async () => {
      running++;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => setImmediate(resolve));
      running--;
      throw new WrongPassphraseError();
    };
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => attempts.attempt('k', slowWrong)),
    );
    expect(most).toBe(1);
    expect(
      results.filter((r) => r.status === 'rejected' && r.reason instanceof WrongPassphraseError),
    ).toHaveLength(3);
  });
});
