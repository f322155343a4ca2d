import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../../../main/bridge/router.ts';
import { handlers } from '../../../../main/handlers/index.ts';
import { TrustStore } from '../../../../main/identity/trust-store.ts';
import { verifyReport, type VerifyOptions } from '../../../../main/verify/verify-pdf.ts';
import type { AuditSnapshot } from '../../../../shared/snapshot/schema.ts';
import type { Verdict } from '../../../../shared/verify/verdict.ts';
import { missingJudges, pdfsig, pdfsigBlocks, writeTemp } from '../signing/support/judges.ts';
import {
  pdfsigCountersign,
  replaceEmbeddedAudit,
  tsaTimestamp,
  worldPki,
  type WorldPki,
} from './support/world.ts';

// A Roomcheck report after other tools have handled it, as in an audit: `roomcheck demo`
// writes a signed report; a manager countersigns it with poppler's pdfsig (NSS, BER CMS) under
// their own organisation's CA; a timestamp authority (openssl ts) adds a document timestamp.
// Given both trust anchors, each is valid in `verify`, in `check-import` and in the app's
// import, and the audit they carry is the one the inspector signed.

const skip = missingJudges('pdfsig', 'certutil', 'pk12util', 'openssl');
if (skip) console.warn(`[other tools' reports] skipped: ${skip}`);

const bin = new URL('../../../../main/cli/bin.mjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'rc-world-report-'));
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
};

