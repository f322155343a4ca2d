import { describe, expect, it } from 'vitest';
import { passphraseStrength } from '../../../../../renderer/features/reports/passphrase-strength.ts';
import {
  certificatePayload,
  hasPdfHeader,
  safeFileName,
} from '../../../../../renderer/features/reports/files.ts';
import { formatFingerprint, validityAt } from '../../../../../renderer/features/reports/format.ts';
import { MAX_PDF_BYTES, readPdfInput } from '../../../../../renderer/features/reports/pdf-input.ts';
import { base64ToBytes } from '../../../../../shared/encoding/base64.ts';

const enc = new TextEncoder();

describe('passphrase strength hint', () => {
  it.each([
    ['', 'empty'],
    ['abc', 'too-short'],
    ['1234567', 'too-short'],
    ['12345678', 'weak'],
    ['password1', 'weak'],
    ['aaaaaaaaaaaa', 'weak'],
    ['abcdefghij', 'weak'],
    ['qwertyuiop', 'weak'],
    ['Tr0ub4dor&3', 'fair'],
    ['correct horse battery staple', 'strong'],
    ['机房检查口令很长很长', 'strong'],
  ] as const)('%j is %s', (input, expected) => {
    expect(passphraseStrength(input)).toBe(expected);
  });
});

describe('certificate files', () => {
  it('sends PEM text as it is and DER as base64', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    expect(certificatePayload(enc.encode(pem))).toBe(pem);
    const der = new Uint8Array([0x30, 0x82, 0x01, 0x0a, 0xff, 0x00]);
    expect(base64ToBytes(certificatePayload(der)!)).toEqual(der);
    expect(certificatePayload(new Uint8Array())).toBeNull();
  });
});

describe('file names and display', () => {
  it('keeps letters of any script and drops path and shell characters', () => {
    expect(safeFileName('../../etc/passwd', 'x')).toBe('etc-passwd');
    expect(safeFileName('王芳 (保密办)', 'x')).toBe('王芳-保密办');
    expect(safeFileName('///', 'fallback')).toBe('fallback');
    expect(safeFileName('a'.repeat(200), 'x')).toHaveLength(80);
  });
  it('shows fingerprints as colon-separated upper-case pairs', () => {
    expect(formatFingerprint('ab01cd')).toBe('AB:01:CD');
  });
  it('tells expired and not-yet-valid certificates apart', () => {
    const cert = { notBefore: '2026-01-01T00:00:00Z', notAfter: '2027-01-01T00:00:00Z' };
    expect(validityAt(cert, new Date('2026-06-01'))).toBe('valid');
    expect(validityAt(cert, new Date('2027-06-01'))).toBe('expired');
    expect(validityAt(cert, new Date('2025-06-01'))).toBe('not-yet');
  });
});

describe('a PDF picked for verification or countersigning', () => {
  it('is refused when empty, too large (without reading it) or not a PDF', async () => {
    expect(await readPdfInput(new Blob([]))).toEqual({ ok: false, problem: 'empty', size: 0 });
    // A Blob that only claims a size: reading it would fail the test.
    const huge = {
      size: MAX_PDF_BYTES + 1,
      arrayBuffer: () => Promise.reject(new Error('read')),
    } as unknown as Blob;
    expect(await readPdfInput(huge)).toEqual({
      ok: false,
      problem: 'tooLarge',
      size: MAX_PDF_BYTES + 1,
    });
    expect(await readPdfInput(new Blob(['GIF89a not a pdf']))).toMatchObject({
      ok: false,
      problem: 'notPdf',
    });
  });
  it('is passed on as base64 when it starts like a PDF', async () => {
    const bytes = enc.encode('%PDF-1.7\n%%EOF\n');
    const input = await readPdfInput(new Blob([bytes as BlobPart]));
    expect(input.ok).toBe(true);
    if (input.ok) expect(base64ToBytes(input.base64)).toEqual(bytes);
    expect(hasPdfHeader(enc.encode('junk'.repeat(300) + '%PDF-'))).toBe(false);
  });
});
