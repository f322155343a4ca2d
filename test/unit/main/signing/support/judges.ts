import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The independent judges: poppler's pdfsig, pdftotext and pdfdetach, and qpdf. pdfsig exits 0
// even for a broken signature, so callers read its words.

export function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Returns a reason to skip when a judge is missing (printed by the caller), else null. */
export function missingJudges(...names: string[]): string | null {
  const missing = names.filter((n) => !hasTool(n));
  return missing.length ? `external judge(s) not installed: ${missing.join(', ')}` : null;
}

const scratch = mkdtempSync(join(tmpdir(), 'roomcheck-judge-'));
let n = 0;
export function writeTemp(bytes: Uint8Array, name = 'doc.pdf'): string {
  const file = join(scratch, `${n++}-${name}`);
  writeFileSync(file, bytes);
  return file;
}

function run(cmd: string, args: string[]): { status: number; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

export const pdfsig = (file: string, nssDir: string) =>
  run('pdfsig', ['-nssdir', `sql:${nssDir}`, file]);
export const qpdfCheck = (file: string) => run('qpdf', ['--check', file]);
export const pdfdetachList = (file: string) => run('pdfdetach', ['-list', file]);
export function pdftotext(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** pdfsig's per-signature blocks, split on "Signature #N:". */
export function pdfsigBlocks(out: string): string[] {
  return out.split(/Signature #\d+:/).slice(1);
}
