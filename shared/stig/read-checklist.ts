import type { DecodedText } from '../import/decode-text.ts';
import { formatSizeOverLimit, importError } from '../import/messages.ts';
import { readCkl } from './ckl-read.ts';
import { readCklb } from './cklb-read.ts';
import { CHECKLIST_LIMITS, type ChecklistFormat, type ReadChecklist } from './read-model.ts';

// The one entry point for a checklist file: its size is checked before anything else, its
// text decoded (UTF-8 with or without a BOM, as Evaluate-STIG writes it; UTF-16 with a BOM),
// and its format told by its content, never by its name: XML is a .ckl, a JSON object with
// a checklist's keys is a .cklb.

const SNIFF_CHARS = 64 * 1024;
const CKLB_KEY = /"(?:target_data|stigs|cklb_version)"\s*:/;

type Decoded = Pick<DecodedText, 'text' | 'bom'> & { encoding: 'utf-8' | 'utf-16le' | 'utf-16be' };

function decode(bytes: Uint8Array, fatal = true): Decoded {
  const read = (encoding: Decoded['encoding'], from: number): Decoded => {
    try {
      const text = new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(
        bytes.subarray(from),
      );
      return { text, encoding, bom: from > 0 };
    } catch {
      throw importError('checklist_encoding', {});
    }
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return read('utf-8', 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return read('utf-16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return read('utf-16be', 2);
  return read('utf-8', 0);
}

function formatOfText(head: string): ChecklistFormat | null {
  const start = head.trimStart();
  if (start.startsWith('<')) return 'ckl';
  if (start.startsWith('{') && CKLB_KEY.test(head)) return 'cklb';
  return null;
}

/**
 * Whether a file looks like a STIG checklist, and which kind, from its first bytes only: so a
 * caller can route it here rather than to the other importers. Cheap on any input.
 */
export function sniffChecklist(bytes: Uint8Array): ChecklistFormat | null {
  // Leniently: the cut may split a character, and the head is only looked at.
  const { text } = decode(bytes.subarray(0, SNIFF_CHARS * 2), false);
  return formatOfText(text.slice(0, SNIFF_CHARS));
}

/** A checklist file as read, with the text encoding it was written in. */
export type ChecklistFile = ReadChecklist & Pick<Decoded, 'encoding' | 'bom'>;

/**
 * Reads a .cklb or .ckl file. Throws ImportError with one sentence (in both languages) when it
 * is too large, not text, of neither format, or not a checklist that can be imported.
 */
export function readChecklistFile(bytes: Uint8Array): ChecklistFile {
  if (bytes.length > CHECKLIST_LIMITS.bytes) {
    throw importError('file_too_large', formatSizeOverLimit(bytes.length, CHECKLIST_LIMITS.bytes));
  }
  if (bytes.length === 0) throw importError('file_empty', {});
  const { text, encoding, bom } = decode(bytes);
  const format = formatOfText(text.slice(0, SNIFF_CHARS));
  if (format === null) throw importError('checklist_unknown_format', {});
  return { ...(format === 'ckl' ? readCkl(text) : readCklb(text)), encoding, bom };
}
