import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRouter, type DispatchResult } from '../../../../main/bridge/router.ts';
import { BACKUPS_KEPT, listBackups, writeBackup } from '../../../../main/backup/backup-store.ts';
import { handlers } from '../../../../main/handlers/index.ts';
import { IdentityStore } from '../../../../main/identity/identity-store.ts';
import { passphraseProtector } from '../../../../main/identity/passphrase-protector.ts';
import { TrustStore } from '../../../../main/identity/trust-store.ts';
import { testPki } from '../signing/support/pki.ts';

// Parallel calls into main's stores, as a busy renderer (or a hostile one) makes them. Each
// store serialises its writes per file, so no call's effect is lost to another's.

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rc-races-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const fingerprint = () => randomBytes(32).toString('hex');
const dispatch = () => createRouter(handlers, { dataDir, version: '1.0.0', transport: 'loopback' });

function value<T>(result: DispatchResult): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('trust store under parallel calls', () => {
  it('keeps every one of 40 pins added in parallel', async () => {
    const call = dispatch();
    const fps = Array.from({ length: 40 }, fingerprint);
    const results = await Promise.all(
      fps.map((fp, i) =>
        call('trustAnchorImport', { kind: 'fingerprint', fingerprint: fp, label: `pin ${i}` }),
      ),
    );
    for (const r of results) expect(r.ok).toBe(true);
    const list = await new TrustStore(dataDir).list();
    expect(list.pins.map((p) => p.fingerprint).sort()).toEqual([...fps].sort());
  });

  it('a pin removed while another is added stays removed (20 trials)', async () => {
    const call = dispatch();
    const trust = new TrustStore(dataDir);
    let stillTrusted = 0;
    for (let trial = 0; trial < 20; trial++) {
      const removed = fingerprint();
      const added = fingerprint();
      value(
        await call('trustAnchorImport', {
          kind: 'fingerprint',
          fingerprint: removed,
          label: 'old',
        }),
      );
      const [removal, addition] = await Promise.all([
        call('trustAnchorRemove', { fingerprint: removed }),
        call('trustAnchorImport', { kind: 'fingerprint', fingerprint: added, label: 'new' }),
      ]);
      expect(removal.ok && addition.ok).toBe(true);
      const pins = (await trust.verifyOptions()).pinnedFingerprints ?? [];
      expect(pins).toContain(added);
      if (pins.includes(removed)) stillTrusted++;
    }
    expect(stillTrusted, 'trials where the removed pin was still trusted').toBe(0);
  });

  it('a CA imported in parallel with pins and removals is kept', async () => {
    const call = dispatch();
    const pki = testPki();
    const fps = Array.from({ length: 10 }, fingerprint);
    await Promise.all([
      call('trustAnchorImport', { kind: 'certificate', data: pki.caPem }),
      ...fps.map((fp) =>
        call('trustAnchorImport', { kind: 'fingerprint', fingerprint: fp, label: 'p' }),
      ),
    ]);
    await Promise.all(fps.slice(0, 5).map((fp) => call('trustAnchorRemove', { fingerprint: fp })));
    const options = await new TrustStore(dataDir).verifyOptions();
    expect(options.trustAnchors).toHaveLength(1);
    expect([...(options.pinnedFingerprints ?? [])].sort()).toEqual(fps.slice(5).sort());
  });

  it('leaves no temporary file behind', async () => {
    const call = dispatch();
    await Promise.all(
      Array.from({ length: 10 }, () =>
        call('trustAnchorImport', { kind: 'fingerprint', fingerprint: fingerprint(), label: 'p' }),
      ),
    );
    expect(await readdir(join(dataDir, 'trust'))).toEqual(['trust.json']);
  });
});

describe('identity store under parallel calls', () => {
  it('an identity removed while its certificate is imported stays removed', async () => {
    const store = new IdentityStore(dataDir);
    const pki = testPki();
    const protector = passphraseProtector('a long enough passphrase');
    for (let trial = 0; trial < 5; trial++) {
      const pending = await store.createCsr(
        'CSR',
        { commonName: `CSR ${trial}` },
        'ec-p256',
        protector,
      );
      const issued = pki.signCsr(pending.csrPem!);
      const [removal] = await Promise.allSettled([
        store.remove(pending.id),
        store.importCertificate(pending.id, issued),
      ]);
      expect(removal.status).toBe('fulfilled');
      expect((await store.list()).map((i) => i.id)).not.toContain(pending.id);
    }
    expect(await readdir(join(dataDir, 'identities'))).toEqual([]);
  });

  it('keeps every identity created in parallel', async () => {
    const store = new IdentityStore(dataDir);
    const protector = passphraseProtector('a long enough passphrase');
    const made = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        store.createCsr(`CSR ${i}`, { commonName: `CSR ${i}` }, 'ec-p256', protector),
      ),
    );
    expect((await store.list()).map((i) => i.id).sort()).toEqual(made.map((m) => m.id).sort());
  });
});

describe('backups under parallel calls', () => {
  const doc = (n: number) =>
    JSON.stringify({ format: 'roomcheck.backup', formatVersion: 1, tables: {}, n });

  it('thirty parallel backups with the same label and moment are thirty files', async () => {
    const now = new Date('2025-05-01T08:00:00.000Z');
    const written = await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        writeBackup(dataDir, doc(n), { label: 'audit completed', now, keep: 100 }),
      ),
    );
    const names = new Set(written.map((w) => w.fileName));
    expect(names.size).toBe(30);
    const files = await listBackups(dataDir);
    expect(files).toHaveLength(30);
    // Every answer names a file that holds exactly what that call wrote.
    for (const [n, w] of written.entries()) {
      expect(JSON.parse(await readFile(w.path, 'utf8'))).toMatchObject({ n });
    }
    expect((await readdir(join(dataDir, 'backups'))).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('thirty parallel backups through the bridge leave the newest few, each answer true', async () => {
    const call = dispatch();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        call('backupWrite', { label: 'audit completed', content: doc(n) }),
      ),
    );
    const answers = results.map((r) => value<{ fileName: string; kept: number }>(r));
    expect(new Set(answers.map((a) => a.fileName)).size).toBe(30);
    const files = await listBackups(dataDir);
    expect(files).toHaveLength(BACKUPS_KEPT);
    // The last answer reports the folder as it is: what it kept is what is there.
    for (const a of answers) expect(a.kept).toBeLessThanOrEqual(BACKUPS_KEPT);
  });
});
