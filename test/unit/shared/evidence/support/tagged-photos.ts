import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Photos as cameras and phones write them, made by other tools: Pillow (Debian's python3-pil)
// draws a small picture in each format with no metadata, and ExifTool adds what a phone adds:
// GPS position (39°54′N 116°23′E), make, model, serial number, owner, an orientation, XMP, IPTC
// keywords, a comment and, in the JPEG, an EXIF thumbnail. ExifTool then judges the result.

export const PYTHON = '/usr/bin/python3';
export const FORMATS = ['jpg', 'png', 'webp'] as const;
export type Format = (typeof FORMATS)[number];
export const MIME: Record<Format, 'image/jpeg' | 'image/png' | 'image/webp'> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

/** Why the tagged photos cannot be made here, or null. */
export function missingPhotoTools(): string | null {
  if (spawnSync(PYTHON, ['-c', 'import PIL']).status !== 0) {
    return `Pillow is missing for ${PYTHON} (apt-get install python3-pil)`;
  }
  if (spawnSync('exiftool', ['-ver']).status !== 0) {
    return 'exiftool is missing (apt-get install libimage-exiftool-perl)';
  }
  return null;
}

const DRAW = `
import sys
from PIL import Image
w, h, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
im = Image.new('RGB', (w, h))
px = im.load()
for x in range(w):
    for y in range(h):
        px[x, y] = ((x * 255) // max(1, w - 1), (y * 255) // max(1, h - 1), 128 if x < w // 2 else 32)
im.save(out + '/base.jpg', quality=95)
im.save(out + '/base.png')
im.save(out + '/base.webp', lossless=True)
im.resize((max(1, w // 4), max(1, h // 4))).save(out + '/thumb.jpg')
`;

/** What a phone would add, as ExifTool arguments. */
export const PHONE_TAGS = [
  '-GPSLatitude=39.9',
  '-GPSLatitudeRef=N',
  '-GPSLongitude=116.3833',
  '-GPSLongitudeRef=E',
  '-Make=RoomcheckTestPhone',
  '-Model=Test Camera',
  '-SerialNumber=SN12345',
  '-Artist=Inspector Li',
  '-XMP-dc:Creator=Inspector Li',
  '-IPTC:Keywords=secret-room',
  '-Comment=taken in room 3',
];

export type TaggedPhotos = {
  dir: string;
  /** The picture with no metadata, as Pillow wrote it. */
  base: (f: Format) => string;
  /** The same picture with a phone's metadata and the given orientation. */
  tagged: (f: Format) => string;
};

/** Makes the photos in a fresh directory; `orientation` is EXIF's 1..8. */
export function makeTaggedPhotos(orientation: number, width = 64, height = 48): TaggedPhotos {
  const dir = mkdtempSync(join(tmpdir(), 'roomcheck-photos-'));
  execFileSync(PYTHON, ['-c', DRAW, String(width), String(height), dir]);
  for (const f of FORMATS) {
    execFileSync('cp', [join(dir, `base.${f}`), join(dir, `tagged.${f}`)]);
    execFileSync('exiftool', [
      '-q',
      '-q',
      '-overwrite_original',
      ...PHONE_TAGS,
      `-Orientation#=${orientation}`,
      ...(f === 'jpg' ? [`-ThumbnailImage<=${join(dir, 'thumb.jpg')}`] : []),
      join(dir, `tagged.${f}`),
    ]);
  }
  return {
    dir,
    base: (f) => join(dir, `base.${f}`),
    tagged: (f) => join(dir, `tagged.${f}`),
  };
}

/** ExifTool's tags of a file as group:name, without the file system's and ExifTool's own. */
export function exifTags(path: string): Record<string, unknown> {
  const out = execFileSync('exiftool', ['-j', '-a', '-G1', '-s', path], { encoding: 'utf8' });
  const [tags] = JSON.parse(out) as Record<string, unknown>[];
  return Object.fromEntries(
    Object.entries(tags!).filter(
      ([k]) => !k.startsWith('System:') && !k.startsWith('ExifTool:') && k !== 'SourceFile',
    ),
  );
}

/** Pillow's pixels of a file, as one string per file (for equality). */
export function pixels(path: string): string {
  return execFileSync(
    PYTHON,
    [
      '-c',
      'import sys, hashlib; from PIL import Image; im = Image.open(sys.argv[1]).convert("RGB"); print(im.size, hashlib.sha256(im.tobytes()).hexdigest())',
      path,
    ],
    { encoding: 'utf8' },
  ).trim();
}
