// `npm test`: type-check, lint, unit tests (vitest) and end-to-end tests (Playwright), all of
// them even when one fails, then one summary line that sums every runner.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Tally = { name: string; passed: number; failed: number; skipped: number; seconds: number };

const tmp = mkdtempSync(join(tmpdir(), 'roomcheck-test-'));
const tallies: Tally[] = [];

function run(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): { ok: boolean; seconds: number } {
  const started = Date.now();
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return { ok: result.status === 0, seconds: (Date.now() - started) / 1000 };
}

/** A step that is one check: it passes or fails as a whole. */
function check(name: string, command: string, args: string[]): void {
  const { ok, seconds } = run(command, args);
  tallies.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, seconds });
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

// The Debian packages the tests use (test/system-packages.sh lists them and why): installed
// when missing and running as root, otherwise named with the command that installs them.
check('system packages', 'bash', ['test/system-packages.sh']);
for (const layer of ['shared', 'renderer', 'main', 'test']) {
  check(`typecheck ${layer}`, 'npx', ['tsc', '-p', `${layer}/tsconfig.json`]);
}
check('lint', 'npx', ['eslint', '--max-warnings=0', '.']);
check('format', 'npx', ['prettier', '--check', '.']);

{
  const out = join(tmp, 'vitest.json');
  const { ok, seconds } = run('npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  const report = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  }>(out);
  tallies.push({
    name: 'unit (vitest)',
    passed: report?.numPassedTests ?? 0,
    // A crash that wrote no report still counts as a failure.
    failed: report ? report.numFailedTests + (ok || report.numFailedTests ? 0 : 1) : 1,
    skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
    seconds,
  });
}

{
  const out = join(tmp, 'playwright.json');
  const { ok, seconds } = run('npx', ['playwright', 'test'], { ROOMCHECK_PW_REPORT: out });
  const report = readJson<{
    stats: { expected: number; unexpected: number; skipped: number; flaky: number };
  }>(out);
  const failed = report ? report.stats.unexpected + report.stats.flaky : 1;
  tallies.push({
    name: 'end-to-end (playwright)',
    passed: report?.stats.expected ?? 0,
    failed: failed || (ok ? 0 : 1),
    skipped: report?.stats.skipped ?? 0,
    seconds,
  });
}

rmSync(tmp, { recursive: true, force: true });

console.log('\nSummary');
for (const t of tallies) {
  const skipped = t.skipped ? `, ${t.skipped} skipped` : '';
  console.log(
    `  ${t.name.padEnd(26)} ${t.passed} passed, ${t.failed} failed${skipped} (${t.seconds.toFixed(1)} s)`,
  );
}
const sum = (key: 'passed' | 'failed') => tallies.reduce((n, t) => n + t[key], 0);
console.log(`tests: ${sum('passed')} passed, ${sum('failed')} failed`);
process.exit(sum('failed') === 0 ? 0 : 1);
