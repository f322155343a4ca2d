import {
  constants,
  createHash,
  createVerify,
  verify as cryptoVerify,
  type KeyObject,
} from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { VerdictCode } from '../../shared/verify/verdict.ts';
import { verifyMessage, type VerifyMessage } from '../../shared/verify/messages.ts';
import { bytesEqual } from '../signing/der.ts';
import { children, readTlv, toDer } from './ber.ts';
import { x509 } from './chain.ts';
import { OID } from './oids.ts';

// Checks a CMS SignedData (RFC 5652) as PDF signers write it, DER or BER with indefinite
// lengths (NSS, many signing products): one signer, identified by issuer and serial or by
// subject key identifier; with signed attributes (content-type, message-digest, the ESS
// signing-certificate attribute v1 or v2) or without (legal for adbe.pkcs7.detached: the
// signature is then over the content itself); RSA PKCS#1 v1.5 and PSS, ECDSA, Ed25519 and
// Ed448. The same code checks the TSA's signature inside an RFC 3161 timestamp token. It says
// nothing about trust; chain.ts does that.

export type CmsOutcome = {
  status: 'ok' | 'invalid' | 'indeterminate';
  code: VerdictCode;
  /** Why, when the status is not ok. */
  message: VerifyMessage | null;
  signerCertificate: Uint8Array | null;
  certificates: Uint8Array[];
  /** The signing-time signed attribute, when present (PAdES puts the time in /M instead). */
  signingTime: Date | null;
  /** The SignerInfo's signature value: what a signature timestamp must imprint. */
  signatureValue: Uint8Array | null;
  /** The signature-timestamp unsigned attribute (a ContentInfo), when present. */
  timestampToken: Uint8Array | null;
  /** Encapsulated content (a timestamp's TSTInfo, adbe.pkcs7.sha1's digest). */
  eContent: Uint8Array | null;
};

export type CmsCheckOptions = {
  /** The detached content's parts, or 'encapsulated' to check the SignedData's own content. */
  content: readonly Uint8Array[] | 'encapsulated';
  /** The content-type the signed attributes must name. */
  contentType: string;
  /** ETSI.CAdES.detached demands a signing-certificate attribute (PAdES baseline). */
  requireSigningCertificate: boolean;
};

class Stop extends Error {
  constructor(
    readonly status: 'invalid' | 'indeterminate',
    readonly code: VerdictCode,
    readonly detail: VerifyMessage,
  ) {
    super(detail.code);
  }
}
const invalid = (code: VerdictCode, m: VerifyMessage) => new Stop('invalid', code, m);
const indeterminate = (code: VerdictCode, m: VerifyMessage) => new Stop('indeterminate', code, m);

type Digest = { name: string; label: string; weak: boolean; outputLength?: number };
const DIGESTS: Record<string, Digest> = {
  [OID.md5]: { name: 'md5', label: 'MD5', weak: true },
  [OID.sha1]: { name: 'sha1', label: 'SHA-1', weak: true },
  [OID.sha224]: { name: 'sha224', label: 'SHA-224', weak: false },
  [OID.sha256]: { name: 'sha256', label: 'SHA-256', weak: false },
  [OID.sha384]: { name: 'sha384', label: 'SHA-384', weak: false },
  [OID.sha512]: { name: 'sha512', label: 'SHA-512', weak: false },
  [OID.sha3_256]: { name: 'sha3-256', label: 'SHA3-256', weak: false },
  [OID.sha3_384]: { name: 'sha3-384', label: 'SHA3-384', weak: false },
  [OID.sha3_512]: { name: 'sha3-512', label: 'SHA3-512', weak: false },
  [OID.shake256]: { name: 'shake256', label: 'SHAKE256', weak: false, outputLength: 64 },
  [OID.shake256Len]: { name: 'shake256', label: 'SHAKE256', weak: false, outputLength: 64 },
};

export function digestFor(oid: string): Digest | undefined {
  return DIGESTS[oid];
}

