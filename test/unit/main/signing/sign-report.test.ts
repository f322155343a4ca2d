import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPkcs12 } from '../../../../main/identity/p12.ts';
import {
  createSignedReport,
  parseSnapshot,
  signReportPdf,
} from '../../../../main/report/create-signed-report.ts';
import { PDFDocument } from 'pdf-lib';
import { countersignPdf } from '../../../../main/signing/countersign.ts';
import { attachSnapshot, extractSnapshot } from '../../../../main/report/embed-snapshot.ts';
import type { SignerMaterial } from '../../../../main/signing/cms-signer.ts';
import { certificateFingerprint } from '../../../../main/signing/signer-checks.ts';
import { verifyPdf } from '../../../../main/verify/verify-pdf.ts';
import {
  missingJudges,
  pdfdetachList,
  pdfsig,
  pdftotext,
  qpdfCheck,
  writeTemp,
} from './support/judges.ts';
import { formatMoment } from '../../../../shared/report/time-zone.ts';
import { P12_PASSPHRASE, testPki, type TestPki } from './support/pki.ts';
import { demoSnapshot, info, samplePdf } from './support/samples.ts';

const skip = missingJudges('pdfsig', 'qpdf', 'pdftotext', 'pdfdetach', 'certutil', 'openssl');
if (skip) console.warn(`[signing tests] skipped: ${skip}`);

