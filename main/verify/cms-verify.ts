import { createHash, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from '../signing/cms-signer.ts';
import { bytesEqual, certificateParts } from '../signing/der.ts';

// Checks the CMS SignedData in a signature's /Contents against the bytes the ByteRange names:
// one signer, detached content, a strong digest, the signed attributes a PAdES signature must
// carry, the message digest, the signature value over the signed attributes (their exact bytes
// as received, re-tagged as a SET), and the signing-certificate-v2 binding to the certificate.
// It says nothing about trust; chain.ts does that.

export type CmsCheck =
  | {
      ok: true;
      signerCertificate: Uint8Array;
      certificates: Uint8Array[];
      digestAlgorithm: string;
      /** The signing-time signed attribute, when present (PAdES puts the time in /M instead). */
      signingTime: Date | null;
    }
  | {
      ok: false;
      code: 'bad_cms' | 'digest_mismatch' | 'bad_signature' | 'signing_certificate' | 'unsupported';
      reason: string;
      signerCertificate: Uint8Array | null;
      certificates: Uint8Array[];
    };

const HASHES: Record<string, string> = {
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};
const SIGNATURE_HASHES: Record<string, { hash: string | null; key: 'rsa' | 'ec' }> = {
  [OID.rsaEncryption]: { hash: null, key: 'rsa' },
  [OID.sha256WithRSA]: { hash: 'sha256', key: 'rsa' },
  [OID.sha384WithRSA]: { hash: 'sha384', key: 'rsa' },
  [OID.sha512WithRSA]: { hash: 'sha512', key: 'rsa' },
  [OID.ecdsaWithSha256]: { hash: 'sha256', key: 'ec' },
  [OID.ecdsaWithSha384]: { hash: 'sha384', key: 'ec' },
  [OID.ecdsaWithSha512]: { hash: 'sha512', key: 'ec' },
};

class CmsProblem extends Error {
  constructor(
    readonly code: Extract<CmsCheck, { ok: false }>['code'],
    message: string,
  ) {
    super(message);
  }
}

const raw = (b: asn1js.AsnType): Uint8Array => new Uint8Array(b.valueBeforeDecodeView);
const isContext = (b: asn1js.AsnType | undefined, n: number): boolean =>
  b !== undefined && b.idBlock.tagClass === 3 && b.idBlock.tagNumber === n;

/** Trims the zero padding after the DER value in a signature's /Contents. */
export function derLength(bytes: Uint8Array): number {
  if (bytes[0] !== 0x30)
    throw new CmsProblem('bad_cms', 'The signature value is not a DER structure.');
  const first = bytes[1];
  if (first === undefined) throw new CmsProblem('bad_cms', 'The signature value is empty.');
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  if (n < 1 || n > 4) throw new CmsProblem('bad_cms', 'The signature value has a bad length.');
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (bytes[2 + i] ?? 0);
  const total = 2 + n + len;
  if (total > bytes.length) throw new CmsProblem('bad_cms', 'The signature value is truncated.');
  return total;
}

function singleAttribute(attrs: pkijs.Attribute[], type: string): pkijs.Attribute | undefined {
  const found = attrs.filter((a) => a.type === type);
  if (found.length > 1)
    throw new CmsProblem('bad_cms', `A signed attribute (${type}) appears twice.`);
  const attr = found[0];
  if (attr && attr.values.length !== 1) {
    throw new CmsProblem('bad_cms', `A signed attribute (${type}) must have exactly one value.`);
  }
  return attr;
}

function subjectKeyId(certDer: Uint8Array): Uint8Array | null {
  try {
    const cert = pkijs.Certificate.fromBER(new Uint8Array(certDer));
    const ext = cert.extensions?.find((e) => e.extnID === '2.5.29.14');
    const v = ext?.parsedValue as asn1js.OctetString | undefined;
    return v ? new Uint8Array(v.valueBlock.valueHexView) : null;
  } catch {
    return null;
  }
}

/** Checks ESS signing-certificate-v2 (RFC 5035) names exactly this certificate. */
function checkSigningCertificateV2(value: asn1js.AsnType, certDer: Uint8Array): void {
  const bad = (why: string) =>
    new CmsProblem('signing_certificate', `The signing-certificate-v2 attribute ${why}.`);
  if (!(value instanceof asn1js.Sequence)) throw bad('is malformed');
  const certs = value.valueBlock.value[0];
  if (!(certs instanceof asn1js.Sequence)) throw bad('is malformed');
  const first = certs.valueBlock.value[0];
  if (!(first instanceof asn1js.Sequence)) throw bad('lists no certificate');
  const fields = first.valueBlock.value;
  let i = 0;
  let hash = 'sha256';
  if (fields[0] instanceof asn1js.Sequence) {
    const alg = fields[0].valueBlock.value[0];
    const name =
      alg instanceof asn1js.ObjectIdentifier ? HASHES[alg.valueBlock.toString()] : undefined;
    if (!name) throw bad('uses an unsupported hash');
    hash = name;
    i = 1;
  }
  const certHash = fields[i];
  if (!(certHash instanceof asn1js.OctetString)) throw bad('has no certificate hash');
  const expected = createHash(hash).update(certDer).digest();
  if (!bytesEqual(new Uint8Array(certHash.valueBlock.valueHexView), new Uint8Array(expected))) {
    throw bad('names a different certificate than the one that signed');
  }
  const issuerSerial = fields[i + 1];
  if (issuerSerial !== undefined) {
    if (!(issuerSerial instanceof asn1js.Sequence)) throw bad('has a malformed issuer/serial');
    const [names, serial] = issuerSerial.valueBlock.value;
    const parts = certificateParts(certDer);
    if (!(serial instanceof asn1js.Integer) || !bytesEqual(raw(serial), parts.serialTlv)) {
      throw bad("names a different serial number than the signer's certificate");
    }
    const dirName = names instanceof asn1js.Sequence ? names.valueBlock.value[0] : undefined;
    const inner =
      dirName && isContext(dirName, 4)
        ? (dirName as asn1js.Constructed).valueBlock.value[0]
        : undefined;
    if (!inner || !bytesEqual(raw(inner), parts.issuerTlv)) {
      throw bad("names a different issuer than the signer's certificate");
    }
  }
}

/** Verifies one signature's CMS against the signed bytes. Never throws. */
export function checkCms(
  cmsBytes: Uint8Array,
  signedParts: readonly Uint8Array[],
  subFilter: string | null,
): CmsCheck {
  let certificates: Uint8Array[] = [];
  let signerCertificate: Uint8Array | null = null;
  try {
    const derEnd = derLength(cmsBytes);
    if (cmsBytes.subarray(derEnd).some((b) => b !== 0)) {
      throw new CmsProblem('bad_cms', 'The signature value has data after its end.');
    }
    const der = cmsBytes.subarray(0, derEnd);
    const parsed = asn1js.fromBER(der);
    if (parsed.offset === -1)
      throw new CmsProblem('bad_cms', 'The signature value is not valid DER.');
    let signedData: pkijs.SignedData;
    let content: asn1js.AsnType;
    try {
      const ci = new pkijs.ContentInfo({ schema: parsed.result });
      if (ci.contentType !== OID.signedData) throw new Error('not SignedData');
      content = ci.content as asn1js.AsnType;
      signedData = new pkijs.SignedData({ schema: content });
    } catch {
      throw new CmsProblem('bad_cms', 'The signature value is not a CMS SignedData structure.');
    }
    const sdFields = (content as asn1js.Sequence).valueBlock.value;
    const certSet = sdFields.find((b) => isContext(b, 0)) as asn1js.Constructed | undefined;
    certificates = (certSet?.valueBlock.value ?? [])
      .filter((b) => b instanceof asn1js.Sequence)
      .map(raw);

    if (signedData.signerInfos.length !== 1) {
      throw new CmsProblem(
        'bad_cms',
        `The signature has ${signedData.signerInfos.length} signers; exactly one is expected.`,
      );
    }
    if (signedData.encapContentInfo.eContent) {
      throw new CmsProblem('bad_cms', 'The signature is not detached: it carries its own content.');
    }
    const si = signedData.signerInfos[0]!;
    const siRaw = (sdFields[sdFields.length - 1] as asn1js.Set).valueBlock
      .value[0] as asn1js.Sequence;

    // Which certificate signed: issuer+serial, or subject key identifier.
    if (si.sid instanceof pkijs.IssuerAndSerialNumber) {
      const sidRaw = siRaw.valueBlock.value[1] as asn1js.Sequence;
      const [issuerRaw, serialRaw] = sidRaw.valueBlock.value;
      signerCertificate =
        certificates.find((c) => {
          try {
            const p = certificateParts(c);
            return (
              !!issuerRaw &&
              !!serialRaw &&
              bytesEqual(p.issuerTlv, raw(issuerRaw)) &&
              bytesEqual(p.serialTlv, raw(serialRaw))
            );
          } catch {
            return false;
          }
        }) ?? null;
    } else {
      const ski = new Uint8Array(
        (si.sid as asn1js.Constructed).valueBlock.valueBeforeDecodeView,
      ).subarray(2);
      signerCertificate =
        certificates.find((c) => {
          const k = subjectKeyId(c);
          return k !== null && bytesEqual(k, ski);
        }) ?? null;
    }
    if (!signerCertificate)
      throw new CmsProblem('bad_cms', "The signer's certificate is not in the signature.");

    const hash = HASHES[si.digestAlgorithm.algorithmId];
    if (!hash) {
      throw new CmsProblem(
        'unsupported',
        `The signature uses digest algorithm ${si.digestAlgorithm.algorithmId}, which is weak or unsupported.`,
      );
    }
    const attrs = si.signedAttrs?.attributes;
    if (!attrs?.length) throw new CmsProblem('bad_cms', 'The signature has no signed attributes.');

    const contentType = singleAttribute(attrs, OID.contentType);
    if (!contentType || contentType.values[0]?.valueBlock?.toString() !== OID.data) {
      throw new CmsProblem('bad_cms', 'The content-type attribute is missing or not "data".');
    }
    const md = singleAttribute(attrs, OID.messageDigest);
    const mdValue = md?.values[0];
    if (!(mdValue instanceof asn1js.OctetString))
      throw new CmsProblem('bad_cms', 'The message-digest attribute is missing.');
    const h = createHash(hash);
    for (const part of signedParts) h.update(part);
    if (!bytesEqual(new Uint8Array(mdValue.valueBlock.valueHexView), new Uint8Array(h.digest()))) {
      throw new CmsProblem(
        'digest_mismatch',
        'The signed bytes were changed after signing (digest mismatch).',
      );
    }

    // The signature is over the DER of the signed attributes as a SET, exactly as received.
    const attrsRaw = siRaw.valueBlock.value.find((b) => isContext(b, 0));
    if (!attrsRaw) throw new CmsProblem('bad_cms', 'The signature has no signed attributes.');
    const toVerify = raw(attrsRaw).slice();
    toVerify[0] = 0x31;
    const alg = SIGNATURE_HASHES[si.signatureAlgorithm.algorithmId];
    if (!alg) {
      throw new CmsProblem(
        'unsupported',
        `The signature algorithm ${si.signatureAlgorithm.algorithmId} is not supported.`,
      );
    }
    const cert = new X509Certificate(signerCertificate);
    const key = cert.publicKey;
    if (key.asymmetricKeyType !== alg.key) {
      throw new CmsProblem(
        'bad_signature',
        "The signature algorithm does not match the signer's key.",
      );
    }
    const ok = cryptoVerify(
      alg.hash ?? hash,
      toVerify,
      key,
      new Uint8Array(si.signature.valueBlock.valueHexView),
    );
    if (!ok)
      throw new CmsProblem(
        'bad_signature',
        "The signature value does not verify with the signer's certificate.",
      );

    const essV2 = singleAttribute(attrs, OID.signingCertificateV2);
    if (essV2) checkSigningCertificateV2(essV2.values[0] as asn1js.AsnType, signerCertificate);
    else if (subFilter === 'ETSI.CAdES.detached') {
      throw new CmsProblem(
        'signing_certificate',
        'The PAdES signature lacks the signing-certificate-v2 attribute.',
      );
    }
    const st = singleAttribute(attrs, OID.signingTime)?.values[0];
    const signingTime =
      st instanceof asn1js.UTCTime || st instanceof asn1js.GeneralizedTime ? st.toDate() : null;
    return { ok: true, signerCertificate, certificates, digestAlgorithm: hash, signingTime };
  } catch (err) {
    if (err instanceof CmsProblem) {
      return { ok: false, code: err.code, reason: err.message, signerCertificate, certificates };
    }
    return {
      ok: false,
      code: 'bad_cms',
      reason: 'The signature value cannot be parsed.',
      signerCertificate,
      certificates,
    };
  }
}
