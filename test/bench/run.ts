// `npm run bench [-- <prefix> ...]`: runs every test/bench/<name>.bench.ts whose name starts
// with one of the prefixes (all of them without one). Each benchmark prints lines
// `BENCH <name> <value> <unit>`; this runner adds nothing to them but a header per file.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const prefixes = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const chosen = prefixes.length ? all.filter((f) => prefixes.some((p) => f.startsWith(p))) : all;

if (chosen.length === 0) {
  console.error(
    `No benchmark matches ${prefixes.map((p) => `"${p}"`).join(', ')}. Available: ${all.map((f) => f.replace('.bench.ts', '')).join(', ') || 'none'}.`,
  );
  process.exit(2);
}

let failed = 0;
for (const file of chosen) {
  console.log(`# ${file}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${file}`], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    failed++;
    console.error(`# ${file} failed (exit ${result.status ?? result.signal})`);
  }
}
process.exit(failed ? 1 : 0);
