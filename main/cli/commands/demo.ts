import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { makeDemoAudit } from '../../../shared/demo/demo-audit.ts';
import { generateKeyPair, issueCertificate, toPem } from '../../identity/certificates.ts';
import { writeRsaPkcs12 } from '../../identity/p12.ts';
import { createSignedReport, parseSnapshot } from '../../report/create-signed-report.ts';
import { loadDemoPhotos } from '../../report/demo-assets.ts';
import { verifyPdf } from '../../verify/verify-pdf.ts';
import { parseCliArgs, writeOutputFile } from '../cli-files.ts';
import { CliUsageError, type CliCommand } from '../command.ts';
import { verdictExitCode } from '../verdict-text.ts';

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'write a demo audit and its signed report, with the demo CA to verify it',
  help: `Usage: roomcheck demo [--out DIR]

Writes, into DIR (default: the current folder):
  demo-audit.json      a realistic audit (several rooms, findings of every severity, photos)
  demo-report.pdf      its report, signed by a demo inspector certificate
  demo-ca.pem          the demo CA that issued that certificate (use with verify --trust)
  demo-inspector.p12   the demo inspector identity, for trying "roomcheck report"; its
                       passphrase is printed

Then try:  roomcheck verify demo-report.pdf --trust demo-ca.pem`,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(args, {
      allowPositionals: true,
      options: { out: { type: 'string' } },
    });
    if (positionals.length) throw new CliUsageError(`Unexpected argument "${positionals[0]}".`);
    const dir = resolve(io.cwd, (values.out as string | undefined) ?? '.');
    try {
      await mkdir(dir, { recursive: true });
    } catch {
      throw new CliUsageError(`Cannot create the folder ${dir}.`);
    }
    const now = new Date();
    const snapshot = parseSnapshot(makeDemoAudit({ seed: 2026, now, photos: loadDemoPhotos() }));

    const ca = generateKeyPair('ec-p256');
    const caCert = await issueCertificate({
      subject: {
        commonName: 'Roomcheck Demo CA',
        organisation: snapshot.site.organisation || 'Roomcheck demo',
      },
      subjectPublicKey: ca.publicKey,
      issuerPrivateKey: ca.privateKey,
      profile: 'ca',
      validDays: 3650,
      now,
    });
    // RSA for the inspector so the identity can also be written as a PKCS#12 file.
    const inspector = generateKeyPair('rsa-3072');
    const inspectorName = snapshot.signOff?.inspector.name || 'Demo Inspector';
    const inspectorCert = await issueCertificate({
      subject: { commonName: inspectorName, organisation: snapshot.site.organisation || undefined },
      subjectPublicKey: inspector.publicKey,
      issuerCertificate: caCert,
      issuerPrivateKey: ca.privateKey,
      profile: 'signer',
      validDays: 730,
      now,
    });
    const signer = {
      privateKey: inspector.privateKey,
      certificate: inspectorCert,
      chain: [caCert],
    };
    const report = await createSignedReport(snapshot, signer, { now });
    const caPem = toPem(caCert, 'CERTIFICATE');
    const verdict = await verifyPdf(report.bytes, { trustAnchors: [caPem] });
    if (verdictExitCode(verdict) !== 0)
      throw new Error(`The demo report did not verify: ${verdict.reason}`);

    const passphrase = randomBytes(9).toString('base64url');
    const files = {
      audit: await writeOutputFile(
        io,
        join(dir, 'demo-audit.json'),
        `${JSON.stringify(snapshot, null, 2)}\n`,
      ),
      report: await writeOutputFile(io, join(dir, 'demo-report.pdf'), report.bytes),
      ca: await writeOutputFile(io, join(dir, 'demo-ca.pem'), caPem),
      // node-forge writes only RSA certificates into PKCS#12, so the (EC) CA stays out of it:
      // verify --trust demo-ca.pem finds the issuer there.
      p12: await writeOutputFile(
        io,
        join(dir, 'demo-inspector.p12'),
        writeRsaPkcs12({ ...signer, chain: [] }, passphrase, inspectorName),
      ),
    };
    io.out(
      [
        `Demo audit:   ${files.audit}`,
        `Signed report: ${files.report} (${report.pageCount} pages, signed by ${inspectorName})`,
        `Demo CA:      ${files.ca}`,
        `Inspector identity: ${files.p12} (passphrase: ${passphrase})`,
        '',
        'Try:',
        `  roomcheck verify ${files.report} --trust ${files.ca}`,
        `  ROOMCHECK_P12_PASSPHRASE='${passphrase}' roomcheck report ${files.audit} --p12 ${files.p12} --out report.pdf`,
      ].join('\n'),
    );
    return 0;
  },
};
