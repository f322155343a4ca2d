import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  EVIDENCE_MAX_BYTES,
  checkEvidenceFile,
  sniffImageType,
  toHex,
} from '../../../../shared/evidence/image-check.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe('sniffImageType', () => {
  it('recognises the real demo photo as JPEG', () => {
    const file = readFileSync('assets/demo/camera-label.jpg');
    expect(sniffImageType(new Uint8Array(file.subarray(0, 12)))).toBe('image/jpeg');
  });

  it('recognises PNG and WebP signatures', () => {
    expect(sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13))).toBe(
      'image/png',
    );
    const webp = new Uint8Array(12);
    webp.set(ascii('RIFF'), 0);
    webp.set(bytes(0x10, 0, 0, 0), 4);
    webp.set(ascii('WEBP'), 8);
    expect(sniffImageType(webp)).toBe('image/webp');
  });

  it('refuses look-alikes: a RIFF WAV, a PNG signature with mangled line ends, a text file, a Windows executable', () => {
    const wav = new Uint8Array(12);
    wav.set(ascii('RIFF'), 0);
    wav.set(ascii('WAVE'), 8);
    expect(sniffImageType(wav)).toBeNull();
    expect(
      sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0)),
    ).toBeNull();
    expect(sniffImageType(ascii('<svg xmlns="'))).toBeNull();
    expect(sniffImageType(ascii('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00'))).toBeNull();
    expect(sniffImageType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffImageType(new Uint8Array(0))).toBeNull();
  });

  it('never throws and only ever answers one of the three accepted types', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 16 }), (head) => {
        const type = sniffImageType(head);
        expect([null, 'image/jpeg', 'image/png', 'image/webp']).toContain(type);
      }),
    );
  });
});

describe('checkEvidenceFile', () => {
  const jpegHead = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1);
  it('accepts a JPEG up to the limit and names its type from the bytes', () => {
    expect(checkEvidenceFile(EVIDENCE_MAX_BYTES, jpegHead)).toEqual({
      ok: true,
      mimeType: 'image/jpeg',
    });
  });
  it('refuses an empty file, a file one byte over the limit, and bytes that are no image', () => {
    expect(checkEvidenceFile(0, jpegHead)).toEqual({ ok: false, reason: 'empty' });
    expect(checkEvidenceFile(EVIDENCE_MAX_BYTES + 1, jpegHead)).toEqual({
      ok: false,
      reason: 'too_large',
    });
    expect(checkEvidenceFile(100, ascii('%PDF-1.7\n%\xe2\xe3'))).toEqual({
      ok: false,
      reason: 'not_an_image',
    });
  });
});

describe('toHex', () => {
  it('writes two lower-case digits per byte', () => {
    expect(toHex(bytes(0, 1, 0xab, 0xff))).toBe('0001abff');
  });
});
