import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../../../main/bridge/router.ts';
import {
  backupFileName,
  isBackupFileName,
  listBackups,
  pruneBackups,
  slugLabel,
  stampOf,
  writeBackup,
} from '../../../../main/backup/backup-store.ts';
import { handlers } from '../../../../main/handlers/index.ts';
import { BACKUP_MAX_BYTES } from '../../../../shared/bridge/contract.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rc-backup-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const doc = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'roomcheck.backup', formatVersion: 1, tables: {}, ...extra });

function dispatcher() {
  return createRouter(handlers, { dataDir, version: '1.0.0', transport: 'loopback' });
}

const backupsDir = () => join(dataDir, 'backups');

describe('backup file names', () => {
  it('sort by time as text and carry only a slug of the label', () => {
    const a = backupFileName(new Date('2025-03-01T09:30:12.123Z'), 'Audit completed: 机房 3');
    expect(a).toBe('roomcheck-backup-20250301T093012123Z-audit-completed-3.json');
    const b = backupFileName(new Date('2025-03-01T09:30:12.124Z'), 'zzz');
    expect([b, a].sort()).toEqual([a, b]);
    expect(stampOf(a)).toBe('2025-03-01T09:30:12.123Z');
  });

  it.each([
    ['../../etc/passwd', 'etc-passwd'],
    ['..\\..\\Windows\\System32', 'windows-system32'],
    ['a\u0000b/c', 'a-b-c'],
    ['CON', 'con'],
    ['', ''],
    ['-'.repeat(300), ''],
    ['x'.repeat(300), 'x'.repeat(40)],
  ])('reduces the hostile label %j to %j', (label, slug) => {
    expect(slugLabel(label)).toBe(slug);
    const name = backupFileName(new Date(0), label);
    expect(isBackupFileName(name)).toBe(true);
    expect(name).not.toMatch(/[/\\\0]/);
  });
});

describe('backupWrite through the router', () => {
  it('writes the document into <dataDir>/backups with a timestamped name', async () => {
    const content = doc({ note: 'café 机房' });
    const result = await dispatcher()('backupWrite', { label: 'audit completed', content });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as { fileName: string; directory: string; bytes: number };
    expect(value.directory).toBe(backupsDir());
    expect(value.fileName).toMatch(/^roomcheck-backup-\d{8}T\d{9}Z-audit-completed\.json$/);
    expect(await readFile(join(backupsDir(), value.fileName), 'utf8')).toBe(content);
    expect(value.bytes).toBe(Buffer.byteLength(content));
    // No temporary file is left behind.
    expect(await readdir(backupsDir())).toEqual([value.fileName]);
  });

  it('keeps a hostile label inside the backup folder', async () => {
    const result = await dispatcher()('backupWrite', {
      label: '../../../../tmp/evil',
      content: doc(),
    });
    expect(result.ok).toBe(true);
    const outside = await readdir(dataDir);
    expect(outside).toEqual(['backups']);
    const inside = await readdir(backupsDir());
    expect(inside).toHaveLength(1);
    expect(inside[0]).toMatch(/-tmp-evil\.json$/);
  });

  it.each([
    ['text that is not JSON', '{"format":"roomcheck.backup",'],
    [
      'JSON of another format',
      JSON.stringify({ format: 'roomcheck.audit-bundle', formatVersion: 1 }),
    ],
    ['a JSON array', '[1,2,3]'],
    ['JSON null', 'null'],
    ['a backup without a version', JSON.stringify({ format: 'roomcheck.backup' })],
  ])('refuses %s and writes nothing', async (_what, content) => {
    const result = await dispatcher()('backupWrite', { label: 'x', content });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('bad_request');
      expect(result.error.message).toMatch(/nothing was written/);
    }
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('refuses an oversized payload before the handler runs', async () => {
    const content = doc({ pad: 'a'.repeat(BACKUP_MAX_BYTES) });
    const result = await dispatcher()('backupWrite', { label: 'big', content });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('refuses extra fields (no way to pass a path)', async () => {
    const result = await dispatcher()('backupWrite', {
      label: 'x',
      content: doc(),
      path: '/etc/cron.d/x',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('counts bytes, not characters, against the limit', async () => {
    // Three bytes per character: under the character limit, over the byte limit.
    const content = doc({ pad: '机'.repeat(Math.floor(BACKUP_MAX_BYTES / 3) + 10) });
    await expect(writeBackup(dataDir, content, { label: 'x' })).rejects.toBeInstanceOf(RangeError);
    expect(await readdir(dataDir)).toEqual([]);
  });
});

describe('retention', () => {
  it('keeps the newest N backups and never touches other files', async () => {
    await mkdir(backupsDir(), { recursive: true });
    await writeFile(join(backupsDir(), 'notes.txt'), 'mine');
    await writeFile(join(backupsDir(), 'roomcheck-backup-evil.json'), 'not ours by pattern');
    const written: string[] = [];
    for (let i = 0; i < 6; i++) {
      const w = await writeBackup(dataDir, doc({ i }), {
        label: `n${i}`,
        now: new Date(Date.UTC(2025, 0, 1, 0, 0, i)),
        keep: 3,
      });
      written.push(w.fileName);
    }
    const names = (await readdir(backupsDir())).sort();
    expect(names).toEqual(['notes.txt', 'roomcheck-backup-evil.json', ...written.slice(3)].sort());
    const listed = await listBackups(dataDir);
    expect(listed.map((f) => f.fileName)).toEqual(written.slice(3).reverse());
    expect(listed[0]!.at).toBe('2025-01-01T00:00:05.000Z');
  });

  it('gives two backups of the same millisecond two files', async () => {
    const now = new Date('2025-01-01T00:00:00.000Z');
    const a = await writeBackup(dataDir, doc({ a: 1 }), { label: 'same', now });
    const b = await writeBackup(dataDir, doc({ b: 1 }), { label: 'same', now });
    expect(a.fileName).not.toBe(b.fileName);
    expect(JSON.parse(await readFile(a.path, 'utf8'))).toMatchObject({ a: 1 });
    expect(JSON.parse(await readFile(b.path, 'utf8'))).toMatchObject({ b: 1 });
  });

  it('prunes to at least one file even when asked for zero', async () => {
    await writeBackup(dataDir, doc(), { label: 'a', now: new Date(1000) });
    const { kept } = await pruneBackups(backupsDir(), 0);
    expect(kept).toHaveLength(1);
  });

  it('lists nothing when no backup was ever written', async () => {
    expect(await listBackups(dataDir)).toEqual([]);
    const result = await dispatcher()('backupList', {});
    expect(result).toEqual({ ok: true, value: { directory: backupsDir(), files: [] } });
  });
});