describe.skipIf(skip !== null)('a Roomcheck report touched by other tools', () => {
  let pki: WorldPki;
  let report: Uint8Array;
  let audit: AuditSnapshot;
  let demoCa: string;
  let countersigned: Uint8Array;
  let timestamped: Uint8Array;
  let trust: VerifyOptions;
  const files: Record<string, string> = {};

  beforeAll(() => {
    expect(cli(['demo', '--out', 'demo']).status).toBe(0);
    report = new Uint8Array(readFileSync(join(dir, 'demo', 'demo-report.pdf')));
    audit = JSON.parse(readFileSync(join(dir, 'demo', 'demo-audit.json'), 'utf8')) as AuditSnapshot;
    demoCa = readFileSync(join(dir, 'demo', 'demo-ca.pem'), 'utf8');
    pki = worldPki();
    countersigned = pdfsigCountersign(report, pki);
    timestamped = tsaTimestamp(countersigned, pki);
    trust = { trustAnchors: [demoCa, pki.managerCaPem, pki.tsaCaPem] };
    for (const [name, bytes] of Object.entries({ countersigned, timestamped })) {
      files[name] = join(dir, `${name}.pdf`);
      writeFileSync(files[name]!, bytes);
    }
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('countersigned by pdfsig: both signatures valid, for pdfsig and for us; the change is a signature added', async () => {
    expect(countersigned.subarray(0, report.length)).toEqual(report);
    const blocks = pdfsigBlocks(pdfsig(writeTemp(countersigned), pki.nssDir).out);
    expect(blocks.map((b) => b.includes('Signature is Valid.'))).toEqual([true, true]);
    const { verdict, snapshot } = await verifyReport(countersigned, trust);
    expect(verdict).toMatchObject({ status: 'valid', code: 'ok', revisions: 2 });
    expect(
      verdict.signatures.map((s) => [s.subFilter, s.signer?.commonName, s.status, s.intact]),
    ).toEqual([
      ['ETSI.CAdES.detached', audit.signOff?.inspector.name, 'valid', true],
      ['adbe.pkcs7.detached', 'Manager Li 李经理', 'valid', true],
    ]);
    expect(verdict.signatures[0]!.laterChanges).toEqual([
      {
        revision: 2,
        permitted: true,
        message: { code: 'change_signature_added', params: { signer: 'Manager Li 李经理', n: 2 } },
      },
    ]);
    expect(verdict).toMatchObject({ snapshotSignature: 1, snapshotReplaced: false });
    expect(snapshot).toEqual(audit);
  });

  it('timestamped by openssl ts after that: valid, the time vouched for by the trusted TSA', async () => {
    const { verdict } = await verifyReport(timestamped, trust);
    expect(verdict.status).toBe('valid');
    const ts = verdict.signatures[2]!;
    expect(ts).toMatchObject({ kind: 'timestamp', status: 'valid', intact: true, trusted: true });
    expect(ts.timestamp).toMatchObject({
      intact: true,
      trusted: true,
      authority: 'Test Time Stamping Authority',
    });
    expect(verdict.signatures[1]!.laterChanges.map((c) => [c.message.code, c.permitted])).toEqual([
      ['change_timestamp_added', true],
    ]);
    // Without the TSA's CA the timestamp is intact but only claimed: indeterminate, never invalid.
    const partial = await verifyReport(timestamped, { trustAnchors: [demoCa, pki.managerCaPem] });
    expect(partial.verdict.status).toBe('indeterminate');
    expect(partial.verdict.signatures.every((s) => s.intact)).toBe(true);
  });

  it('verify and check-import accept both files (exit 0) given both trust anchors', () => {
    const demoCaPath = join(dir, 'demo', 'demo-ca.pem');
    const anchors = ['--trust', demoCaPath, '--trust', pki.managerCaPath, '--trust', pki.tsaCaPath];
    for (const file of Object.values(files)) {
      const v = cli(['verify', file, ...anchors]);
      expect(v.status, v.out + v.err).toBe(0);
      expect(v.out).toContain('VALID');
      expect(v.out).toMatch(
        /revision 2: A signature by Manager Li 李经理 was added \(signature 2\)\. \[permitted\]/,
      );
      const c = cli(['check-import', file, ...anchors, '--json']);
      expect(c.status, c.err).toBe(0);
      expect((JSON.parse(c.out) as { accepted: number }).accepted).toBe(audit.devices.length);
    }
    const noManager = cli(['verify', files.countersigned!, '--trust', demoCaPath]);
    expect(noManager.status).toBe(2);
  }, 600_000);

  it("the app's import (the handler, verifying in its worker) returns the signed audit as valid", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rc-world-app-'));
    try {
      const store = new TrustStore(dataDir);
      for (const pem of [demoCa, pki.managerCaPem, pki.tsaCaPem])
        await store.importCertificates(pem);
      const dispatch = createRouter(handlers, { dataDir, version: '1', transport: 'loopback' });
      for (const bytes of [countersigned, timestamped]) {
        const result = await dispatch('reportReadForImport', {
          pdfBase64: Buffer.from(bytes).toString('base64'),
        });
        if (!result.ok) throw new Error(result.error.message);
        const { verdict, snapshot } = result.value as { verdict: Verdict; snapshot: AuditSnapshot };
        expect(verdict.status).toBe('valid');
        expect(snapshot).toEqual(audit);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('a later revision that replaces the embedded audit: invalid, and the audit shown is the one signed', async () => {
    const forgedAudit = JSON.stringify({
      ...audit,
      audit: { ...audit.audit, title: 'Forged: no findings' },
    });
    const forged = replaceEmbeddedAudit(countersigned, forgedAudit);
    const { verdict, snapshot } = await verifyReport(forged, trust);
    expect(verdict.status).toBe('invalid');
    expect(verdict.code).toBe('modified');
    expect(verdict).toMatchObject({ snapshotSignature: 1, snapshotReplaced: true });
    expect(snapshot?.audit.title).toBe(audit.audit.title);
    expect(verdict.snapshot?.title).toBe(audit.audit.title);
    const path = writeTemp(forged, 'forged.pdf');
    const out = cli([
      'verify',
      path,
      '--trust',
      join(dir, 'demo', 'demo-ca.pem'),
      '--trust',
      pki.managerCaPath,
    ]);
    expect(out.status).toBe(1);
    expect(out.out).toContain(`Embedded audit: ${audit.audit.title} (as signature 1 signed it)`);
    expect(out.out).toContain('A later revision replaces the embedded audit');
    expect(out.out).not.toContain('Forged: no findings');
  }, 300_000);
});
