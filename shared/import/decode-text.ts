import { importError } from './messages.ts';

// Spreadsheet text arrives in whatever encoding the exporting program chose: Excel's "CSV UTF-8"
// writes a BOM, its "Unicode text" writes UTF-16LE with a BOM, and a Chinese Excel's plain "CSV"
// writes GBK (a subset of GB18030) with no marker at all. Order matters: a BOM is proof; valid
// UTF-8 is near-proof (GBK text of any length is almost never valid UTF-8); GB18030 is the
// fallback, tried strictly so bytes that are not GB18030 either are refused, not mangled.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type DecodedText = {
  text: string;
  encoding: TextEncodingName;
  /** Whether the bytes began with a byte-order mark (not part of `text`). */
  bom: boolean;
};

const ENCODING_NAMES: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030',
};

/** "UTF-8 with BOM", "GB18030": how the encoding is named to a person. */
export function describeEncoding(decoded: Pick<DecodedText, 'encoding' | 'bom'>): string {
  const name = ENCODING_NAMES[decoded.encoding];
  return decoded.bom && decoded.encoding === 'utf-8' ? `${name} with BOM` : name;
}

function strictDecode(encoding: TextEncodingName, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: the BOM was already sliced off; a second one would be content.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes spreadsheet text, reporting the encoding used; throws ImportError when none fits. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strictDecode('utf-8', bytes.subarray(3));
    if (text === null) throw importError('undecodable_text', {});
    return { text, encoding: 'utf-8', bom: true };
  }
  for (const [encoding, b0, b1] of [
    ['utf-16le', 0xff, 0xfe],
    ['utf-16be', 0xfe, 0xff],
  ] as const) {
    if (bytes.length >= 2 && bytes[0] === b0 && bytes[1] === b1) {
      const text = strictDecode(encoding, bytes.subarray(2));
      if (text === null) throw importError('bad_utf16', { encoding: ENCODING_NAMES[encoding] });
      return { text, encoding, bom: true };
    }
  }
  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', bom: false };
  const gb = strictDecode('gb18030', bytes);
  if (gb !== null) return { text: gb, encoding: 'gb18030', bom: false };
  throw importError('undecodable_text', {});
}

/**
 * Whether decoded text is really binary data that happened to decode (GB18030 accepts most
 * byte pairs). Text files hold no NUL and almost no other C0 control characters.
 */
export function looksBinary(text: string): boolean {
  const end = Math.min(text.length, 65_536);
  let controls = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    // Tab, LF, VT, FF, CR are ordinary in text exports.
    if ((c < 0x20 && (c < 0x09 || c > 0x0d)) || c === 0x7f) controls++;
  }
  return controls > end / 200;
}