export function hashParts(d: Digest, parts: readonly Uint8Array[]): Uint8Array {
  const h = createHash(d.name, d.outputLength ? { outputLength: d.outputLength } : undefined);
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

type SigAlg =
  | { kind: 'rsa'; hash: string | null }
  | { kind: 'rsa-pss'; hash: string; saltLength: number }
  | { kind: 'ec'; hash: string | null }
  | { kind: 'ed25519' | 'ed448' };

const PLAIN_ALGS: Record<string, SigAlg> = {
  [OID.rsaEncryption]: { kind: 'rsa', hash: null },
  [OID.sha1WithRSA]: { kind: 'rsa', hash: 'sha1' },
  [OID.sha224WithRSA]: { kind: 'rsa', hash: 'sha224' },
  [OID.sha256WithRSA]: { kind: 'rsa', hash: 'sha256' },
  [OID.sha384WithRSA]: { kind: 'rsa', hash: 'sha384' },
  [OID.sha512WithRSA]: { kind: 'rsa', hash: 'sha512' },
  [OID.ecPublicKey]: { kind: 'ec', hash: null },
  [OID.ecdsaWithSha1]: { kind: 'ec', hash: 'sha1' },
  [OID.ecdsaWithSha224]: { kind: 'ec', hash: 'sha224' },
  [OID.ecdsaWithSha256]: { kind: 'ec', hash: 'sha256' },
  [OID.ecdsaWithSha384]: { kind: 'ec', hash: 'sha384' },
  [OID.ecdsaWithSha512]: { kind: 'ec', hash: 'sha512' },
  [OID.ed25519]: { kind: 'ed25519' },
  [OID.ed448]: { kind: 'ed448' },
};

function signatureAlgorithm(alg: pkijs.AlgorithmIdentifier): SigAlg {
  const plain = PLAIN_ALGS[alg.algorithmId];
  if (plain) return plain;
  if (alg.algorithmId === OID.rsassaPss) {
    let params: pkijs.RSASSAPSSParams;
    try {
      params = new pkijs.RSASSAPSSParams({ schema: alg.algorithmParams });
    } catch {
      throw invalid('bad_cms', verifyMessage('cms_unparseable'));
    }
    const hash = digestFor(params.hashAlgorithm.algorithmId);
    const mgfHash = (() => {
      try {
        return digestFor(
          new pkijs.AlgorithmIdentifier({ schema: params.maskGenAlgorithm.algorithmParams })
            .algorithmId,
        );
      } catch {
        return undefined;
      }
    })();
    if (!hash || hash.outputLength || !mgfHash || mgfHash.name !== hash.name)
      throw indeterminate(
        'unsupported',
        verifyMessage('signature_algorithm_unsupported', { algorithm: 'RSASSA-PSS' }),
      );
    return { kind: 'rsa-pss', hash: hash.name, saltLength: params.saltLength };
  }
  throw indeterminate(
    'unsupported',
    verifyMessage('signature_algorithm_unsupported', { algorithm: alg.algorithmId }),
  );
}

const KEY_KIND: Record<SigAlg['kind'], string> = {
  rsa: 'rsa',
  'rsa-pss': 'rsa',
  ec: 'ec',
  ed25519: 'ed25519',
  ed448: 'ed448',
};

/** RFC 8419: EdDSA signers digest with SHA-512 (Ed25519) or SHAKE256 (Ed448). */
const EDDSA_DIGEST: Partial<Record<SigAlg['kind'], string>> = {
  ed25519: 'sha512',
  ed448: 'shake256',
};

function verifySignatureValue(
  alg: SigAlg,
  digest: Digest,
  key: KeyObject,
  data: readonly Uint8Array[],
  signature: Uint8Array,
): boolean {
  const keyType = key.asymmetricKeyType === 'rsa-pss' ? 'rsa' : key.asymmetricKeyType;
  if (keyType !== KEY_KIND[alg.kind])
    throw invalid('bad_signature', verifyMessage('algorithm_key_mismatch'));
  try {
    if (alg.kind === 'ed25519' || alg.kind === 'ed448') {
      const joined = Buffer.concat(data.map((d) => Buffer.from(d.buffer, d.byteOffset, d.length)));
      return cryptoVerify(null, joined, key, signature);
    }
    const hash = alg.kind === 'rsa-pss' ? alg.hash : ('hash' in alg && alg.hash) || digest.name;
    const v = createVerify(hash);
    for (const d of data) v.update(d);
    if (alg.kind === 'rsa-pss')
      return v.verify(
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: alg.saltLength },
        signature,
      );
    return v.verify(key, signature);
  } catch {
    return false;
  }
}

const isContext = (b: asn1js.AsnType | undefined, n: number): boolean =>
  b !== undefined && b.idBlock.tagClass === 3 && b.idBlock.tagNumber === n;
const raw = (b: asn1js.AsnType): Uint8Array => new Uint8Array(b.valueBeforeDecodeView);

