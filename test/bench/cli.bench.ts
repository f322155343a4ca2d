// `npm run bench -- cli`: how fast the `roomcheck` command starts (the budget:
// `--version` well under 0.5 s, `verify` of the demo report under 1 s). Runs main/cli/bin.mjs
// as a user does, after building the bundle it runs, several times each; prints the median
// wall time and the median CPU time of the child (what the wall time is on an idle machine:
// other work sharing the two cores stretches the first, not the second).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from '../../main/scripts/build-cli.ts';

const RUNS = 7;
const bin = new URL('../../main/cli/bin.mjs', import.meta.url).pathname;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Runs the CLI; wall and CPU milliseconds of the child process. */
function timed(args: string[], expectStatus: number): { wall: number; cpu: number } {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, bin, ...args], {
    encoding: 'utf8',
  });
  const wall = performance.now() - started;
  if (r.status !== expectStatus) {
    throw new Error(`roomcheck ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  const [user, sys] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { wall, cpu: ((user ?? NaN) + (sys ?? NaN)) * 1000 };
}

function measure(name: string, args: string[], expectStatus = 0): void {
  timed(args, expectStatus); // warm the file cache
  const runs = Array.from({ length: RUNS }, () => timed(args, expectStatus));
  console.log(`BENCH cli.${name}_ms ${median(runs.map((r) => r.wall)).toFixed(0)} ms`);
  console.log(`BENCH cli.${name}_cpu_ms ${median(runs.map((r) => r.cpu)).toFixed(0)} ms`);
}

await buildCli();
const dir = mkdtempSync(join(tmpdir(), 'roomcheck-cli-bench-'));
try {
  measure('start', ['--version']);
  const demo = spawnSync(process.execPath, [bin, 'demo', '--out', dir], { encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(`roomcheck demo failed: ${demo.stderr}`);
  measure('verify', ['verify', join(dir, 'demo-report.pdf'), '--trust', join(dir, 'demo-ca.pem')]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
