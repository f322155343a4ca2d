import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { publicKeyMatches } from '../signing/signer-checks.ts';
import { WrongPassphraseError } from './unlock-attempts.ts';

// PKCS#12 files from the organisation's CA tooling. node-forge opens the container (it reads
// OpenSSL 3's default AES-256/PBKDF2 files and the -legacy 3DES/RC2 ones and checks the MAC),
// but it only understands RSA keys and certificates: for EC it hands back the decrypted ASN.1,
// which Node's crypto then reads. Either way the key ends up as a Node KeyObject.

export const MAX_P12_BYTES = 1024 * 1024;

export type P12Contents = { privateKey: KeyObject; certificate: Uint8Array; chain: Uint8Array[] };

export class P12Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'P12Error';
  }
}

const KEY_BAGS = [forge.pki.oids.pkcs8ShroudedKeyBag!, forge.pki.oids.keyBag!];
const CERT_BAG = forge.pki.oids.certBag!;

const derOf = (asn1: forge.asn1.Asn1): Uint8Array =>
  new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'));

/**
 * The certificate's own bytes. forge re-encodes a parsed certificate with NULL parameters in
 * the outer signature algorithm, which breaks ECDSA-signed certificates and any whose issuer
 * omitted the NULL: OpenSSL then rejects the signature because the outer and inner algorithm
 * fields differ. X.509 requires those two fields to be identical, so the outer one is rebuilt
 * from the inner one, which forge keeps byte for byte.
 */
function certificateDer(cert: forge.pki.Certificate): Uint8Array {
  const tbs = (cert as forge.pki.Certificate & { tbsCertificate?: forge.asn1.Asn1 }).tbsCertificate;
  const fields = tbs?.value;
  if (!tbs || !Array.isArray(fields)) return derOf(forge.pki.certificateToAsn1(cert));
  const first = fields[0];
  const innerAlg = fields[first && first.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 2 : 1];
  if (!innerAlg) throw new P12Error('The PKCS#12 file holds a malformed certificate.');
  const { Class, Type, create } = forge.asn1;
  return derOf(
    create(Class.UNIVERSAL, Type.SEQUENCE, true, [
      tbs,
      innerAlg,
      create(Class.UNIVERSAL, Type.BITSTRING, false, String.fromCharCode(0) + cert.signature),
    ]),
  );
}

export function readPkcs12(bytes: Uint8Array, passphrase: string): P12Contents {
  if (bytes.length === 0 || bytes.length > MAX_P12_BYTES) {
    throw new P12Error('The file is empty or too large to be a PKCS#12 identity.');
  }
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (err) {
    const msg = err instanceof Error ? err.message : '';
    if (/MAC could not be verified|Invalid password/i.test(msg)) {
      throw new WrongPassphraseError();
    }
    throw new P12Error('The file is not a PKCS#12 (.p12/.pfx) identity that Roomcheck can read.');
  }
  const keys: KeyObject[] = [];
  const certs: Uint8Array[] = [];
  for (const safe of p12.safeContents) {
    for (const bag of safe.safeBags) {
      const b = bag as forge.pkcs12.Bag & { asn1?: forge.asn1.Asn1 };
      try {
        if (KEY_BAGS.includes(bag.type)) {
          const der = b.key
            ? derOf(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(b.key)))
            : b.asn1
              ? derOf(b.asn1)
              : null;
          if (der)
            keys.push(createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' }));
        } else if (bag.type === CERT_BAG) {
          const der = b.cert ? certificateDer(b.cert) : b.asn1 ? derOf(b.asn1) : null;
          if (der) {
            new X509Certificate(der);
            certs.push(der);
          }
        }
      } catch {
        throw new P12Error('The PKCS#12 file holds a key or certificate that cannot be read.');
      }
    }
  }
  if (keys.length !== 1) {
    throw new P12Error(
      keys.length === 0
        ? 'The PKCS#12 file holds no private key.'
        : 'The PKCS#12 file holds more than one private key.',
    );
  }
  const privateKey = keys[0]!;
  const certificate = certs.find((c) => publicKeyMatches(privateKey, c));
  if (!certificate)
    throw new P12Error('The PKCS#12 file holds no certificate for its private key.');
  return { privateKey, certificate, chain: certs.filter((c) => c !== certificate) };
}

/** Writes an RSA identity as PKCS#12 (AES-256), for the demo and tests. */
export function writeRsaPkcs12(
  contents: P12Contents,
  passphrase: string,
  friendlyName: string,
): Uint8Array {
  if (contents.privateKey.asymmetricKeyType !== 'rsa') {
    throw new P12Error('Only RSA identities can be written as PKCS#12 here.');
  }
  const pem = contents.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const key = forge.pki.privateKeyFromPem(pem);
  // forge would parse and re-encode each certificate (it cannot even parse EC ones, and it
  // changes the others, see certificateDer). It only ever passes them to certificateToAsn1, so
  // it gets opaque tokens and, for the length of this call, certificateToAsn1 maps each token
  // back to the certificate's original encoding.
  const originals = new Map<object, forge.asn1.Asn1>();
  const token = (der: Uint8Array) => {
    const t = Object.freeze({});
    originals.set(
      t,
      forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(der).toString('binary'))),
    );
    return t as forge.pki.Certificate;
  };
  const certs = [token(contents.certificate), ...contents.chain.map(token)];
  const reencode = forge.pki.certificateToAsn1;
  forge.pki.certificateToAsn1 = (cert) => originals.get(cert) ?? reencode(cert);
  try {
    const asn1 = forge.pkcs12.toPkcs12Asn1(key, certs, passphrase, {
      algorithm: 'aes256',
      // ASCII only: forge writes friendlyName as BMPString from UTF-16 code units badly.
      friendlyName: friendlyName.replace(/[^\x20-\x7e]/g, '').trim() || 'Roomcheck identity',
      count: 10_000,
    });
    return derOf(asn1);
  } finally {
    forge.pki.certificateToAsn1 = reencode;
  }
}
