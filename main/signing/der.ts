import * as asn1js from 'asn1js';

// Just enough DER to splice exact bytes: the signing-certificate-v2 attribute must repeat the
// certificate's issuer name byte for byte, which re-encoding through a parser could change.

function encodeLength(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Uint8Array.from([0x80 | bytes.length, ...bytes]);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  const body = concatBytes(content);
  return concatBytes([Uint8Array.of(tag), encodeLength(body.length), body]);
}

export const TAG = {
  INTEGER: 0x02,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  SEQUENCE: 0x30,
  SET: 0x31,
  /** [4] constructed, context-specific: GeneralName's directoryName. */
  CONTEXT_4: 0xa4,
} as const;

export function oid(dotted: string): Uint8Array {
  const parts = dotted.split('.').map(Number);
  const [a, b, ...rest] = parts;
  const out: number[] = [a! * 40 + b!];
  for (const v of rest) {
    const chunk: number[] = [v & 0x7f];
    for (let x = Math.floor(v / 128); x > 0; x = Math.floor(x / 128))
      chunk.unshift((x & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(TAG.OID, Uint8Array.from(out));
}

/** Exact encodings of the parts of a certificate that CMS structures repeat. */
export type CertificateParts = {
  der: Uint8Array;
  /** The full INTEGER TLV of the serial number. */
  serialTlv: Uint8Array;
  /** The issuer Name exactly as encoded in the certificate. */
  issuerTlv: Uint8Array;
  subjectTlv: Uint8Array;
};

const view = (b: asn1js.AsnType): Uint8Array => new Uint8Array(b.valueBeforeDecodeView);

/** Splits a DER certificate into the raw fields we need; throws on anything malformed. */
export function certificateParts(der: Uint8Array): CertificateParts {
  const parsed = asn1js.fromBER(der);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) {
    throw new Error('The certificate is not valid DER.');
  }
  const tbs = parsed.result.valueBlock.value[0];
  if (!(tbs instanceof asn1js.Sequence)) throw new Error('The certificate has no TBSCertificate.');
  const fields = tbs.valueBlock.value;
  // [0] EXPLICIT version is optional (absent means v1).
  const first = fields[0];
  const i = first && first.idBlock.tagClass === 3 && first.idBlock.tagNumber === 0 ? 1 : 0;
  const serial = fields[i];
  const issuer = fields[i + 2];
  const subject = fields[i + 4];
  if (
    !(serial instanceof asn1js.Integer) ||
    !(issuer instanceof asn1js.Sequence) ||
    !(subject instanceof asn1js.Sequence)
  ) {
    throw new Error('The certificate fields are not where X.509 puts them.');
  }
  return { der, serialTlv: view(serial), issuerTlv: view(issuer), subjectTlv: view(subject) };
}

export const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);