function octets(v: asn1js.AsnType | undefined): Uint8Array | null {
  if (!(v instanceof asn1js.OctetString)) return null;
  if (!v.idBlock.isConstructed) return new Uint8Array(v.valueBlock.valueHexView);
  // BER lets an OCTET STRING arrive in pieces.
  const parts = v.valueBlock.value.map((p) => octets(p) ?? new Uint8Array());
  return new Uint8Array(Buffer.concat(parts));
}

function single(attrs: readonly pkijs.Attribute[], type: string): pkijs.Attribute | undefined {
  const found = attrs.filter((a) => a.type === type);
  if (found.length > 1 || (found[0] && found[0].values.length !== 1))
    throw invalid('bad_cms', verifyMessage('cms_duplicate_attribute', { attribute: type }));
  return found[0];
}

function subjectKeyId(cert: pkijs.Certificate): Uint8Array | null {
  const ext = cert.extensions?.find((e) => e.extnID === OID.subjectKeyIdentifier);
  const v = ext?.parsedValue as asn1js.OctetString | undefined;
  return v?.valueBlock ? new Uint8Array(v.valueBlock.valueHexView) : null;
}

function findSigner(
  si: pkijs.SignerInfo,
  siRaw: asn1js.AsnType | undefined,
  certs: readonly Cert[],
): Uint8Array | null {
  if (si.sid instanceof pkijs.IssuerAndSerialNumber) {
    const sid = si.sid;
    // As encoded first (cheap and exact), then by meaning for signers that re-encoded the name.
    const sidParts = siRaw instanceof asn1js.Sequence ? siRaw.valueBlock.value[1] : undefined;
    const [issuerRaw, serialRaw] =
      sidParts instanceof asn1js.Sequence ? sidParts.valueBlock.value : [];
    const exact = certs.find((c) => {
      const p = issuerAndSerial(c.der);
      return (
        !!p &&
        !!issuerRaw &&
        !!serialRaw &&
        bytesEqual(p.issuer, raw(issuerRaw)) &&
        bytesEqual(p.serial, raw(serialRaw))
      );
    });
    if (exact) return exact.der;
    return (
      certs.find((c) => {
        const p = c.parsed();
        return (
          p !== null && p.serialNumber.isEqual(sid.serialNumber) && p.issuer.isEqual(sid.issuer)
        );
      })?.der ?? null
    );
  }
  const ski = new Uint8Array((si.sid as asn1js.Primitive).valueBlock?.valueHexView ?? []);
  return (
    certs.find((c) => {
      const p = c.parsed();
      const k = p ? subjectKeyId(p) : null;
      return k !== null && ski.length > 0 && bytesEqual(k, ski);
    })?.der ?? null
  );
}

/**
 * ESS signing-certificate (RFC 2634, SHA-1) or signing-certificate-v2 (RFC 5035): the first
 * ESSCertID must name exactly the signer's certificate, by hash and, when given, issuer/serial.
 */
function checkSigningCertificate(value: asn1js.AsnType, certDer: Uint8Array, v2: boolean): void {
  const bad = () => invalid('signing_certificate', verifyMessage('signing_certificate_malformed'));
  const wrong = () => invalid('signing_certificate', verifyMessage('signing_certificate_mismatch'));
  if (!(value instanceof asn1js.Sequence)) throw bad();
  const certs = value.valueBlock.value[0];
  if (!(certs instanceof asn1js.Sequence)) throw bad();
  const first = certs.valueBlock.value[0];
  if (!(first instanceof asn1js.Sequence)) throw bad();
  const fields = first.valueBlock.value;
  let i = 0;
  let digest = v2 ? digestFor(OID.sha256)! : digestFor(OID.sha1)!;
  if (v2 && fields[0] instanceof asn1js.Sequence) {
    const alg = fields[0].valueBlock.value[0];
    const d =
      alg instanceof asn1js.ObjectIdentifier ? digestFor(alg.valueBlock.toString()) : undefined;
    if (!d) throw bad();
    digest = d;
    i = 1;
  }
  const certHash = octets(fields[i]);
  if (!certHash) throw bad();
  if (!bytesEqual(certHash, hashParts(digest, [certDer]))) throw wrong();
  const issuerSerial = fields[i + 1];
  if (issuerSerial === undefined) return;
  if (!(issuerSerial instanceof asn1js.Sequence)) throw bad();
  const [names, serial] = issuerSerial.valueBlock.value;
  const parts = issuerAndSerial(certDer);
  if (!parts || !(serial instanceof asn1js.Integer) || !bytesEqual(raw(serial), parts.serial))
    throw wrong();
  const dirName = names instanceof asn1js.Sequence ? names.valueBlock.value[0] : undefined;
  const inner =
    dirName && isContext(dirName, 4)
      ? (dirName as asn1js.Constructed).valueBlock.value[0]
      : undefined;
  if (!inner || !bytesEqual(toDer(raw(inner)), toDer(parts.issuer))) throw wrong();
}

