// `npm run bench -- report`: lays out, embeds, signs and self-verifies the report of an audit
// with 500 devices and 1,000 findings (the issue's budget: < 2 s on the 2-core machine), then
// verifies the signed file as the app and the CLI do. A warm-up run first, so the figures are
// the steady state of a running app rather than module loading and JIT.
import { generateKeyPair, issueCertificate } from '../../main/identity/certificates.ts';
import { createSignedReport } from '../../main/report/create-signed-report.ts';
import { loadDemoPhotos } from '../../main/report/demo-assets.ts';
import { loadReportFonts } from '../../main/report/fonts.ts';
import { verifyPdf } from '../../main/verify/verify-pdf.ts';
import { makeDemoAudit } from '../../shared/demo/demo-audit.ts';

const DEVICES = 500;
const FINDINGS = 1000;

const now = new Date();
const ca = generateKeyPair('ec-p256');
const caCert = await issueCertificate({
  subject: { commonName: 'Bench CA' },
  subjectPublicKey: ca.publicKey,
  issuerPrivateKey: ca.privateKey,
  profile: 'ca',
  validDays: 30,
  now,
});
const inspector = generateKeyPair('ec-p256');
const certificate = await issueCertificate({
  subject: { commonName: 'Bench Inspector' },
  subjectPublicKey: inspector.publicKey,
  issuerCertificate: caCert,
  issuerPrivateKey: ca.privateKey,
  profile: 'signer',
  validDays: 30,
  now,
});
const signer = { privateKey: inspector.privateKey, certificate, chain: [caCert] };
const snapshot = makeDemoAudit({
  seed: 4,
  now,
  deviceCount: DEVICES,
  findingCount: FINDINGS,
  photos: loadDemoPhotos(),
});
loadReportFonts();

// Warm-up on a small audit: loads modules and compiles the hot paths once.
await createSignedReport(makeDemoAudit({ seed: 4, now, photos: loadDemoPhotos() }), signer);

const cpuStarted = process.cpuUsage();
const started = performance.now();
const stages: Record<string, number> = {};
const report = await createSignedReport(snapshot, signer, {
  onStage: (stage, ms) => (stages[stage] = ms),
});
const signSeconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
if (report.verdict.status !== 'valid')
  throw new Error(`self-verification: ${report.verdict.reason}`);

const verifyStarted = performance.now();
const verdict = await verifyPdf(report.bytes, { trustAnchors: [caCert] });
const verifyMs = performance.now() - verifyStarted;
if (verdict.status !== 'valid') throw new Error(`verification: ${verdict.reason}`);
if (verdict.snapshot?.devices !== DEVICES)
  throw new Error('the embedded snapshot did not read back');

console.log(
  `# ${DEVICES} devices, ${FINDINGS} findings, ${(report.bytes.length / 1024 / 1024).toFixed(1)} MB PDF`,
);
console.log(`BENCH report.sign_total_s ${signSeconds.toFixed(2)} s`);
console.log(`BENCH report.pages ${report.pageCount} pages`);
console.log(`BENCH report.pages_per_s ${(report.pageCount / signSeconds).toFixed(1)} pages/s`);
console.log(`BENCH report.verify_ms ${verifyMs.toFixed(0)} ms`);
// Size per page of the signed file (fonts embedded as per-report subsets, photos, audit.json).
console.log(
  `BENCH report.bytes_per_page ${Math.round(report.bytes.length / report.pageCount)} bytes`,
);
// Where the time goes: laying out the pages, then embed + placeholder + sign + self-verify.
// CPU time of this (single-threaded) process: what the wall time would be on an idle machine;
// when other work shares the cores, wall time grows and this does not.
console.log(`BENCH report.sign_cpu_s ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`);
console.log(`BENCH report.layout_s ${((stages.layout ?? NaN) / 1000).toFixed(2)} s`);
console.log(`BENCH report.embed_sign_verify_s ${((stages.sign ?? NaN) / 1000).toFixed(2)} s`);
