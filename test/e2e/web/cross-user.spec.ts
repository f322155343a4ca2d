import { expect, test } from '@playwright/test';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../main/scripts/web.ts';

// Web mode as one OS account (the owner, who runs `npm run web`) and another account on the
// same computer (`nobody`) trying to take it over with curl, as the security review did: read
// the page, call the bridge, replay the launch link, look for the secret in every process's
// command line. Only the owner's browser, which opened the printed link, gets in.

const OTHER_USER = 'nobody';

function whyNot(): string | null {
  if (process.getuid?.() !== 0)
    return 'needs root to run curl as another account (CI runs as root)';
  for (const tool of ['runuser', 'curl']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `${tool} is missing`;
  }
  if (spawnSync('id', ['-u', OTHER_USER]).status !== 0)
    return `there is no "${OTHER_USER}" account`;
  return null;
}
const skipReason = whyNot();
if (skipReason) console.warn(`[cross-user web mode] skipped: ${skipReason}`);

/** Runs a command as the other account; stdout and the exit status. */
function asOther(command: string[]): { out: string; status: number | null } {
  const r = spawnSync('runuser', ['-u', OTHER_USER, '--', ...command], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { out: r.stdout + r.stderr, status: r.status };
}

/** curl as the other account: the body followed by a last line with the HTTP status. */
function curlAsOther(url: string, extra: string[] = []): { body: string; status: number } {
  const { out } = asOther(['curl', '-s', '-o', '-', '-w', '\n%{http_code}', ...extra, url]);
  const cut = out.lastIndexOf('\n');
  return { body: out.slice(0, cut), status: Number(out.slice(cut + 1)) };
}

type WebMode = {
  child: ChildProcessWithoutNullStreams;
  /** The n-th launch link the process printed (1 is the first), once it has. */
  link: (n: number) => Promise<string>;
};

/** Starts `npm run web`'s entry point (on the existing build) and reads the links it prints. */
function startWebMode(dataDir: string): WebMode {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const child = spawn(process.execPath, [tsx, join(PROJECT_ROOT, 'main/scripts/web.ts')], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      ROOMCHECK_SKIP_BUILD: '1',
      ROOMCHECK_DATA_DIR: dataDir,
      ROOMCHECK_PORT: '0',
    },
  });
  let out = '';
  const links = () => out.match(/http:\/\/127\.0\.0\.1:\d+\/launch\?secret=[A-Za-z0-9_-]+/g) ?? [];
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`web mode exited (${code}): ${out}`))),
  );
  exited.catch(() => undefined);
  // Registered first, so `out` holds each piece before the link checks below look at it.
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const link = (n: number): Promise<string> =>
    Promise.race([
      exited,
      new Promise<string>((resolve) => {
        const check = () => {
          const found = links()[n - 1];
          if (found) {
            child.stdout.off('data', check);
            resolve(found);
          }
        };
        child.stdout.on('data', check);
        check();
      }),
    ]);
  return { child, link };
}

test('another account on this computer cannot take over web mode', async ({ browser }) => {
  test.skip(skipReason !== null, skipReason ?? '');
  test.setTimeout(120_000);
  const dataDir = await mkdtemp(join(tmpdir(), 'roomcheck-cross-user-'));
  const web = startWebMode(dataDir);
  const { child } = web;
  try {
    const link = await web.link(1);
    const secret = new URL(link).searchParams.get('secret')!;
    const origin = new URL(link).origin;
    const pin = JSON.stringify({ kind: 'fingerprint', fingerprint: 'ab'.repeat(32), label: 'x' });
    const bridge = (call: string, body: string, headers: string[] = []) =>
      curlAsOther(`${origin}/bridge/${call}`, [
        '-X',
        'POST',
        '-H',
        'Content-Type: application/json',
        '-H',
        `Origin: ${origin}`,
        ...headers,
        '--data-binary',
        body,
      ]);

    // Before the owner opens the link: the page carries nothing, the bridge answers nothing.
    const page = curlAsOther(`${origin}/`);
    expect(page.status).toBe(401);
    expect(page.body).not.toContain(secret);
    expect(page.body).not.toMatch(/<script/);
    expect(bridge('trustAnchorImport', pin).status).toBe(401);
    expect(bridge('identityList', '{}').status).toBe(401);
    // Nor is the secret on any command line, in any environment or file the account can read.
    const visible = asOther([
      'sh',
      '-c',
      `cat /proc/[0-9]*/cmdline /proc/[0-9]*/environ 2>/dev/null; ls -R ${dataDir} 2>&1`,
    ]).out;
    expect(visible.length).toBeGreaterThan(0);
    expect(visible).not.toContain(secret);

    // The owner opens the link in a browser: the session is an HttpOnly, SameSite=Strict cookie.
    const context = await browser.newContext();
    const outside: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('blob:') || url.startsWith('data:') || new URL(url).origin === origin) {
        return route.continue();
      }
      outside.push(url);
      return route.abort('blockedbyclient');
    });
    const owner = await context.newPage();
    await owner.goto(link);
    await expect(owner.getByRole('heading', { level: 1 }).first()).toBeVisible();
    expect(new URL(owner.url()).pathname).toBe('/');
    const [cookie, ...others] = await context.cookies();
    expect(others).toEqual([]);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(await owner.evaluate(() => document.cookie)).toBe('');
    expect(await owner.content()).not.toContain(cookie!.value);
    const ownerCall = (call: string, body: unknown) =>
      owner.evaluate(
        async ([c, b]) =>
          (await fetch(`/bridge/${c}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(b),
          }).then((r) => r.json())) as { ok: boolean; value?: { pins: unknown[] } },
        [call, body] as const,
      );
    expect(await ownerCall('trustAnchorList', {})).toEqual({
      ok: true,
      value: { anchors: [], pins: [] },
    });

    // Afterwards the other account is no better off: the link is spent, the bridge still closed,
    // and the browser's command line holds no secret either.
    const replay = curlAsOther(link);
    expect(replay.status).toBe(403);
    expect(replay.body).toContain('already used');
    expect(curlAsOther(link, ['-D', '-']).body).not.toMatch(/set-cookie/i);
    expect(curlAsOther(`${origin}/`).status).toBe(401);
    expect(bridge('trustAnchorImport', pin).status).toBe(401);
    expect(
      bridge('identityRemove', JSON.stringify({ identityId: `id-${'0'.repeat(32)}` })).status,
    ).toBe(401);
    expect(bridge('backupWrite', '{"label":"x","content":"{}"}').status).toBe(401);
    expect(asOther(['sh', '-c', 'cat /proc/[0-9]*/cmdline 2>/dev/null']).out).not.toContain(secret);
    // Nothing the other account sent changed anything.
    expect(await ownerCall('trustAnchorList', {})).toEqual({
      ok: true,
      value: { anchors: [], pins: [] },
    });
    expect(await readdir(dataDir)).toEqual([]);
    // Enter in the owner's terminal prints a fresh link, for a second browser of the owner's.
    child.stdin.write('\n');
    const second = await web.link(2);
    expect(second).not.toBe(link);
    const again = await browser.newContext();
    const secondPage = await again.newPage();
    await secondPage.goto(second);
    await expect(secondPage.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await again.close();
    expect(outside).toEqual([]);
    await context.close();
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  }
});
