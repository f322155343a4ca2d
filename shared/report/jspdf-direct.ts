import { zlibSync } from 'fflate';
import { jsPDF } from 'jspdf';

// Shortcuts past jsPDF's slow paths: helpers for writing text operators straight into the
// content stream, and stream compression done in bulk. Only the report canvas uses them, on
// its own document.

/** Bytes as a JS string of char codes 0-255: jsPDF's representation of binary data. */
export function bytesToBinary(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) {
    parts.push(
      String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]),
    );
  }
  return parts.join('');
}

export function binaryToBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

type ProcessDataByFilters = (
  data: string,
  filters: string | string[] | undefined,
) => { data: string; reverseChain: string };

function isFlateOnly(filters: string | string[] | undefined): boolean {
  const chain = typeof filters === 'string' ? [filters] : (filters ?? []);
  return chain.length === 1 && (chain[0] === 'FlateEncode' || chain[0] === '/FlateEncode');
}

/** A PDF text string as UTF-16BE hex with a byte order mark: any language, any viewer. */
export function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) {
    hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  }
  return `<${hex}>`;
}

/**
 * A number with at most two decimals, as the shortest text (51.02, 0.5, 12). Built from
 * integers: a report writes a few million numbers, and converting a fraction to text through
 * V8's shortest-round-trip algorithm was a twentieth of its layout time.
 */
export function num(n: number): string {
  const v = Math.round(n * 100);
  if (v % 100 === 0) return String(v / 100 || 0);
  const a = v < 0 ? -v : v;
  const frac = a % 100;
  const decimals = frac % 10 === 0 ? String(frac / 10) : frac < 10 ? `0${frac}` : String(frac);
  return `${v < 0 ? '-' : ''}${Math.floor(a / 100)}.${decimals}`;
}

export function rgbOperands(r: number, g: number, b: number): string {
  return `${num(r / 255)} ${num(g / 255)} ${num(b / 255)}`;
}

/**
 * Runs `output` with jsPDF's Flate step replaced by a bulk one. jsPDF copies every stream byte
 * by byte and rebuilds the deflated result with a string reduce (a third of a 300-page
 * report's time); the replacement does the same deflate (fflate, which jsPDF itself uses).
 * The hook is global to jsPDF, so it is swapped only for this one synchronous call and put
 * back even if the output fails.
 */
/**
 * Deflate level of page streams: 1 compresses the report's text-operator streams nearly as
 * well as the default 6 at a fraction of the time (profiled: deflate was a sixth of the
 * 500-device layout's CPU time; see shared/report/README.md, Performance).
 */
const FLATE_LEVEL = 1;

export function withFastFlate<T>(output: () => T): T {
  const api = jsPDF.API as unknown as { processDataByFilters: ProcessDataByFilters };
  const original = api.processDataByFilters;
  api.processDataByFilters = (data, filters) =>
    isFlateOnly(filters)
      ? {
          data: bytesToBinary(zlibSync(binaryToBytes(data), { level: FLATE_LEVEL })),
          reverseChain: '/FlateDecode',
        }
      : original(data, filters);
  try {
    return output();
  } finally {
    api.processDataByFilters = original;
  }
}
