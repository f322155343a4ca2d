import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../../../main/bridge/router.ts';
import { handlers } from '../../../../main/handlers/index.ts';
import { TrustStore } from '../../../../main/identity/trust-store.ts';
import { createSignedReport } from '../../../../main/report/create-signed-report.ts';
import type { AuditSnapshot } from '../../../../shared/snapshot/schema.ts';
import { demoSnapshot } from '../signing/support/samples.ts';
import { testPki } from '../signing/support/pki.ts';

// The import side of a signed report: the verdict gates the snapshot. An invalid report
// yields no snapshot at all; an indeterminate one (signer not trusted here) yields it for the
// user to confirm; a trusted one yields it as signed.

let dataDir: string;
let signed: Uint8Array;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rc-report-import-'));
  signed = (await createSignedReport(demoSnapshot(), testPki().rsa)).bytes;
}, 60_000);
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const dispatch = () => createRouter(handlers, { dataDir, version: '1.0.0', transport: 'loopback' });
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

type Answer = {
  verdict: { status: string; code: string };
  snapshot: AuditSnapshot | null;
};

async function read(bytes: Uint8Array): Promise<Answer> {
  const result = await dispatch()('reportReadForImport', { pdfBase64: b64(bytes) });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Answer;
}

describe('reportReadForImport', () => {
  it('returns the snapshot of a report whose signer is not trusted here as indeterminate', async () => {
    const answer = await read(signed);
    expect(answer.verdict.status).toBe('indeterminate');
    expect(answer.snapshot?.audit.id).toBe(demoSnapshot().audit.id);
    expect(answer.snapshot?.evidence.length).toBe(demoSnapshot().evidence.length);
  });

  it('returns it as valid once the signer’s CA is a trust anchor', async () => {
    const other = await mkdtemp(join(tmpdir(), 'rc-report-import-trusted-'));
    try {
      await new TrustStore(other).importCertificates(testPki().caPem);
      const result = await createRouter(handlers, {
        dataDir: other,
        version: '1',
        transport: 'loopback',
      })('reportReadForImport', { pdfBase64: b64(signed) });
      expect(result.ok).toBe(true);
      const answer = (result as { value: Answer }).value;
      expect(answer.verdict.status).toBe('valid');
      expect(answer.snapshot).toEqual(demoSnapshot());
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('never hands out the snapshot of a report changed after signing', async () => {
    const tampered = signed.slice();
    // Flip a byte inside the signed range (early in the file, past the header).
    tampered[200] = tampered[200]! ^ 0x01;
    const answer = await read(tampered);
    expect(answer.verdict.status).toBe('invalid');
    expect(answer.snapshot).toBeNull();
  });

  it('never hands out the snapshot of a report with bytes appended after the signature', async () => {
    const appended = new Uint8Array([...signed, ...new TextEncoder().encode('\n% later\n')]);
    const answer = await read(appended);
    expect(answer.verdict.status).toBe('invalid');
    expect(answer.snapshot).toBeNull();
  });

  it.each([
    ['binary junk', new Uint8Array(4096).map((_v, i) => (i * 7919) % 256)],
    ['a truncated report', null],
    ['an unsigned text file', new TextEncoder().encode('asset_tag,name\nA-1,x\n')],
  ])('answers %s with a verdict and no snapshot, never an exception', async (_what, bytes) => {
    const input = bytes ?? signed.slice(0, Math.floor(signed.length / 2));
    const answer = await read(input);
    expect(answer.verdict.status).not.toBe('valid');
    expect(answer.snapshot).toBeNull();
  });

  it('refuses a request that is not base64 before any handler runs', async () => {
    const result = await dispatch()('reportReadForImport', { pdfBase64: '<script>' });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
