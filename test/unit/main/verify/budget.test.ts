import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../../../main/bridge/router.ts';
import { handlers } from '../../../../main/handlers/index.ts';
import { DEFAULT_LIMITS } from '../../../../main/pdf/budget.ts';
import { signReportPdf } from '../../../../main/report/create-signed-report.ts';
import { SNAPSHOT_LIMITS } from '../../../../main/report/embed-snapshot.ts';
import { VerificationWorker } from '../../../../main/verify/run-verification.ts';
import { verifyPdf, type Verdict } from '../../../../main/verify/verify-pdf.ts';
import { missingJudges } from '../signing/support/judges.ts';
import { testPki, type TestPki } from '../signing/support/pki.ts';
import { demoSnapshot, info, samplePdf } from '../signing/support/samples.ts';
import { auditBomb, manyUpdates, xrefEntryBomb } from './support/hostile.ts';

// The hostile files of the security review, made by small generators: each stops at the
// verification budget (one budget per file: objects, decoded bytes, cross-reference sections
// and entries, time), with the work done staying under every limit, and work grows linearly
// with the number of revisions. Asserted on the work counters, never on wall-clock time.

const skip = missingJudges('openssl');
if (skip) console.warn(`[verification budget tests] skipped: ${skip}`);

function withinLimits(v: Verdict): void {
  expect(v.work.objects).toBeLessThanOrEqual(DEFAULT_LIMITS.objects);
  expect(v.work.decodedBytes).toBeLessThanOrEqual(DEFAULT_LIMITS.decodedBytes);
  expect(v.work.sections).toBeLessThanOrEqual(DEFAULT_LIMITS.sections);
  expect(v.work.xrefEntries).toBeLessThanOrEqual(DEFAULT_LIMITS.xrefEntries);
}

describe.skipIf(skip !== null)('the verification budget', () => {
  let pki: TestPki;
  let signed: Uint8Array;
  const trust = () => ({ trustAnchors: [pki.caPem] });
  beforeAll(async () => {
    pki = testPki();
    signed = (await signReportPdf(samplePdf(), demoSnapshot(), pki.ec, info())).bytes;
  });

  it('cross-reference streams declaring millions of entries stop at the entry budget', async () => {
    const bomb = xrefEntryBomb(40, 300_000);
    // 12 million entries declared in a file of well under a megabyte.
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const v = await verifyPdf(bomb, trust());
    expect(v).toMatchObject({ status: 'indeterminate', code: 'budget' });
    expect(v.message).toEqual({ code: 'budget', params: { resource: 'xrefEntries' } });
    expect(v.reason).toMatch(/exceeds the verification budget/);
    withinLimits(v);
    // It stopped at the second section: nothing near the declared 12 million was read.
    expect(v.work.sections).toBeLessThanOrEqual(2);
  });

  it('a signed report followed by 999 harmless updates: valid, every change listed, work linear in the revisions', async () => {
    const small = await verifyPdf(manyUpdates(signed, 99), trust());
    const large = await verifyPdf(manyUpdates(signed, 999), trust());
    for (const v of [small, large]) {
      expect(v.status).toBe('valid');
      expect(v.signatures[0]!.laterChanges.every((c) => c.permitted)).toBe(true);
      withinLimits(v);
    }
    expect(large.signatures[0]!.laterChanges).toHaveLength(999);
    expect(large.revisions).toBe(1000);
    // Each section is read once (no revision re-reads the chain) and each revision costs a
    // constant number of parsed objects: 10 times the revisions, at most 10 times the work.
    expect(large.work.sections).toBe(1000);
    const perRevision = (v: Verdict) => v.work.objects / v.revisions;
    expect(perRevision(large)).toBeLessThanOrEqual(perRevision(small) * 1.1);
  }, 120_000);

  it('an embedded audit that inflates into millions of objects is refused before it is parsed', async () => {
    // 40 MB of "{}," in ~80 KB: under the byte cap, over the object cap.
    const many = await verifyPdf(await auditBomb(pki.ec, 40 * 1024 * 1024), trust());
    // 300 MB of it: over the byte cap; decoding stops there.
    const huge = await verifyPdf(await auditBomb(pki.ec, 300 * 1024 * 1024), trust());
    for (const v of [many, huge]) {
      expect(v.status).toBe('valid'); // the signature itself is sound
      expect(v.snapshot).toBeNull();
      expect(v.snapshotProblem?.code).toBe('snapshot_too_large');
      withinLimits(v);
      expect(v.work.decodedBytes).toBeLessThanOrEqual(SNAPSHOT_LIMITS.maxBytes);
    }
  }, 180_000);

  it('a lower budget stops a genuine report: every limit applies to the whole file', async () => {
    const v = await verifyPdf(signed, { ...trust(), budget: { objects: 2 } });
    expect(v).toMatchObject({ status: 'indeterminate', code: 'budget' });
    expect(v.work.objects).toBeLessThanOrEqual(2);
  });
});

describe.skipIf(skip !== null)('verification off the event loop', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rc-budget-worker-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('the reportVerify handler answers a hostile file with the budget verdict and keeps serving', async () => {
    const dispatch = createRouter(handlers, { dataDir, version: '1', transport: 'loopback' });
    const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
    const bomb = await dispatch('reportVerify', { pdfBase64: b64(xrefEntryBomb(40, 300_000)) });
    expect(bomb.ok && (bomb.value as Verdict).code).toBe('budget');
    const next = await dispatch('reportVerify', { pdfBase64: b64(samplePdf()) });
    expect(next.ok && (next.value as Verdict).code).toBe('no_signature');
  }, 120_000);

  it('a worker that runs out of its heap ends; the caller gets the budget verdict and the next file is checked', async () => {
    const pki = testPki();
    const signed = (await signReportPdf(samplePdf(), demoSnapshot(), pki.ec, info())).bytes;
    // A heap far too small for any real verification: the worker dies of it, main does not.
    const tiny = new VerificationWorker({ maxOldGenerationSizeMb: 4, timeMs: 120_000 });
    try {
      const starved = await tiny.verify(manyUpdates(signed, 300), { trustAnchors: [pki.caPem] });
      expect(starved.verdict).toMatchObject({ status: 'indeterminate', code: 'budget' });
      expect(starved.verdict.message).toEqual({ code: 'budget', params: { resource: 'memory' } });
    } finally {
      await tiny.close();
    }
    const roomy = new VerificationWorker();
    try {
      const ok = await roomy.verify(signed, { trustAnchors: [pki.caPem] });
      expect(ok.verdict.status).toBe('valid');
      expect(ok.snapshot?.audit.id).toBe(demoSnapshot().audit.id);
    } finally {
      await roomy.close();
    }
  }, 180_000);

  it('a verification past its deadline ends the worker: budget (time), not a hang', async () => {
    const worker = new VerificationWorker({ maxOldGenerationSizeMb: 256, timeMs: 1 });
    try {
      const r = await worker.verify(xrefEntryBomb(2, 1000), { trustAnchors: [] });
      expect(r.verdict.message).toEqual({ code: 'budget', params: { resource: 'timeMs' } });
    } finally {
      await worker.close();
    }
  });
});
