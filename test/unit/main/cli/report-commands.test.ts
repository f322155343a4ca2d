import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  missingJudges,
  pdfdetachList,
  pdfsig,
  pdftotext,
  qpdfCheck,
} from '../signing/support/judges.ts';
import { P12_PASSPHRASE, testPki } from '../signing/support/pki.ts';

// The report commands as a user runs them: main/cli/bin.mjs in a child process, judged by exit
// codes, plain messages and the external PDF tools.

const skip = missingJudges('pdfsig', 'qpdf', 'pdftotext', 'pdfdetach', 'certutil', 'openssl');
if (skip) console.warn(`[CLI report tests] skipped: ${skip}`);

const bin = new URL('../../../../main/cli/bin.mjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'roomcheck-cli-'));
function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, ...env },
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}
const noStack = (text: string) => expect(text).not.toMatch(/\bat .+:\d+:\d+/);

describe.skipIf(skip !== null)('roomcheck demo, report, verify, extract', () => {
  let passphrase = '';
  let nssDir = '';

  beforeAll(() => {
    const r = run(['demo', '--out', 'demo']);
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    passphrase = /passphrase: (\S+)\)/.exec(r.out)?.[1] ?? '';
    expect(passphrase).not.toBe('');
    nssDir = mkdtempSync(join(tmpdir(), 'roomcheck-nss-'));
    spawnSync('certutil', ['-N', '-d', `sql:${nssDir}`, '--empty-password']);
    spawnSync('certutil', [
      '-A',
      '-d',
      `sql:${nssDir}`,
      '-n',
      'demo',
      '-t',
      'CT,C,C',
      '-i',
      join(dir, 'demo', 'demo-ca.pem'),
    ]);
  }, 300_000);

  it('demo writes the audit, a report every judge accepts, the CA and the inspector p12', () => {
    for (const f of ['demo-audit.json', 'demo-report.pdf', 'demo-ca.pem', 'demo-inspector.p12']) {
      expect(existsSync(join(dir, 'demo', f))).toBe(true);
    }
    const audit = JSON.parse(readFileSync(join(dir, 'demo', 'demo-audit.json'), 'utf8'));
    expect(audit.format).toBe('roomcheck.audit-snapshot');
    expect(audit.evidence.length).toBeGreaterThanOrEqual(2);
    const pdf = join(dir, 'demo', 'demo-report.pdf');
    const sig = pdfsig(pdf, nssDir).out;
    expect(sig).toContain('Signature is Valid.');
    expect(sig).toContain('Total document signed');
    expect(sig).toContain('Certificate is Trusted.');
    expect(qpdfCheck(pdf).status).toBe(0);
    expect(pdfdetachList(pdf).out).toContain('audit.json');
    expect(pdftotext(pdf)).toContain(audit.signOff.inspector.name.split(' ')[0]);
  });

  it('verify: 0 valid and trusted, 2 without a trust anchor, --json is the verdict', () => {
    expect(run(['verify', 'demo/demo-report.pdf', '--trust', 'demo/demo-ca.pem']).status).toBe(0);
    const untrusted = run(['verify', 'demo/demo-report.pdf']);
    expect(untrusted.status).toBe(2);
    expect(untrusted.out).toContain('INDETERMINATE');
    const json = run(['verify', 'demo/demo-report.pdf', '--trust', 'demo/demo-ca.pem', '--json']);
    expect(JSON.parse(json.out)).toMatchObject({
      status: 'valid',
      signatures: [{ trusted: true }],
    });
  }, 120_000);

  it('verify: 1 for a forged copy, 3 for a non-PDF, a missing file or bad usage, without stack traces', () => {
    const bytes = readFileSync(join(dir, 'demo', 'demo-report.pdf'));
    const forged = Buffer.from(bytes);
    forged[200] = forged[200] === 0x41 ? 0x42 : 0x41;
    writeFileSync(join(dir, 'forged.pdf'), forged);
    writeFileSync(join(dir, 'notes.txt'), 'not a pdf');
    const f = run(['verify', 'forged.pdf', '--trust', 'demo/demo-ca.pem']);
    expect(f.status).toBe(1);
    expect(f.out).toContain('INVALID');
    for (const args of [
      ['verify', 'notes.txt'],
      ['verify', 'missing.pdf'],
      ['verify'],
      ['verify', 'a.pdf', '--bogus'],
      ['verify', 'demo/demo-report.pdf', '--trust', 'notes.txt'],
    ]) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(3);
      noStack(r.err + r.out);
    }
    expect(run(['verify', '--help']).status).toBe(0);
  }, 120_000);

  it('report signs an audit with the demo p12 and with an OpenSSL EC p12; wrong passphrase is exit 3 in a sentence', () => {
    const ok = run(
      ['report', 'demo/demo-audit.json', '--p12', 'demo/demo-inspector.p12', '--out', 'mine.pdf'],
      {
        ROOMCHECK_P12_PASSPHRASE: passphrase,
      },
    );
    expect(ok.err).toBe('');
    expect(ok.status).toBe(0);
    expect(run(['verify', 'mine.pdf', '--trust', 'demo/demo-ca.pem']).status).toBe(0);

    const pki = testPki();
    const ec = run(
      [
        'report',
        'demo/demo-audit.json',
        '--p12',
        pki.ec.p12,
        '--passphrase-env',
        'P12PASS',
        '--out',
        'ec.pdf',
      ],
      {
        P12PASS: P12_PASSPHRASE,
      },
    );
    expect(ec.status).toBe(0);
    expect(pdfsig(join(dir, 'ec.pdf'), pki.nssDir).out).toContain('Certificate is Trusted.');

    const wrong = run(
      ['report', 'demo/demo-audit.json', '--p12', 'demo/demo-inspector.p12', '--out', 'x.pdf'],
      {
        ROOMCHECK_P12_PASSPHRASE: 'wrong',
      },
    );
    expect(wrong.status).toBe(3);
    expect(wrong.err.trim()).toBe(
      'roomcheck report: The passphrase is wrong, or the key it protects was altered.',
    );
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
    const noP12 = run(['report', 'demo/demo-audit.json', '--out', 'x.pdf']);
    expect(noP12.status).toBe(3);
    noStack(noP12.err);
  }, 300_000);

  it('report --distribute prints the distribution list and keeps it with the signed version, also for an audit without sign-off details', () => {
    const audit = JSON.parse(readFileSync(join(dir, 'demo', 'demo-audit.json'), 'utf8')) as {
      signOff: unknown;
    };
    writeFileSync(join(dir, 'unsigned-audit.json'), JSON.stringify({ ...audit, signOff: null }));
    const env = { ROOMCHECK_P12_PASSPHRASE: passphrase };
    const names = ['档案室 Records office', 'Łucja Woźniak (CISO)'];
    const args = (file: string, out: string, list: string[]) => [
      'report',
      file,
      '--p12',
      'demo/demo-inspector.p12',
      '--out',
      out,
      ...list.flatMap((n) => ['--distribute', n]),
    ];
    for (const [file, out] of [
      ['demo/demo-audit.json', 'dist.pdf'],
      ['unsigned-audit.json', 'dist-unsigned.pdf'],
    ] as const) {
      const r = run(args(file, out, names), env);
      expect(r.err).toBe('');
      expect(r.status).toBe(0);
      const text = pdftotext(join(dir, out)).replace(/\s+/g, ' ');
      for (const name of names) expect(text).toContain(name);
      expect(
        run(['extract', out, '--trust', 'demo/demo-ca.pem', '--out', `${out}.json`]).status,
      ).toBe(0);
      const embedded = JSON.parse(readFileSync(join(dir, `${out}.json`), 'utf8')) as {
        signOff: { distribution: string[] };
      };
      expect(embedded.signOff.distribution).toEqual(names);
    }
    const many = run(
      args(
        'demo/demo-audit.json',
        'many.pdf',
        Array.from({ length: 51 }, (_, i) => `R${i}`),
      ),
      env,
    );
    expect(many.status).toBe(3);
    expect(many.err.trim()).toBe('roomcheck report: Give at most 50 --distribute recipients.');
    expect(existsSync(join(dir, 'many.pdf'))).toBe(false);
  }, 300_000);

  it('extract writes the embedded audit of a valid report, warns (2) for an untrusted one, refuses (1) a forged one', () => {
    const ok = run([
      'extract',
      'demo/demo-report.pdf',
      '--trust',
      'demo/demo-ca.pem',
      '--out',
      'back.json',
    ]);
    expect(ok.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'back.json'), 'utf8'))).toEqual(
      JSON.parse(readFileSync(join(dir, 'demo', 'demo-audit.json'), 'utf8')),
    );
    const untrusted = run(['extract', 'demo/demo-report.pdf', '--out', 'untrusted.json']);
    expect(untrusted.status).toBe(2);
    expect(untrusted.err).toMatch(/warning/);
    const refused = run([
      'extract',
      'forged.pdf',
      '--trust',
      'demo/demo-ca.pem',
      '--out',
      'forged.json',
    ]);
    expect(refused.status).toBe(1);
    expect(refused.err).toMatch(/refused/);
    expect(existsSync(join(dir, 'forged.json'))).toBe(false);
    expect(run(['extract', 'demo/demo-report.pdf']).status).toBe(3);
  }, 120_000);
});
