import {
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  webcrypto,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

// Keys, certificates and certificate requests made in main: a self-issued certificate where the
// organisation has no PKI, a PKCS#10 request for the organisation's CA, and (for the demo and
// tests) a small CA that issues an inspector certificate. pkijs builds the structures and signs
// them through Node's WebCrypto.

export type KeyAlgorithm = 'ec-p256' | 'rsa-3072';
export const KEY_ALGORITHMS: readonly KeyAlgorithm[] = ['ec-p256', 'rsa-3072'];

export type DistinguishedName = {
  commonName: string;
  organisation?: string;
  organisationalUnit?: string;
  email?: string;
};

export type CertificateProfile = 'signer' | 'ca';

const OIDS = {
  commonName: '2.5.4.3',
  organisation: '2.5.4.10',
  organisationalUnit: '2.5.4.11',
  emailAddress: '1.2.840.113549.1.9.1',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  emailProtection: '1.3.6.1.5.5.7.3.4',
} as const;

export function generateKeyPair(algorithm: KeyAlgorithm): {
  privateKey: KeyObject;
  publicKey: KeyObject;
} {
  return algorithm === 'ec-p256'
    ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
    : generateKeyPairSync('rsa', { modulusLength: 3072 });
}

export function describeKey(key: KeyObject): string {
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    return curve === 'prime256v1'
      ? 'EC P-256'
      : curve === 'secp384r1'
        ? 'EC P-384'
        : `EC ${curve ?? '?'}`;
  }
  if (key.asymmetricKeyType === 'rsa')
    return `RSA ${key.asymmetricKeyDetails?.modulusLength ?? '?'}`;
  return key.asymmetricKeyType ?? 'unknown';
}

function webAlgorithm(
  key: KeyObject,
): webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams {
  if (key.asymmetricKeyType === 'rsa') return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (key.asymmetricKeyType === 'ec' && (curve === 'prime256v1' || curve === 'secp384r1')) {
    return { name: 'ECDSA', namedCurve: curve === 'prime256v1' ? 'P-256' : 'P-384' };
  }
  throw new Error('Only RSA and EC P-256/P-384 keys can sign certificates and requests.');
}

async function toWebPrivateKey(key: KeyObject): Promise<webcrypto.CryptoKey> {
  const der = key.export({ format: 'der', type: 'pkcs8' });
  return webcrypto.subtle.importKey('pkcs8', der, webAlgorithm(key), false, ['sign']);
}

function publicKeyInfo(publicKey: KeyObject): pkijs.PublicKeyInfo {
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return pkijs.PublicKeyInfo.fromBER(new Uint8Array(spki));
}

/**
 * One attribute per RDN (O, OU, CN). pkijs would put them all in one multi-valued RDN, which
 * viewers show as "O=... + CN=...", so the Name is encoded here and handed to pkijs as bytes.
 */
function buildName(dn: DistinguishedName): pkijs.RelativeDistinguishedNames {
  const rdns: asn1js.Set[] = [];
  const add = (type: string, value: string | undefined, ascii = false) => {
    if (!value) return;
    // emailAddress is an IA5String (PKCS #9); the other attributes are UTF-8.
    const encoded = ascii ? new asn1js.IA5String({ value }) : new asn1js.Utf8String({ value });
    const atv = new pkijs.AttributeTypeAndValue({ type, value: encoded });
    rdns.push(new asn1js.Set({ value: [atv.toSchema()] }));
  };
  add(OIDS.organisation, dn.organisation);
  add(OIDS.organisationalUnit, dn.organisationalUnit);
  add(OIDS.commonName, dn.commonName);
  add(OIDS.emailAddress, dn.email, true);
  return pkijs.RelativeDistinguishedNames.fromBER(
    new asn1js.Sequence({ value: rdns }).toBER(false),
  );
}

async function keyIdentifier(publicKey: KeyObject): Promise<Uint8Array> {
  // RFC 5280 method 1: SHA-1 of the subjectPublicKey bit string.
  const info = publicKeyInfo(publicKey);
  const bits = new Uint8Array(info.subjectPublicKey.valueBlock.valueHexView);
  return new Uint8Array(await webcrypto.subtle.digest('SHA-1', bits));
}

function extension(extnID: string, critical: boolean, value: asn1js.AsnType): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

function keyUsageBits(profile: CertificateProfile): asn1js.BitString {
  // digitalSignature(0) + nonRepudiation(1) for signers; keyCertSign(5) + cRLSign(6) for CAs.
  const byte = profile === 'signer' ? 0b1100_0000 : 0b0000_0110;
  const unused = profile === 'signer' ? 6 : 1;
  return new asn1js.BitString({ valueHex: Uint8Array.of(byte).buffer, unusedBits: unused });
}

