import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStaticFile } from '../../../../main/static/static-files.ts';

// The containment check must hold for what the file system resolves, not only for the path
// text: a symbolic link inside the served folder that points outside it is not served.

const SECRET = 'TOP-SECRET-OUTSIDE-THE-RENDERER';
let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'roomcheck-static-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Roomcheck</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), SECRET);
  mkdirSync(join(base, 'outside'));
  writeFileSync(join(base, 'outside', 'secret.js'), SECRET);
  // Links that leave the root: to a file, to a directory, to a system file, and a chain.
  symlinkSync(join(base, 'secret.txt'), join(root, 'leak.txt'));
  symlinkSync('../../secret.txt', join(root, 'assets', 'relative-leak.txt'));
  symlinkSync(join(base, 'outside'), join(root, 'linked-dir'));
  symlinkSync('/etc/passwd', join(root, 'passwd.txt'));
  symlinkSync('/etc', join(root, 'etc'));
  symlinkSync(join(root, 'leak.txt'), join(root, 'chain.txt'));
  // A link that stays inside the root is harmless and still served.
  symlinkSync(join(root, 'assets', 'app.js'), join(root, 'alias.js'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('readStaticFile and symbolic links', () => {
  it.each([
    ['a link to a file outside', '/leak.txt'],
    ['a relative link climbing out', '/assets/relative-leak.txt'],
    ['a file under a linked directory', '/linked-dir/secret.js'],
    ['a link to /etc/passwd', '/passwd.txt'],
    ['a file under a link to /etc', '/etc/passwd'],
    ['a link to a link that leaves', '/chain.txt'],
  ])('does not serve %s', async (_what, path) => {
    const file = await readStaticFile(root, path);
    expect(file?.body.toString('utf8') ?? '').not.toContain(SECRET);
    expect(file?.body.toString('utf8') ?? '').not.toContain('root:');
    // Nothing is served at all for these: not even the SPA shell in its place.
    expect(file).toBeNull();
  });

  it('still serves ordinary files, links that stay inside, and the SPA shell', async () => {
    expect((await readStaticFile(root, '/assets/app.js'))?.body.toString()).toBe('console.log(1)');
    expect((await readStaticFile(root, '/alias.js'))?.body.toString()).toBe('console.log(1)');
    expect((await readStaticFile(root, '/audit/123'))?.mimeType).toMatch(/^text\/html/);
  });

  it('holds when the root itself is reached through a link', async () => {
    const linkedRoot = join(base, 'root-link');
    symlinkSync(root, linkedRoot);
    expect((await readStaticFile(linkedRoot, '/assets/app.js'))?.body.toString()).toBe(
      'console.log(1)',
    );
    expect(await readStaticFile(linkedRoot, '/leak.txt')).toBeNull();
  });
});
