import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoPhoto } from '../../shared/demo/demo-audit.ts';
import { findProjectRoot } from './project-root.ts';

/** The demo photos in the order makeDemoAudit expects: the rack front, then the camera label. */
export const DEMO_PHOTO_FILES = ['rack-a03-front.jpg', 'camera-label.jpg'] as const;

/** Reads the demo photos from assets/demo with their SHA-256, ready for makeDemoAudit. */
export function loadDemoPhotos(): DemoPhoto[] {
  const dir = join(findProjectRoot(import.meta.url), 'assets', 'demo');
  return DEMO_PHOTO_FILES.map((fileName) => {
    const bytes = new Uint8Array(readFileSync(join(dir, fileName)));
    return {
      fileName,
      mimeType: 'image/jpeg',
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  });
}
