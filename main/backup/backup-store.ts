import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BACKUP_MAX_BYTES } from '../../shared/bridge/contract.ts';

// Automatic backups live in <dataDir>/backups/, one file per audit completion. The renderer
// chooses nothing about the path: main builds every file name from the clock and a slug of a
// label, so a hostile label cannot climb out of the folder or overwrite another file, and
// pruning only ever touches files whose names this module made.

export const BACKUP_DIR_NAME = 'backups';
/** How many automatic backups are kept; older ones are removed after each new write. */
export const BACKUPS_KEPT = 10;

const NAME_PATTERN = /^roomcheck-backup-(\d{8}T\d{6}\d{3}Z)-[a-z0-9-]{0,40}\.json$/;

/** A label reduced to lower-case ASCII letters, digits and single hyphens, at most 40 long. */
export function slugLabel(label: string): string {
  return label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** `roomcheck-backup-20250301T093012123Z-audit-completed.json`: sorts by time as text. */
export function backupFileName(now: Date, label: string): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `roomcheck-backup-${stamp}-${slugLabel(label)}.json`;
}

export const isBackupFileName = (name: string): boolean => NAME_PATTERN.test(name);

export type WrittenBackup = {
  fileName: string;
  path: string;
  bytes: number;
  /** Backup files present after pruning, newest first. */
  kept: string[];
  removed: string[];
};

/**
 * Writes one backup and prunes the folder to the newest `keep`. The bytes go to a temporary
 * file first and are renamed into place, so a crash mid-write never leaves a half backup
 * under a name that looks complete.
 */
export async function writeBackup(
  dataDir: string,
  content: string,
  options: { label: string; now?: Date; keep?: number },
): Promise<WrittenBackup> {
  const bytes = Buffer.byteLength(content, 'utf8');
  if (bytes > BACKUP_MAX_BYTES) {
    throw new RangeError(`The backup is ${bytes} bytes; at most ${BACKUP_MAX_BYTES} are written.`);
  }
  const dir = join(dataDir, BACKUP_DIR_NAME);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  let fileName = backupFileName(options.now ?? new Date(), options.label);
  // Two backups in the same millisecond keep both: the second gets a suffix in its label.
  if (await exists(join(dir, fileName))) {
    fileName = backupFileName(
      options.now ?? new Date(),
      `${options.label}-${randomBytes(3).toString('hex')}`,
    );
  }
  const path = join(dir, fileName);
  const temporary = join(dir, `.${fileName}.${randomBytes(6).toString('hex')}.part`);
  try {
    await writeFile(temporary, content, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
    await rename(temporary, path);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
  const { kept, removed } = await pruneBackups(dir, options.keep ?? BACKUPS_KEPT);
  return { fileName, path, bytes, kept, removed };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Removes all but the newest `keep` backup files; other files in the folder are left alone. */
export async function pruneBackups(
  dir: string,
  keep: number,
): Promise<{ kept: string[]; removed: string[] }> {
  const names = (await readdir(dir)).filter(isBackupFileName).sort().reverse();
  const kept = names.slice(0, Math.max(1, keep));
  const removed = names.slice(kept.length);
  for (const name of removed) await rm(join(dir, name), { force: true });
  return { kept, removed };
}

export type BackupFile = { fileName: string; bytes: number; at: string };

/** Backup files in the folder, newest first (an absent folder has none). */
export async function listBackups(dataDir: string): Promise<BackupFile[]> {
  const dir = join(dataDir, BACKUP_DIR_NAME);
  let names: string[];
  try {
    names = (await readdir(dir)).filter(isBackupFileName).sort().reverse();
  } catch {
    return [];
  }
  const files: BackupFile[] = [];
  for (const fileName of names) {
    try {
      const info = await stat(join(dir, fileName));
      if (info.isFile()) files.push({ fileName, bytes: info.size, at: stampOf(fileName) });
    } catch {
      // Removed between readdir and stat: it is simply not listed.
    }
  }
  return files;
}

/** The moment a backup file name records, as an ISO timestamp. */
export function stampOf(fileName: string): string {
  const m = NAME_PATTERN.exec(fileName)?.[1] ?? '';
  const p = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(m);
  return p ? `${p[1]}-${p[2]}-${p[3]}T${p[4]}:${p[5]}:${p[6]}.${p[7]}Z` : '';
}
