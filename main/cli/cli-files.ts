import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliUsageError, type CliIo } from './command.ts';

// The few things every CLI command does with files and arguments, each failure turned into
// one plain sentence (exit 3: unreadable file or bad usage). The size is checked with stat
// before reading, so a 5 GB file is refused without loading it.

/** "Audit file" mid-sentence is "audit file"; an acronym such as "PDF" stays as it is. */
const midSentence = (what: string) =>
  /^[A-Z][a-z]/.test(what) ? what.charAt(0).toLowerCase() + what.slice(1) : what;

export async function readInputFile(
  io: CliIo,
  path: string,
  what: string,
  maxBytes: number,
): Promise<Uint8Array> {
  const full = resolve(io.cwd, path);
  let size: number;
  try {
    const s = await stat(full);
    if (!s.isFile()) throw new CliUsageError(`${what} ${path} is not a file.`);
    size = s.size;
  } catch (err) {
    if (err instanceof CliUsageError) throw err;
    throw new CliUsageError(
      `Cannot read ${midSentence(what)} ${path}: no such file or no permission.`,
    );
  }
  if (size > maxBytes) {
    throw new CliUsageError(
      `${what} ${path} is ${(size / 1024 / 1024).toFixed(1)} MB; files above ${Math.round(maxBytes / 1024 / 1024)} MB are refused.`,
    );
  }
  try {
    return new Uint8Array(await readFile(full));
  } catch {
    throw new CliUsageError(`Cannot read ${midSentence(what)} ${path}.`);
  }
}

export async function writeOutputFile(
  io: CliIo,
  path: string,
  data: Uint8Array | string,
): Promise<string> {
  const full = resolve(io.cwd, path);
  try {
    const s = await stat(full);
    if (s.isDirectory()) throw new CliUsageError(`${path} is a directory; give a file name.`);
  } catch (err) {
    if (err instanceof CliUsageError) throw err;
  }
  try {
    await writeFile(full, data);
  } catch {
    throw new CliUsageError(`Cannot write ${path}: check the folder exists and is writable.`);
  }
  return full;
}

/**
 * Writes several files into a folder, creating the folder if needed. File names are the
 * caller's and must already be plain names (no separators). Returns the folder's full path.
 */
export async function writeOutputDirectory(
  io: CliIo,
  path: string,
  files: readonly { name: string; data: Uint8Array | string }[],
): Promise<string> {
  const full = resolve(io.cwd, path);
  try {
    if (!(await stat(full)).isDirectory()) {
      throw new CliUsageError(`${path} is a file; give a folder for the checklists.`);
    }
  } catch (err) {
    if (err instanceof CliUsageError) throw err;
  }
  try {
    await mkdir(full, { recursive: true });
    for (const file of files) await writeFile(join(full, file.name), file.data);
  } catch {
    throw new CliUsageError(`Cannot write into ${path}: check that it is a writable folder.`);
  }
  return full;
}

/** node:util parseArgs, with its errors as plain usage errors. */
export function parseCliArgs<T extends ParseArgsConfig>(args: string[], config: T) {
  try {
    return parseArgs({ ...config, args, strict: true });
  } catch (err) {
    const message =
      err instanceof Error ? err.message.replace(/\. To specify.*$/s, '.') : String(err);
    throw new CliUsageError(`${message} Run with --help for usage.`);
  }
}
