import { MAX_PDF_BYTES } from '../../../shared/bridge/signing-schemas.ts';
import { bytesToBase64 } from '../../../shared/encoding/base64.ts';
import { hasPdfHeader, readFileBytes } from './files.ts';

export type PdfInput =
  | { ok: true; base64: string; bytes: Uint8Array }
  | { ok: false; problem: 'empty' | 'tooLarge' | 'notPdf'; size: number };

/**
 * A PDF the user picked, checked before it crosses the bridge: the size first (without reading
 * a huge file into memory), then the header. The verifier in main judges everything else.
 */
export async function readPdfInput(file: Blob): Promise<PdfInput> {
  if (file.size === 0) return { ok: false, problem: 'empty', size: 0 };
  if (file.size > MAX_PDF_BYTES) return { ok: false, problem: 'tooLarge', size: file.size };
  const bytes = await readFileBytes(file);
  if (!hasPdfHeader(bytes)) return { ok: false, problem: 'notPdf', size: file.size };
  return { ok: true, base64: bytesToBase64(bytes), bytes };
}

export { MAX_PDF_BYTES };