type Cert = { der: Uint8Array; parsed(): pkijs.Certificate | null };
type Parsed = { sd: pkijs.SignedData; certs: Cert[]; signerInfoRaw: asn1js.AsnType | undefined };

function lazyCert(der: Uint8Array): Cert {
  let parsed: pkijs.Certificate | null | undefined;
  return {
    der,
    parsed: () => {
      if (parsed === undefined) {
        try {
          parsed = pkijs.Certificate.fromBER(der.slice());
        } catch {
          parsed = null;
        }
      }
      return parsed;
    },
  };
}

/** A certificate's serial number and issuer name, exactly as encoded (no parser involved). */
function issuerAndSerial(der: Uint8Array): { serial: Uint8Array; issuer: Uint8Array } | null {
  try {
    const tbs = children(der, readTlv(der, 0))[0];
    if (!tbs) return null;
    const fields = children(der, tbs);
    const i = fields[0]?.tag[0] === 0xa0 ? 1 : 0;
    const serial = fields[i];
    const issuer = fields[i + 2];
    if (!serial || !issuer) return null;
    return {
      serial: der.subarray(serial.start, serial.end),
      issuer: der.subarray(issuer.start, issuer.end),
    };
  } catch {
    return null;
  }
}

function parse(cmsBytes: Uint8Array): Parsed {
  if (cmsBytes.every((b) => b === 0)) throw invalid('bad_cms', verifyMessage('cms_empty'));
  const asn = asn1js.fromBER(cmsBytes);
  if (asn.offset === -1) throw invalid('bad_cms', verifyMessage('cms_unparseable'));
  // What follows the value in /Contents must be the zero padding a signer leaves, nothing else.
  if (cmsBytes.subarray(asn.offset).some((b) => b !== 0))
    throw invalid('bad_cms', verifyMessage('cms_trailing'));
  let sd: pkijs.SignedData;
  let content: asn1js.Sequence;
  try {
    const ci = new pkijs.ContentInfo({ schema: asn.result });
    if (ci.contentType !== OID.signedData) throw new Error('not SignedData');
    content = ci.content as asn1js.Sequence;
    sd = new pkijs.SignedData({ schema: content });
  } catch {
    throw invalid('bad_cms', verifyMessage('cms_unparseable'));
  }
  const certSet = content.valueBlock.value.find((b) => isContext(b, 0)) as
    asn1js.Constructed | undefined;
  const certs = (certSet?.valueBlock.value ?? [])
    .filter((b) => b instanceof asn1js.Sequence)
    .map((b) => lazyCert(raw(b)));
  const fields = content.valueBlock.value;
  const infos = fields[fields.length - 1];
  const signerInfoRaw = infos instanceof asn1js.Set ? infos.valueBlock.value[0] : undefined;
  return { sd, certs, signerInfoRaw };
}

