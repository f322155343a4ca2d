import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The Roomcheck project directory, found by walking up from a module's own location to the
 * package.json named "roomcheck". Works the same from the sources (tsx, vitest) and from a
 * bundle in out/, and does not depend on the current working directory.
 */
export function findProjectRoot(fromUrl: string): string {
  let dir = dirname(fileURLToPath(fromUrl));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
        if (parsed.name === 'roomcheck') return dir;
      } catch {
        // A stray or half-written package.json higher up is not ours; keep climbing.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`Cannot find the Roomcheck project directory above ${fromUrl}.`);
    }
    dir = parent;
  }
}