function randomSerial(): asn1js.Integer {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x01; // positive and without a leading zero byte
  return new asn1js.Integer({
    valueHex: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 16),
  });
}

export type IssueOptions = {
  subject: DistinguishedName;
  subjectPublicKey: KeyObject;
  /** The issuer's certificate; omitted for a self-issued (self-signed) certificate. */
  issuerCertificate?: Uint8Array;
  issuerPrivateKey: KeyObject;
  profile: CertificateProfile;
  validDays: number;
  now?: Date;
};

/** Issues an X.509 v3 certificate; returns DER. */
export async function issueCertificate(options: IssueOptions): Promise<Uint8Array> {
  const now = options.now ?? new Date();
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = randomSerial();
  cert.subject = buildName(options.subject);
  if (options.issuerCertificate) {
    cert.issuer = pkijs.Certificate.fromBER(new Uint8Array(options.issuerCertificate)).subject;
  } else {
    cert.issuer = buildName(options.subject);
  }
  // Backdate a little so a clock that is slightly behind does not reject a fresh certificate.
  cert.notBefore.value = new Date(now.getTime() - 5 * 60_000);
  cert.notAfter.value = new Date(now.getTime() + options.validDays * 86_400_000);
  cert.subjectPublicKeyInfo = publicKeyInfo(options.subjectPublicKey);

  const issuerPublic = options.issuerCertificate
    ? new X509Certificate(options.issuerCertificate).publicKey
    : createPublicKey(options.issuerPrivateKey);
  const extensions = [
    extension(
      OIDS.basicConstraints,
      true,
      new pkijs.BasicConstraints({ cA: options.profile === 'ca' }).toSchema(),
    ),
    extension(OIDS.keyUsage, true, keyUsageBits(options.profile)),
    extension(
      OIDS.subjectKeyIdentifier,
      false,
      new asn1js.OctetString({ valueHex: await keyIdentifier(options.subjectPublicKey) }),
    ),
    extension(
      OIDS.authorityKeyIdentifier,
      false,
      new pkijs.AuthorityKeyIdentifier({
        keyIdentifier: new asn1js.OctetString({ valueHex: await keyIdentifier(issuerPublic) }),
      }).toSchema(),
    ),
  ];
  if (options.profile === 'signer' && options.subject.email) {
    // Mail clients and PDF readers look for the address here rather than in the subject.
    extensions.push(
      extension(
        OIDS.subjectAltName,
        false,
        new pkijs.GeneralNames({
          names: [new pkijs.GeneralName({ type: 1, value: options.subject.email })],
        }).toSchema(),
      ),
    );
  }
  if (options.profile === 'signer') {
    extensions.push(
      extension(
        OIDS.extKeyUsage,
        false,
        new pkijs.ExtKeyUsage({ keyPurposes: [OIDS.emailProtection] }).toSchema(),
      ),
    );
  }
  cert.extensions = extensions;
  await cert.sign(await toWebPrivateKey(options.issuerPrivateKey), 'SHA-256');
  return new Uint8Array(cert.toSchema(true).toBER(false));
}

/** A PKCS#10 certificate signing request for the organisation's CA; returns DER. */
export async function createCertificationRequest(
  subject: DistinguishedName,
  privateKey: KeyObject,
): Promise<Uint8Array> {
  const csr = new pkijs.CertificationRequest();
  csr.version = 0;
  csr.subject = buildName(subject);
  csr.subjectPublicKeyInfo = publicKeyInfo(createPublicKey(privateKey));
  await csr.sign(await toWebPrivateKey(privateKey), 'SHA-256');
  return new Uint8Array(csr.toSchema(true).toBER(false));
}

// ---- PEM ----

export function toPem(der: Uint8Array, label: 'CERTIFICATE' | 'CERTIFICATE REQUEST'): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** Every certificate in PEM text or a single DER certificate; throws a readable error. */
export function readCertificates(data: Uint8Array | string): Uint8Array[] {
  const text = typeof data === 'string' ? data : Buffer.from(data).toString('latin1');
  const out: Uint8Array[] = [];
  if (text.includes('-----BEGIN')) {
    for (const m of text.matchAll(PEM_BLOCK)) {
      if (m[1] !== 'CERTIFICATE' && m[1] !== 'X509 CERTIFICATE' && m[1] !== 'TRUSTED CERTIFICATE')
        continue;
      out.push(new Uint8Array(Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64')));
      if (out.length > 100) throw new Error('The file holds more than 100 certificates.');
    }
    if (out.length === 0) throw new Error('The PEM file holds no certificate.');
  } else if (typeof data !== 'string') {
    out.push(data);
  } else {
    throw new Error('The text is not a PEM certificate.');
  }
  for (const der of out) {
    try {
      new X509Certificate(der);
    } catch {
      throw new Error('The file holds something that is not a valid X.509 certificate.');
    }
  }
  return out;
}