/** Verifies one SignedData against its content. Never throws. */
export function checkSignedData(cmsBytes: Uint8Array, options: CmsCheckOptions): CmsOutcome {
  const out: CmsOutcome = {
    status: 'ok',
    code: 'ok',
    message: null,
    signerCertificate: null,
    certificates: [],
    signingTime: null,
    signatureValue: null,
    timestampToken: null,
    eContent: null,
  };
  try {
    const { sd, certs, signerInfoRaw } = parse(cmsBytes);
    out.certificates = certs.map((c) => c.der);
    const count = sd.signerInfos.length;
    if (count === 0) throw invalid('bad_cms', verifyMessage('cms_signer_count', { count }));
    if (count > 1) throw indeterminate('unsupported', verifyMessage('cms_signer_count', { count }));
    const si = sd.signerInfos[0]!;
    out.signatureValue = new Uint8Array(si.signature.valueBlock.valueHexView);
    const eContent = sd.encapContentInfo.eContent ? octets(sd.encapContentInfo.eContent) : null;
    out.eContent = eContent;
    let content: readonly Uint8Array[];
    if (options.content === 'encapsulated') {
      if (!eContent) throw invalid('bad_cms', verifyMessage('cms_unparseable'));
      content = [eContent];
    } else {
      if (eContent) throw invalid('bad_cms', verifyMessage('cms_not_detached'));
      content = options.content;
    }
    out.signerCertificate = findSigner(si, signerInfoRaw, certs);
    if (!out.signerCertificate) throw invalid('bad_cms', verifyMessage('cms_no_certificate'));
    const unsigned = si.unsignedAttrs?.attributes ?? [];
    const ts = unsigned.find((a) => a.type === OID.signatureTimeStampToken)?.values[0];
    if (ts) out.timestampToken = raw(ts);

    const digest = digestFor(si.digestAlgorithm.algorithmId);
    if (!digest)
      throw indeterminate(
        'unsupported',
        verifyMessage('digest_unsupported', { algorithm: si.digestAlgorithm.algorithmId }),
      );
    const alg = signatureAlgorithm(si.signatureAlgorithm);
    let key: KeyObject;
    try {
      key = x509(out.signerCertificate).publicKey;
    } catch {
      throw invalid('bad_cms', verifyMessage('cms_bad_certificate'));
    }
    const attrs = si.signedAttrs?.attributes;
    let hasSigningCertificate = false;
    if (attrs) {
      const ct = single(attrs, OID.contentType)?.values[0];
      if (
        !(ct instanceof asn1js.ObjectIdentifier) ||
        ct.valueBlock.toString() !== options.contentType
      )
        throw invalid(
          'bad_cms',
          verifyMessage('cms_content_type', { expected: options.contentType }),
        );
      const md = octets(single(attrs, OID.messageDigest)?.values[0]);
      if (!md) throw invalid('bad_cms', verifyMessage('cms_no_message_digest'));
      if (!bytesEqual(md, hashParts(digest, content)))
        throw invalid('digest_mismatch', verifyMessage('digest_mismatch'));
      // The signature is over the DER of the SET of signed attributes: as received first (what
      // a signer hashed when it sent DER), then re-encoded, for signers that sent BER.
      const asReceived = new Uint8Array(si.signedAttrs!.encodedValue);
      let ok = verifySignatureValue(alg, digest, key, [asReceived], out.signatureValue);
      if (!ok) {
        const der = toDer(asReceived);
        if (!bytesEqual(der, asReceived))
          ok = verifySignatureValue(alg, digest, key, [der], out.signatureValue);
      }
      if (!ok) throw invalid('bad_signature', verifyMessage('bad_signature'));
      const v2 = single(attrs, OID.signingCertificateV2)?.values[0];
      const v1 = single(attrs, OID.signingCertificate)?.values[0];
      if (v2) checkSigningCertificate(v2, out.signerCertificate, true);
      if (v1) checkSigningCertificate(v1, out.signerCertificate, false);
      hasSigningCertificate = !!(v1 || v2);
      const st = single(attrs, OID.signingTime)?.values[0];
      if (st instanceof asn1js.UTCTime || st instanceof asn1js.GeneralizedTime)
        out.signingTime = st.toDate();
    } else if (!verifySignatureValue(alg, digest, key, content, out.signatureValue)) {
      // Without signed attributes the signature is over the content itself.
      throw invalid('bad_signature', verifyMessage('bad_signature'));
    }
    const eddsaDigest = EDDSA_DIGEST[alg.kind];
    if (eddsaDigest && eddsaDigest !== digest.name)
      throw indeterminate(
        'weak_algorithm',
        verifyMessage('disallowed_digest', {
          digest: digest.label,
          algorithm: alg.kind === 'ed448' ? 'Ed448' : 'Ed25519',
        }),
      );
    if (digest.weak || ('hash' in alg && alg.hash === 'sha1'))
      throw indeterminate(
        'weak_algorithm',
        verifyMessage('weak_digest', { algorithm: digest.weak ? digest.label : 'SHA-1' }),
      );
    if (options.requireSigningCertificate && !hasSigningCertificate)
      throw indeterminate('not_pades_baseline', verifyMessage('not_pades_baseline'));
    return out;
  } catch (err) {
    if (err instanceof Stop) {
      out.status = err.status;
      out.code = err.code;
      out.message = err.detail;
      return out;
    }
    out.status = 'invalid';
    out.code = 'bad_cms';
    out.message = verifyMessage('cms_unparseable');
    return out;
  }
}
