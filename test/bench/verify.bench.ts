// `npm run bench -- verify`: the verifier over the pyHanko corpus (files per second, warm, in
// one process as the app's worker runs them) and over the hostile files of the security review
// and a 2,000-device report. Budget per file: under 2 s and 300 MB. Memory is measured per file
// in a fresh child process that verifies it in the app's worker thread while its main thread
// samples the process's RSS (peak above the RSS with the worker started and warm), for the
// hostile files, the large report and the largest corpus files: the rest of the corpus is
// smaller than those and is timed only.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSignedReport } from '../../main/report/create-signed-report.ts';
import { loadDemoPhotos } from '../../main/report/demo-assets.ts';
import { VerificationWorker } from '../../main/verify/run-verification.ts';
import { verifyReport } from '../../main/verify/verify-pdf.ts';
import { makeDemoAudit } from '../../shared/demo/demo-audit.ts';
import { testPki } from '../unit/main/signing/support/pki.ts';
import { auditBomb, manyUpdates, xrefEntryBomb } from '../unit/main/verify/support/hostile.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const CORPUS = resolve(here, '../../../shared/corpora/pdf-signatures/pyhanko');

// A child that verifies one file in a warm verification worker and prints the peak RSS growth.
if (process.argv[2] === '--child') {
  const worker = new VerificationWorker();
  await worker.verify(new TextEncoder().encode('%PDF-1.7\n'), { trustAnchors: [] });
  const rss = () => process.memoryUsage.rss();
  const before = rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rss())), 2);
  await worker.verify(new Uint8Array(readFileSync(process.argv[3]!)), { trustAnchors: [] });
  clearInterval(sampler);
  peak = Math.max(peak, rss());
  console.log((peak - before) / 1024 / 1024);
  await worker.close();
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'rc-verify-bench-'));
const now = new Date();
const signer = testPki().ec;
const small = await createSignedReport(
  makeDemoAudit({ seed: 3, now, photos: loadDemoPhotos() }),
  signer,
);
const large = await createSignedReport(
  makeDemoAudit({ seed: 4, now, deviceCount: 2000, findingCount: 1000, photos: loadDemoPhotos() }),
  signer,
);
const extra: Record<string, Uint8Array> = {
  'hostile: xref streams declaring 12 million entries': xrefEntryBomb(40, 300_000),
  'hostile: signed report + 999 updates': manyUpdates(small.bytes, 999),
  'hostile: audit.json of 40 MB "{}," (millions of objects)': await auditBomb(
    signer,
    40 * 1024 * 1024,
  ),
  'hostile: audit.json of 300 MB': await auditBomb(signer, 300 * 1024 * 1024),
  'report: 2,000 devices, 1,000 findings': large.bytes,
};
const extraFiles = Object.entries(extra).map(([name, bytes], i) => {
  const path = join(work, `extra-${i}.pdf`);
  writeFileSync(path, bytes);
  return { name, path };
});

let maxCpuMs = 0;
/** Wall time of one verification; its CPU time (what an idle machine would take) is tracked too. */
async function timeOne(path: string): Promise<number> {
  const bytes = new Uint8Array(readFileSync(path));
  const cpu = process.cpuUsage();
  const started = performance.now();
  await verifyReport(bytes, { trustAnchors: [] });
  const used = process.cpuUsage(cpu);
  maxCpuMs = Math.max(maxCpuMs, (used.user + used.system) / 1000);
  return performance.now() - started;
}

function peakMb(path: string): number {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', path],
    { encoding: 'utf8' },
  );
  const mb = Number(r.stdout.trim());
  if (!Number.isFinite(mb)) throw new Error(`Memory of ${path} not measured: ${r.stderr}`);
  return mb;
}

let maxMs = 0;
let maxMsFile = '';
const corpus = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((f) => f.endsWith('.pdf'))
      .sort()
  : [];
if (corpus.length === 0) {
  console.log(`# verify.files_per_s skipped: the pyHanko corpus is not at ${CORPUS}`);
} else {
  for (const f of corpus.slice(0, 10)) await timeOne(join(CORPUS, f)); // warm-up
  const started = performance.now();
  for (const f of corpus) {
    const ms = await timeOne(join(CORPUS, f));
    if (ms > maxMs) [maxMs, maxMsFile] = [ms, f];
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `# ${corpus.length} corpus files in ${seconds.toFixed(2)} s; slowest ${maxMsFile} ${maxMs.toFixed(0)} ms`,
  );
  console.log(`BENCH verify.files_per_s ${(corpus.length / seconds).toFixed(1)} files/s`);
}

let maxMb = 0;
const measured = [
  ...extraFiles,
  ...corpus
    .map((f) => ({ name: `corpus: ${f}`, path: join(CORPUS, f) }))
    .sort((a, b) => statSync(b.path).size - statSync(a.path).size)
    .slice(0, 5),
];
for (const { name, path } of measured) {
  const ms = await timeOne(path);
  const mb = peakMb(path);
  const v = (await verifyReport(new Uint8Array(readFileSync(path)), { trustAnchors: [] })).verdict;
  console.log(
    `# ${name}: ${(statSync(path).size / 1024).toFixed(0)} KB, ${ms.toFixed(0)} ms, ${mb.toFixed(0)} MB; ${v.status} (${v.code})`,
  );
  if (ms > maxMs) [maxMs, maxMsFile] = [ms, name];
  maxMb = Math.max(maxMb, mb);
}
console.log(`BENCH verify.max_ms ${maxMs.toFixed(0)} ms`);
// When other work shares the cores, wall time grows and CPU time does not.
console.log(`BENCH verify.max_cpu_ms ${maxCpuMs.toFixed(0)} ms`);
console.log(`BENCH verify.max_mb ${maxMb.toFixed(0)} MB`);
rmSync(work, { recursive: true, force: true });
