import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { summarizeExif, type Orientation } from '../../../../shared/evidence/exif-summary.ts';
import { orientationTransform } from '../../../../shared/evidence/orientation.ts';
import { stripImageMetadata } from '../../../../shared/evidence/strip-metadata.ts';
import {
  exifTags,
  FORMATS,
  makeTaggedPhotos,
  missingPhotoTools,
  MIME,
  pixels,
  PYTHON,
  type TaggedPhotos,
} from './support/tagged-photos.ts';

const skip = missingPhotoTools();
if (skip) console.warn(`[photo metadata, files made by Pillow and ExifTool] skipped: ${skip}`);

const made: TaggedPhotos[] = [];
afterAll(() => made.forEach((m) => rmSync(m.dir, { recursive: true, force: true })));

describe.skipIf(skip)('stripping photos made by Pillow and tagged by ExifTool', () => {
  const photos = skip ? null : makeTaggedPhotos(6);
  if (photos) made.push(photos);

  it.each(FORMATS)('%s: GPS, EXIF, XMP, IPTC, comments and thumbnails go; pixels stay', (f) => {
    const before = exifTags(photos!.tagged(f));
    // The phone's metadata is really there before: position, camera, owner.
    expect(before['GPS:GPSLatitude']).toBe('39 deg 54\' 0.00"');
    expect(before['Composite:GPSPosition']).toMatch(/^39 deg 54' 0\.00" N, 116 deg 22'/);
    expect(before['IFD0:Make']).toBe('RoomcheckTestPhone');

    const result = stripImageMetadata(new Uint8Array(readFileSync(photos!.tagged(f))), MIME[f]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const out = join(photos!.dir, `stripped.${f}`);
    writeFileSync(out, result.bytes);

    // ExifTool finds exactly what it finds in the untagged original (WebP keeps its extended
    // header, with the EXIF and XMP flags cleared).
    const after = exifTags(out);
    const base = exifTags(photos!.base(f));
    const comparable = (tags: Record<string, unknown>) =>
      Object.keys(tags)
        .filter((k) => !k.startsWith('RIFF:') && k !== 'File:FileType')
        .sort();
    expect(comparable(after)).toEqual(comparable(base));
    expect(String(after['RIFF:WebP_Flags'] ?? '')).not.toMatch(/EXIF|XMP/);
    expect(JSON.stringify(after)).not.toMatch(/39 deg|116 deg|Inspector Li|SN12345|secret-room/);
    // Nothing was decoded or re-encoded: the same pixels as the tagged file.
    expect(pixels(out)).toBe(pixels(photos!.tagged(f)));

    expect(result.orientation).toBe(6);
    expect(result.removed).toEqual(
      f === 'jpg'
        ? ['location', 'camera', 'thumbnail', 'xmp', 'iptc', 'comment']
        : f === 'png'
          ? ['location', 'camera', 'xmp', 'iptc', 'comment']
          : ['location', 'camera', 'xmp'],
    );
    // Stripping again finds nothing more and changes nothing.
    const again = stripImageMetadata(result.bytes, MIME[f]);
    expect(again).toEqual({ ok: true, bytes: result.bytes, removed: [], orientation: 1 });
  });

  it.each(FORMATS)('%s: a photo without metadata comes out byte for byte as it went in', (f) => {
    const bytes = new Uint8Array(readFileSync(photos!.base(f)));
    expect(stripImageMetadata(bytes, MIME[f])).toEqual({
      ok: true,
      bytes,
      removed: [],
      orientation: 1,
    });
  });

  it('turns pixels exactly as Pillow applies each EXIF orientation', () => {
    // A 3×2 picture of distinct pixels, turned by Pillow's exif_transpose for each orientation.
    const script = `
import json
from PIL import Image, ImageOps
out = {}
for o in range(1, 9):
    im = Image.new('L', (3, 2))
    im.putdata([10, 20, 30, 40, 50, 60])
    ex = im.getexif(); ex[0x0112] = o
    im.info['exif'] = ex.tobytes()
    t = ImageOps.exif_transpose(im)
    out[o] = {'size': t.size, 'data': list(t.getdata())}
print(json.dumps(out))`;
    const expected = JSON.parse(
      execFileSync(PYTHON, ['-c', script], { encoding: 'utf8' }),
    ) as Record<string, { size: [number, number]; data: number[] }>;
    const source = [10, 20, 30, 40, 50, 60];
    for (let o = 1; o <= 8; o++) {
      const { width, height, matrix } = orientationTransform(o as Orientation, 3, 2);
      const [a, b, c, d, e, f] = matrix;
      const turned = new Array<number>(width * height).fill(-1);
      for (let y = 0; y < 2; y++) {
        for (let x = 0; x < 3; x++) {
          // The pixel square (x, y)-(x+1, y+1) lands on the square whose smaller corner is:
          const tx = Math.min(a * x + c * y + e, a * (x + 1) + c * (y + 1) + e);
          const ty = Math.min(b * x + d * y + f, b * (x + 1) + d * (y + 1) + f);
          turned[ty * width + tx] = source[y * 3 + x]!;
        }
      }
      expect({ size: [width, height], data: turned }, `orientation ${o}`).toEqual(expected[o]);
    }
  });
});

// --- Hand-made structures: maker notes, and hostile files ---------------------------------

/** A big-endian TIFF with IFD0 (orientation, Exif IFD pointer) and an Exif IFD with a maker note. */
function tiffWithMakerNote(orientation: number): Uint8Array {
  const b = new Uint8Array(64);
  const v = new DataView(b.buffer);
  b.set([0x4d, 0x4d, 0, 42]);
  v.setUint32(4, 8);
  v.setUint16(8, 2); // IFD0: two entries
  v.setUint16(10, 0x0112);
  v.setUint16(12, 3);
  v.setUint32(14, 1);
  v.setUint16(18, orientation);
  v.setUint16(22, 0x8769);
  v.setUint16(24, 4);
  v.setUint32(26, 1);
  v.setUint32(30, 38); // Exif IFD at 38
  v.setUint32(34, 0); // no IFD1
  v.setUint16(38, 1);
  v.setUint16(40, 0x927c);
  v.setUint16(42, 7);
  v.setUint32(44, 4);
  b.set([1, 2, 3, 4], 48);
  return b;
}

function jpegWith(segments: Uint8Array[]): Uint8Array {
  const body = [0xff, 0xd8];
  for (const s of segments) body.push(...s);
  // A minimal frame and scan are not needed for the container: SOS with 1 byte of data, EOI.
  body.push(0xff, 0xda, 0, 2, 0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd0, 0x78, 0xff, 0xd9);
  return Uint8Array.from(body);
}

const app = (marker: number, payload: Uint8Array) =>
  Uint8Array.from([
    0xff,
    marker,
    (payload.length + 2) >> 8,
    (payload.length + 2) & 0xff,
    ...payload,
  ]);
const ascii = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

describe('stripImageMetadata on hand-made and hostile files', () => {
  it('finds maker notes in the Exif IFD and reads the orientation', () => {
    const tiff = tiffWithMakerNote(8);
    expect(summarizeExif(tiff)).toEqual({
      orientation: 8,
      hasLocation: false,
      hasMakerNotes: true,
      hasThumbnail: false,
    });
    const jpeg = jpegWith([app(0xe1, Uint8Array.from([...ascii('Exif\0\0'), ...tiff]))]);
    const r = stripImageMetadata(jpeg, 'image/jpeg');
    expect(r).toMatchObject({ ok: true, removed: ['camera', 'maker_notes'], orientation: 8 });
  });

  it('keeps the colour profile and Adobe segment, drops a JFIF thumbnail, vendor segments and what follows the image', () => {
    const jfif = Uint8Array.from([...ascii('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 2, 1, 9, 9, 9, 9, 9, 9]);
    const icc = Uint8Array.from([...ascii('ICC_PROFILE\0'), 1, 1, 7, 7]);
    const adobe = Uint8Array.from([...ascii('Adobe'), 0, 100, 0, 0, 0, 0, 1]);
    const jpeg = jpegWith([
      app(0xe0, jfif),
      app(0xe2, icc),
      app(0xee, adobe),
      app(0xe5, ascii('vendor data with a serial number')),
      app(0xe2, ascii('MPF\0preview index')),
      app(0xfe, ascii('a comment')),
    ]);
    const trailing = Uint8Array.from([...jpeg, ...ascii('appended preview image')]);
    const r = stripImageMetadata(trailing, 'image/jpeg');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.removed).toEqual(['thumbnail', 'comment', 'other']);
    const expected = jpegWith([
      app(0xe0, Uint8Array.from([...jfif.subarray(0, 12), 0, 0])),
      app(0xe2, icc),
      app(0xee, adobe),
    ]);
    expect([...r.bytes]).toEqual([...expected]);
  });

  it('refuses damaged containers and never throws, whatever the bytes', () => {
    const seeds = [
      jpegWith([app(0xe1, Uint8Array.from([...ascii('Exif\0\0'), ...tiffWithMakerNote(6)]))]),
    ];
    if (!skip) {
      const photos = makeTaggedPhotos(3, 16, 12);
      made.push(photos);
      for (const f of FORMATS) seeds.push(new Uint8Array(readFileSync(photos.tagged(f))));
    }
    const mimes = ['image/jpeg', 'image/png', 'image/webp'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds.keys()),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.nat(),
        fc.constantFrom(...mimes),
        (seed, flips, cut, mime) => {
          const bytes = seeds[seed]!.slice(0, Math.max(1, seeds[seed]!.length - (cut % 64)));
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          const r = stripImageMetadata(bytes, mime);
          if (!r.ok) return;
          // Whatever survives holds no metadata: a second pass finds nothing to remove.
          const again = stripImageMetadata(r.bytes, mime);
          expect(again.ok).toBe(true);
          if (again.ok) {
            expect(again.removed).toEqual([]);
            expect(again.bytes).toEqual(r.bytes);
          }
        },
      ),
      { numRuns: 1500 },
    );
    expect(stripImageMetadata(new Uint8Array(0), 'image/jpeg')).toEqual({ ok: false });
    expect(stripImageMetadata(ascii('RIFF\xff\xff\xff\xffWEBP'), 'image/webp')).toEqual({
      ok: false,
    });
  });

  // A hang guard, not a speed test: linear passes finish far inside the timeout even on a
  // loaded machine; a quadratic scan would not finish at all. Speed belongs to benchmarks.
  it('goes through 15 MB of hostile bytes without getting stuck', { timeout: 120_000 }, () => {
    const big = new Uint8Array(15 * 1024 * 1024).fill(0xff);
    big.set([0xff, 0xd8, 0xff, 0xda, 0, 2]);
    stripImageMetadata(big, 'image/jpeg');
    const segments = new Uint8Array(15 * 1024 * 1024);
    segments.set([0xff, 0xd8]);
    for (let i = 2; i + 4 < segments.length; i += 4) segments.set([0xff, 0xfe, 0, 2], i);
    expect(stripImageMetadata(segments, 'image/jpeg')).toEqual({ ok: false });
  });
});
