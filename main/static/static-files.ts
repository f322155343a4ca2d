import { readFile, stat } from 'node:fs/promises';
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
  if (target !== base && !target.startsWith(base + sep)) return null;
  return target;
}

export type StaticFile = { body: Buffer; mimeType: string };

/** Reads a file of the built renderer; unknown paths without an extension fall back to the SPA shell. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const target = resolveStaticPath(root, urlPath);
  if (!target) return null;
  const candidates = extname(target) ? [target] : [target, resolve(root, 'index.html')];
  for (const file of candidates) {
    try {
      const info = await stat(file);
      if (!info.isFile()) continue;
      return { body: await readFile(file), mimeType: mimeTypeFor(file) };
    } catch {
      // try the next candidate
    }
  }
  return null;
}
