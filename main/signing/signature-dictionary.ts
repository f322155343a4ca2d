import { createHash } from 'node:crypto';
import { indexOfBytes } from '../pdf/pdf-file.ts';
import { pdfName, pdfText, serialize } from '../pdf/pdf-syntax.ts';
import { createCmsSignature, SigningError, type SignerMaterial } from './cms-signer.ts';

// The signature dictionary with its two placeholders, and the step that fills them. The
// ByteRange is written as a fixed-width placeholder and /Contents as zeros so the file's length
// and offsets do not move when the real values are written in.

export const SUBFILTER_PADES = 'ETSI.CAdES.detached';
/** Room for the CMS (bytes) in /Contents: RSA-4096 with a three-certificate chain fits twice. */
export const SIGNATURE_SPACE = 16_384;
const BYTE_RANGE_PLACEHOLDER = '[0 /********** /********** /**********]';

export type SignatureInfo = {
  /** The signer's name as shown by viewers (/Name). */
  name: string;
  reason: string;
  location: string;
  contactInfo: string;
  signingTime: Date;
};

/** D:YYYYMMDDHHmmSSZ, the PDF date form of a UTC instant. */
export function pdfDate(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `D:${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

/** The dictionary's text, /ByteRange immediately followed by /Contents so both can be found. */
export function signatureDictionaryText(info: SignatureInfo, space = SIGNATURE_SPACE): string {
  const entries = [
    `/Type ${serialize(pdfName('Sig'))}`,
    `/Filter ${serialize(pdfName('Adobe.PPKLite'))}`,
    `/SubFilter ${serialize(pdfName(SUBFILTER_PADES))}`,
    `/ByteRange ${BYTE_RANGE_PLACEHOLDER}`,
    `/Contents <${'0'.repeat(space * 2)}>`,
    `/M ${serialize(pdfText(pdfDate(info.signingTime)))}`,
    `/Name ${serialize(pdfText(info.name))}`,
    `/Reason ${serialize(pdfText(info.reason))}`,
    `/Location ${serialize(pdfText(info.location))}`,
    `/ContactInfo ${serialize(pdfText(info.contactInfo))}`,
    `/Prop_Build <</App <</Name /Roomcheck>> /Filter <</Name /Adobe.PPKLite>>>>`,
  ];
  return `<<${entries.join('\n')}>>`;
}

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/**
 * Finds the one unfilled signature at or after `searchFrom`, writes its ByteRange, signs the
 * covered bytes and writes the CMS into /Contents. Returns a new array; the input is untouched.
 */
export function fillSignature(
  bytes: Uint8Array,
  signer: SignerMaterial,
  searchFrom = 0,
): Uint8Array {
  const marker = ascii(`/ByteRange ${BYTE_RANGE_PLACEHOLDER}`);
  const at = indexOfBytes(bytes, marker, searchFrom);
  if (at < 0) throw new SigningError('The document has no signature placeholder.');
  if (indexOfBytes(bytes, marker, at + 1) >= 0) {
    throw new SigningError('The document has more than one signature placeholder.');
  }
  const rangeStart = at + '/ByteRange '.length;
  const rangeEnd = rangeStart + BYTE_RANGE_PLACEHOLDER.length;
  const contentsKey = ascii('/Contents <');
  const keyAt = indexOfBytes(bytes, contentsKey, rangeEnd, rangeEnd + 4 + contentsKey.length);
  if (keyAt < 0)
    throw new SigningError('The signature placeholder has no /Contents after its /ByteRange.');
  const contentsStart = keyAt + contentsKey.length - 1; // at '<'
  let contentsEnd = contentsStart + 1;
  while (contentsEnd < bytes.length && bytes[contentsEnd] === 0x30) contentsEnd++;
  if (bytes[contentsEnd] !== 0x3e) throw new SigningError('The /Contents placeholder is damaged.');
  contentsEnd++; // past '>'

  const out = bytes.slice();
  const range = `[0 ${contentsStart} ${contentsEnd} ${out.length - contentsEnd}`;
  if (range.length + 1 > BYTE_RANGE_PLACEHOLDER.length) {
    throw new SigningError('The document is too large for the ByteRange placeholder.');
  }
  out.set(
    ascii(`${range}${' '.repeat(BYTE_RANGE_PLACEHOLDER.length - range.length - 1)}]`),
    rangeStart,
  );

  const digest = createHash('sha256')
    .update(out.subarray(0, contentsStart))
    .update(out.subarray(contentsEnd))
    .digest();
  const cms = createCmsSignature(digest, signer);
  const hex = Buffer.from(cms).toString('hex');
  const room = contentsEnd - contentsStart - 2;
  if (hex.length > room) {
    throw new SigningError(
      `The signature (${cms.length} bytes) does not fit the space reserved for it.`,
    );
  }
  out.set(ascii(hex), contentsStart + 1);
  return out;
}
