import { randomBytes } from 'node:crypto';
import { link, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

// Files main keeps (trust list, identities, backups) are never seen half-written: the bytes go
// to a temporary file in the same folder, created exclusively and flushed to disk, which is then
// renamed over the old file (replace) or linked to a name that must not exist yet (create).
// Either step is atomic on one file system, and the folder is flushed afterwards so the new
// name survives a power cut.

const MODE = 0o600;

async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `data` to a fresh temporary file next to `path`, flushed; returns its path. */
async function writeTemporary(path: string, data: string | Uint8Array): Promise<string> {
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${randomBytes(6).toString('hex')}.part`,
  );
  const handle = await open(temporary, 'wx', MODE);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await rm(temporary, { force: true });
    throw err;
  }
  await handle.close();
  return temporary;
}

/** Replaces `path` with `data` in one step (the old contents or the new, never a mix). */
export async function replaceFile(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = await writeTemporary(path, data);
  try {
    await rename(temporary, path);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
  await syncFolder(dirname(path));
}

/**
 * Creates `path` holding `data`, complete from the first moment it exists. Returns false,
 * writing nothing, when the name is already taken (by another call or another process).
 */
export async function createFile(path: string, data: string | Uint8Array): Promise<boolean> {
  const temporary = await writeTemporary(path, data);
  try {
    await link(temporary, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await rm(temporary, { force: true });
  }
  await syncFolder(dirname(path));
  return true;
}
