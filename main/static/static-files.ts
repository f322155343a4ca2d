import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

const isInside = (base: string, target: string) => target === base || target.startsWith(base + sep);

/**
 * Maps a URL path onto a file inside `root`, or null when it would leave it. Decoding happens
 * once, before the containment check, so `%2e%2e%2f` cannot slip past it; NUL bytes and
 * backslashes (a second separator on Windows) are refused outright.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const target = resolve(base, relative);
  return isInside(base, target) ? target : null;
}

export type StaticFile = { body: Buffer; mimeType: string };

/**
 * Opens `file` if what the file system resolves it to is a regular file inside `realRoot`.
 * 'outside' when a symbolic link somewhere on the way leads out of the root; null when there
 * is no such file. The resolved path is opened with O_NOFOLLOW, so a link swapped in after the
 * check is not followed either.
 */
async function openContained(
  realRoot: string,
  file: string,
): Promise<StaticFile | 'outside' | null> {
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    return null;
  }
  if (!isInside(realRoot, real)) return 'outside';
  let handle;
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch {
    return null;
  }
  try {
    if (!(await handle.stat()).isFile()) return null;
    return { body: await handle.readFile(), mimeType: mimeTypeFor(real) };
  } finally {
    await handle.close();
  }
}

/**
 * Reads a file of the built renderer; unknown paths without an extension fall back to the SPA
 * shell. Containment is checked twice: on the path text (resolveStaticPath) and on the real
 * path, so a symbolic link in the folder cannot serve a file from outside it.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const target = resolveStaticPath(root, urlPath);
  if (!target) return null;
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return null;
  }
  const candidates = extname(target) ? [target] : [target, resolve(root, 'index.html')];
  for (const file of candidates) {
    const found = await openContained(realRoot, file);
    if (found === 'outside') return null;
    if (found) return found;
  }
  return null;
}