describe.skipIf(skip !== null)(
  'signed reports, judged by pdfsig, qpdf, pdftotext and pdfdetach',
  () => {
    let pki: TestPki;
    beforeAll(() => {
      pki = testPki();
    });

    for (const kind of ['rsa', 'ec'] as const) {
      it(`signs with an ${kind.toUpperCase()} identity from an OpenSSL PKCS#12 so that every judge accepts it`, async () => {
        const p12 = readPkcs12(new Uint8Array(readFileSync(pki[kind].p12)), P12_PASSPHRASE);
        const snapshot = demoSnapshot();
        const { bytes, verdict } = await signReportPdf(
          samplePdf(),
          snapshot,
          p12,
          info('Inspector 张三'),
        );
        // Self-verification pinned the signer; with the CA as anchor it is valid and trusted.
        expect(verdict.status).toBe('valid');
        const file = writeTemp(bytes, `${kind}.pdf`);

        const sig = pdfsig(file, pki.nssDir);
        expect(sig.out).toContain('Signature is Valid.');
        expect(sig.out).toContain('Total document signed');
        expect(sig.out).toContain('Certificate is Trusted.');
        expect(sig.out).toContain('ETSI.CAdES.detached');
        expect(sig.out).toContain('SHA-256');
        expect(qpdfCheck(file).status).toBe(0);
        expect(pdftotext(file)).toContain('Finding F-001: camera platform');
        expect(pdfdetachList(file).out).toMatch(/1 embedded files\s+1: audit\.json/);

        const ours = await verifyPdf(bytes, { trustAnchors: [pki.caPem] });
        expect(ours.status).toBe('valid');
        expect(ours.signatures).toHaveLength(1);
        const s = ours.signatures[0]!;
        expect(s).toMatchObject({
          trusted: true,
          trustedBy: 'anchor',
          coversWholeFile: true,
          intact: true,
          subFilter: 'ETSI.CAdES.detached',
          name: 'Inspector 张三',
        });
        expect(s.signer?.commonName).toBe(kind === 'rsa' ? 'Inspector RSA' : 'Inspector EC');
        expect(s.chain.map((c) => c.commonName)).toEqual([
          s.signer?.commonName,
          'Roomcheck Test CA',
        ]);
        expect(Date.parse(s.signingTime!)).toBeGreaterThan(Date.now() - 60_000);
        expect(ours.snapshot).toMatchObject({
          auditId: snapshot.audit.id,
          devices: snapshot.devices.length,
        });
        expect(extractSnapshot(bytes)).toEqual(snapshot);
      });
    }

    it('the real report of the demo audit (layout included), signed EC then countersigned RSA: every judge accepts both revisions', async () => {
      const snapshot = demoSnapshot();
      const { bytes, pageCount } = await createSignedReport(snapshot, pki.ec);
      expect(pageCount).toBeGreaterThan(5);
      const file = writeTemp(bytes, 'demo-report.pdf');
      const sig = pdfsig(file, pki.nssDir).out;
      expect(sig).toContain('Signature is Valid.');
      expect(sig).toContain('Total document signed');
      expect(sig).toContain('Certificate is Trusted.');
      expect(qpdfCheck(file).status).toBe(0);
      expect(pdfdetachList(file).out).toContain('audit.json');
      const text = pdftotext(file);
      const highFinding = snapshot.findings.find((f) => f.severity === 'high')!;
      expect(text).toContain(highFinding.title.slice(0, 20));
      expect(text).toContain(snapshot.rooms[0]!.name.split(' ')[0]);

      const counter = await countersignPdf(bytes, pki.rsa, info('Approver'), {
        trustAnchors: [pki.caPem],
      });
      const file2 = writeTemp(counter.bytes, 'countersigned.pdf');
      const out = pdfsig(file2, pki.nssDir).out;
      expect(out.match(/Signature is Valid\./g)).toHaveLength(2);
      expect(out.match(/Certificate is Trusted\./g)).toHaveLength(2);
      expect(qpdfCheck(file2).status).toBe(0);
      expect(counter.verdict.status).toBe('valid');
      expect(extractSnapshot(counter.bytes)).toEqual(snapshot);
    });

    it('reads the legacy (3DES) PKCS#12 files OpenSSL writes with -legacy, RSA and EC', () => {
      for (const kind of ['rsa', 'ec'] as const) {
        const p12 = readPkcs12(new Uint8Array(readFileSync(pki[kind].p12Legacy)), P12_PASSPHRASE);
        expect(p12.privateKey.asymmetricKeyType).toBe(kind);
        expect(p12.chain).toHaveLength(1);
      }
    });

    it('is indeterminate (not valid) when the signer does not chain to an imported anchor', async () => {
      const { bytes } = await signReportPdf(samplePdf(), demoSnapshot(), pki.ec, info());
      const none = await verifyPdf(bytes, { trustAnchors: [] });
      expect(none).toMatchObject({ status: 'indeterminate', code: 'untrusted' });
      expect(none.signatures[0]?.intact).toBe(true);
      const other = await verifyPdf(bytes, { trustAnchors: [pki.otherCaPem] });
      expect(other.status).toBe('indeterminate');
      // Pinning the inspector's certificate fingerprint makes it trusted.
      const pinned = await verifyPdf(bytes, {
        trustAnchors: [],
        pinnedFingerprints: [certificateFingerprint(pki.ec.certificate).toUpperCase()],
      });
      expect(pinned).toMatchObject({ status: 'valid' });
      expect(pinned.signatures[0]?.trustedBy).toBe('pin');
    });

    it('refuses to sign with a key that does not belong to the certificate, and writes nothing', async () => {
      const mismatched: SignerMaterial = { ...pki.rsa, certificate: pki.ec.certificate };
      await expect(signReportPdf(samplePdf(), demoSnapshot(), mismatched, info())).rejects.toThrow(
        'The private key does not belong to the signing certificate.',
      );
    });

    it('refuses to sign outside the certificate validity period', async () => {
      const later = new Date(Date.now() + 400 * 86_400_000);
      await expect(
        signReportPdf(samplePdf(), demoSnapshot(), pki.rsa, info('x', { signingTime: later })),
      ).rejects.toThrow(/expired/);
    });

    it('refuses a snapshot that does not match the schema, at the door and when attaching', async () => {
      const broken = { ...demoSnapshot(), formatVersion: 99 };
      expect(() => parseSnapshot(broken)).toThrow(/audit snapshot is not valid \(formatVersion/);
      const doc = await PDFDocument.load(samplePdf());
      expect(() => attachSnapshot(doc, broken, new Date())).toThrow(/audit snapshot is not valid/);
    });
  },
);

describe.skipIf(skip !== null)('visible signatures', () => {
  let pki: TestPki;
  beforeAll(() => {
    pki = testPki();
  });
  type Obj = { value?: Record<string, unknown> };
  const objects = (file: string): Record<string, Obj> =>
    (
      JSON.parse(execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 1 << 28 }))
        .qpdf as [unknown, Record<string, Obj>]
    )[1];
  const widget = (objs: Record<string, Obj>, name: string) =>
    Object.values(objs).find((o) => o.value?.['/FT'] === '/Sig' && o.value?.['/T'] === `u:${name}`)
      ?.value;
  const render = (file: string, page: number, hide: boolean) =>
    execFileSync(
      'pdftoppm',
      [
        '-r',
        '30',
        '-f',
        String(page),
        '-l',
        String(page),
        ...(hide ? ['-hide-annotations'] : []),
        file,
      ],
      { maxBuffer: 1 << 26 },
    );

  it('signs a report whose names need every font (堃, 镕, Ł, ễ, ™, an emoji): pdfsig and verify accept it', async () => {
    const snapshot = structuredClone(demoSnapshot());
    snapshot.audit.inspectors = ['王堃', 'Łucja Wóźniak'];
    snapshot.devices[0]!.name = '朱镕基 喆玥赟珺昇璟燊祎 ™ Nguyễn 😀';
    snapshot.signOff!.inspector.name = '王堃 Łucja';
    const { bytes, verdict } = await createSignedReport(snapshot, pki.ec);
    expect(verdict.status).toBe('valid');
    const file = writeTemp(bytes, 'names.pdf');
    const sig = pdfsig(file, pki.nssDir).out;
    expect(sig).toContain('Signature is Valid.');
    expect(sig).toContain('Total document signed');
    const text = pdftotext(file).replace(/\s+/g, '');
    for (const name of ['王堃', 'ŁucjaWóźniak', '朱镕基喆玥赟珺昇璟燊祎™Nguyễn😀']) {
      expect(text).toContain(name);
    }
    expect((await verifyPdf(bytes, { trustAnchors: [pki.caPem] })).status).toBe('valid');
  });

  it('draws the signature box on the sign-off page, covered by the signature; countersignatures get their own', async () => {
    const snapshot = demoSnapshot();
    const now = new Date();
    const { bytes, pageCount } = await createSignedReport(snapshot, pki.ec, {
      fallbackTimeZone: 'Asia/Shanghai',
      now,
    });
    const file = writeTemp(bytes, 'visible.pdf');
    const inspector = widget(objects(file), 'Inspector signature');
    const rect = inspector?.['/Rect'] as number[];
    expect(rect[2]! - rect[0]!).toBeGreaterThan(200); // a real box, not [0 0 0 0]
    expect(rect[3]! - rect[1]!).toBeGreaterThan(80);
    // The box is page content (inside the signed bytes): the signer, the time in the audit's
    // time zone, the reason and the certificate, as a reader and pdftotext see it.
    const last = execFileSync(
      'pdftotext',
      ['-f', String(pageCount), '-l', String(pageCount), file, '-'],
      {
        encoding: 'utf8',
      },
    );
    expect(last).toContain('Digital signature: Inspector');
    const shanghai = formatMoment(now.toISOString(), 'Asia/Shanghai', (d) => d);
    expect(shanghai).toMatch(/\(UTC\+08:00\)$/);
    expect(last).toContain(shanghai);
    expect(last).toContain(`Security audit report ${snapshot.signOff?.reportId}`);
    expect(last).toContain(snapshot.signOff?.inspector.name ?? 'missing');
    expect(pdfsig(file, pki.nssDir).out).toContain('Signature is Valid.');

    const counter = await countersignPdf(bytes, pki.rsa, info('陈静 Chen Jing'), {
      trustAnchors: [pki.caPem],
    });
    const file2 = writeTemp(counter.bytes, 'visible-countersigned.pdf');
    const approver = widget(objects(file2), 'Approver signature');
    const r2 = approver?.['/Rect'] as number[];
    expect(r2[0]).toBeGreaterThan(rect[2]!); // beside the inspector's box, same size
    expect(r2[2]! - r2[0]!).toBeCloseTo(rect[2]! - rect[0]!, 1);
    expect(r2[1]).toBeCloseTo(rect[1]!, 1);
    // Its appearance is drawn (the page with annotations differs from the page without) ...
    expect(render(file2, pageCount, false).equals(render(file2, pageCount, true))).toBe(false);
    // ... while the inspector's widget shows the page itself.
    expect(render(file, pageCount, false).equals(render(file, pageCount, true))).toBe(true);
    const fonts = execFileSync('pdffonts', [file2], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(2);
    for (const row of fonts)
      expect(row).toMatch(/^[A-Z]{6}\+Noto\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    const sig = pdfsig(file2, pki.nssDir).out;
    expect(sig.match(/Signature is Valid\./g)).toHaveLength(2);
    expect(counter.verdict.status).toBe('valid');
    expect(qpdfCheck(file2).status).toBe(0);
  });
});
