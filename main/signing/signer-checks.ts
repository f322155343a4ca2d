import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import { bytesEqual } from './der.ts';
import { signatureAlgorithmFor, SigningError, type SignerMaterial } from './cms-signer.ts';

/** Lower-case hex SHA-256 of a DER certificate, the form trust pins are stored in. */
export function certificateFingerprint(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex');
}

export function publicKeyMatches(
  privateKey: SignerMaterial['privateKey'],
  certificateDer: Uint8Array,
): boolean {
  const fromKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const fromCert = new X509Certificate(certificateDer).publicKey.export({
    type: 'spki',
    format: 'der',
  });
  return bytesEqual(new Uint8Array(fromKey), new Uint8Array(fromCert));
}

/** Why `cert` cannot sign at `at` (outside its validity period), or null. */
export function certificateTimeProblem(cert: X509Certificate, at: Date): string | null {
  if (at.getTime() < Date.parse(cert.validFrom)) {
    return `The signing certificate is not valid before ${new Date(cert.validFrom).toISOString()}.`;
  }
  if (at.getTime() > Date.parse(cert.validTo)) {
    return `The signing certificate expired on ${new Date(cert.validTo).toISOString()}.`;
  }
  return null;
}

/** Refuses, with a sentence the user can act on, to sign with a key that would make a bad file. */
export function checkSignerUsable(signer: SignerMaterial, at: Date): void {
  signatureAlgorithmFor(signer.privateKey);
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(signer.certificate);
  } catch {
    throw new SigningError('The signing certificate cannot be read.');
  }
  if (!publicKeyMatches(signer.privateKey, signer.certificate)) {
    throw new SigningError('The private key does not belong to the signing certificate.');
  }
  const problem = certificateTimeProblem(cert, at);
  if (problem) throw new SigningError(problem);
}
