import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { publicKeyMatches } from '../signing/signer-checks.ts';

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
      throw new P12Error('The PKCS#12 passphrase is wrong.');
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
          const der = b.cert
            ? derOf(forge.pki.certificateToAsn1(b.cert))
            : b.asn1
              ? derOf(b.asn1)
              : null;
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
  const toForge = (der: Uint8Array) =>
    forge.pki.certificateFromAsn1(
      forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(der).toString('binary'))),
    );
  const asn1 = forge.pkcs12.toPkcs12Asn1(
    key,
    [toForge(contents.certificate), ...contents.chain.map(toForge)],
    passphrase,
    { algorithm: 'aes256', friendlyName, count: 10_000 },
  );
  return derOf(asn1);
}
