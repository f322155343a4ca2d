import { createHash, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { certificateParts, concatBytes, oid, TAG, tlv } from './der.ts';

// The CMS SignedData of a PAdES baseline B-B signature (ETSI EN 319 142-1, RFC 5652, RFC 5035):
// detached, SHA-256, signed attributes content-type + message-digest + signing-certificate-v2.
// The claimed signing time goes in the signature dictionary's /M, not in a signing-time
// attribute, as PAdES requires. One signer for RSA (PKCS#1 v1.5) and EC P-256/P-384 keys:
// node:crypto signs with either key type, and the structure is written with a minimal DER
// writer so the certificates and the issuer name are copied byte for byte.

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  sha384WithRSA: '1.2.840.113549.1.1.12',
  sha512WithRSA: '1.2.840.113549.1.1.13',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',
} as const;

export type SignerMaterial = {
  privateKey: KeyObject;
  /** The signer's certificate, DER. */
  certificate: Uint8Array;
  /** Issuing CA certificates (DER), nearest first; may be empty. */
  chain: Uint8Array[];
};

export class SigningError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningError';
  }
}

export function signatureAlgorithmFor(key: KeyObject): Uint8Array {
  if (key.asymmetricKeyType === 'rsa')
    return tlv(TAG.SEQUENCE, oid(OID.sha256WithRSA), tlv(TAG.NULL));
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve !== 'prime256v1' && curve !== 'secp384r1') {
      throw new SigningError(
        `EC keys on curve ${curve ?? 'unknown'} are not supported; use P-256 or P-384.`,
      );
    }
    return tlv(TAG.SEQUENCE, oid(OID.ecdsaWithSha256));
  }
  throw new SigningError(
    `Keys of type ${key.asymmetricKeyType ?? 'unknown'} cannot sign reports; use an RSA or EC P-256 key.`,
  );
}

function attribute(type: string, value: Uint8Array): Uint8Array {
  return tlv(TAG.SEQUENCE, oid(type), tlv(TAG.SET, value));
}

/** ESS signing-certificate-v2 (RFC 5035) naming the signer's certificate by SHA-256 and issuer/serial. */
export function signingCertificateV2(certificateDer: Uint8Array): Uint8Array {
  const parts = certificateParts(certificateDer);
  const certHash = createHash('sha256').update(certificateDer).digest();
  // hashAlgorithm is omitted: its DEFAULT is SHA-256, and DER forbids encoding a default.
  const issuerSerial = tlv(
    TAG.SEQUENCE,
    tlv(TAG.SEQUENCE, tlv(TAG.CONTEXT_4, parts.issuerTlv)),
    parts.serialTlv,
  );
  const essCertIdV2 = tlv(TAG.SEQUENCE, tlv(TAG.OCTET_STRING, certHash), issuerSerial);
  return tlv(TAG.SEQUENCE, tlv(TAG.SEQUENCE, essCertIdV2));
}

const compareBytes = (a: Uint8Array, b: Uint8Array): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
};

/**
 * Signs a SHA-256 digest of the PDF's byte ranges and returns the DER ContentInfo to place in
 * the signature's /Contents.
 */
export function createCmsSignature(digest: Uint8Array, signer: SignerMaterial): Uint8Array {
  if (digest.length !== 32) throw new SigningError('The document digest must be SHA-256.');
  const sigAlg = signatureAlgorithmFor(signer.privateKey);
  const cert = certificateParts(signer.certificate);

  // DER orders a SET OF by the encodings of its elements.
  const attrs = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, tlv(TAG.OCTET_STRING, digest)),
    attribute(OID.signingCertificateV2, signingCertificateV2(signer.certificate)),
  ].sort(compareBytes);
  const signedAttrsSet = tlv(TAG.SET, ...attrs);
  const signature = cryptoSign('sha256', signedAttrsSet, signer.privateKey);

  const digestAlg = tlv(TAG.SEQUENCE, oid(OID.sha256));
  const signerInfo = tlv(
    TAG.SEQUENCE,
    tlv(TAG.INTEGER, Uint8Array.of(1)),
    tlv(TAG.SEQUENCE, cert.issuerTlv, cert.serialTlv),
    digestAlg,
    // [0] IMPLICIT SET OF Attribute: same content, context tag.
    concatBytes([Uint8Array.of(0xa0), signedAttrsSet.subarray(1)]),
    sigAlg,
    tlv(TAG.OCTET_STRING, signature),
  );
  const certificates = tlv(0xa0, signer.certificate, ...signer.chain);
  const signedData = tlv(
    TAG.SEQUENCE,
    tlv(TAG.INTEGER, Uint8Array.of(1)),
    tlv(TAG.SET, digestAlg),
    tlv(TAG.SEQUENCE, oid(OID.data)),
    certificates,
    tlv(TAG.SET, signerInfo),
  );
  return tlv(TAG.SEQUENCE, oid(OID.signedData), tlv(0xa0, signedData));
}
