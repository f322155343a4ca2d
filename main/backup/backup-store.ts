import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BACKUP_MAX_BYTES } from '../../shared/bridge/contract.ts';
import { createFile } from '../storage/atomic-file.ts';
import { serialized } from '../storage/file-queue.ts';

// Automatic backups live in <dataDir>/backups/, one file per audit completion. The renderer
// chooses nothing about the path: main builds every file name from the clock and a slug of a
// label, so a hostile label cannot climb out of the folder or overwrite another file, and
// pruning only ever touches files whose names this module made.

export const BACKUP_DIR_NAME = 'backups';
/** How many automatic backups are kept; older ones are removed after each new write. */
export const BACKUPS_KEPT = 10;

/** Random suffixes tried when a name is taken (two tries already make a clash unlikely). */
const NAME_ATTEMPTS = 20;

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
 * Writes one backup and prunes the folder to the newest `keep`. The file is created complete
 * under a name no other backup has (a second backup of the same millisecond and label gets a
 * random suffix), and writes and pruning in one folder run one at a time, so parallel backups
 * each keep their own file and every answer describes the folder as that call left it.
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
  return serialized(dir, async () => {
    const now = options.now ?? new Date();
    let fileName = backupFileName(now, options.label);
    for (let attempt = 0; !(await createFile(join(dir, fileName), content)); attempt++) {
      if (attempt >= NAME_ATTEMPTS) throw new Error(`No free backup file name in ${dir}.`);
      fileName = backupFileName(now, `${options.label}-${randomBytes(3).toString('hex')}`);
    }
    const { kept, removed } = await pruneBackups(dir, options.keep ?? BACKUPS_KEPT);
    return { fileName, path: join(dir, fileName), bytes, kept, removed };
  });
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
