// `npm run bench -- exchange`: exports the audit of a 2,000-device room (the demo generator's
// room, seed 7, every applicable item answered: 2,001 checklists, ~36,000 rules) as STIG
// checklists, in memory, as `roomcheck export` and the app do before writing the files:
// building the checklists (UUIDv5 ids included) and serialising each. Median of 5 runs after a
// warm-up; each figure also as CPU time (*_cpu_ms), which is what the wall time would be on an
// idle machine: when other work shares the two cores, wall time grows and CPU time does not.
//   BENCH exchange.cklb_export_ms   audit -> 2,001 .cklb texts
//   BENCH exchange.cklb_mb          their total size
//   BENCH exchange.ckl_export_ms    audit -> 2,001 .ckl texts
//   BENCH exchange.cklb_read_ms     reading all the .cklb back (the import side)
import { makeDemoAudit } from '../../shared/demo/demo-audit.ts';
import { stigSourceFromSnapshot } from '../../shared/stig/audit-source.ts';
import { cklText } from '../../shared/stig/ckl-write.ts';
import { cklbText } from '../../shared/stig/cklb-write.ts';
import { checklistsFromAudit } from '../../shared/stig/from-audit.ts';
import { readChecklistFile } from '../../shared/stig/read-checklist.ts';

const RUNS = 5;
const snapshot = makeDemoAudit({
  seed: 7,
  now: new Date('2026-03-02T08:00:00.000Z'),
  deviceCount: 2000,
  roomCount: 1,
  withPrior: false,
});
const source = stigSourceFromSnapshot(snapshot);

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function measure<T>(work: () => T): { ms: number; cpuMs: number; result: T } {
  work(); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  let result!: T;
  for (let i = 0; i < RUNS; i++) {
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    result = work();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(wall), cpuMs: median(cpu), result };
}

const cklb = measure(() => checklistsFromAudit(source).checklists.map((c) => cklbText(c)));
const ckl = measure(() => checklistsFromAudit(source).checklists.map((c) => cklText(c, '0')));
const encoder = new TextEncoder();
const files = cklb.result.map((text) => encoder.encode(text));
const read = measure(() => files.map((bytes) => readChecklistFile(bytes)));

const rules = read.result.reduce((n, c) => n + c.stigs[0]!.rules.length, 0);
if (files.length !== snapshot.devices.length + 1 || rules !== snapshot.answers.length) {
  throw new Error(`expected ${snapshot.devices.length + 1} checklists, got ${files.length}`);
}
const megabytes = files.reduce((n, f) => n + f.length, 0) / 1024 / 1024;

console.log(`# ${snapshot.devices.length} devices, ${files.length} checklists, ${rules} rules`);
console.log(`BENCH exchange.cklb_export_ms ${cklb.ms.toFixed(0)} ms`);
console.log(`BENCH exchange.cklb_export_cpu_ms ${cklb.cpuMs.toFixed(0)} ms`);
console.log(`BENCH exchange.cklb_mb ${megabytes.toFixed(1)} MB`);
console.log(`BENCH exchange.ckl_export_ms ${ckl.ms.toFixed(0)} ms`);
console.log(`BENCH exchange.ckl_export_cpu_ms ${ckl.cpuMs.toFixed(0)} ms`);
console.log(`BENCH exchange.cklb_read_ms ${read.ms.toFixed(0)} ms`);
console.log(`BENCH exchange.cklb_read_cpu_ms ${read.cpuMs.toFixed(0)} ms`);
