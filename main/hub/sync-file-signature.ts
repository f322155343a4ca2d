import { createHash, X509Certificate } from 'node:crypto';
import { createCmsSignature, type SignerMaterial } from '../signing/cms-signer.ts';
import { formatVerifyMessage } from '../../shared/verify/messages.ts';
import { checkSignedData } from '../verify/cms-verify.ts';
import { OID } from '../verify/oids.ts';
import { evaluateTrust } from '../verify/chain.ts';
import { trustContextOf, type VerifyOptions } from '../verify/verify-pdf.ts';

// A sync file (air gap) is signed like a report: a CMS signature, made with the inspector's
// signing identity, over a short statement that names the file's SHA-256. The renderer hashes
// the file; main signs or checks the statement, then judges the signer against this
// installation's trust list. A file whose bytes changed has another hash, so its statement is
// not the one signed, and it is refused before anything in it is read.

export const syncFileStatement = (sha256Hex: string): Uint8Array =>
  new TextEncoder().encode(`roomcheck.sync-file v1 sha256:${sha256Hex}`);

export function signSyncFile(sha256Hex: string, signer: SignerMaterial): Uint8Array {
  const digest = createHash('sha256').update(syncFileStatement(sha256Hex)).digest();
  return createCmsSignature(new Uint8Array(digest), signer);
}

export type SyncFileVerdict = {
  status: 'valid' | 'invalid' | 'untrusted';
  reason: string;
  signer: string | null;
};

function signerName(der: Uint8Array | null): string | null {
  if (!der) return null;
  try {
    const subject = new X509Certificate(der).subject;
    const cn = subject.split('\n').find((l) => l.startsWith('CN='));
    return cn ? cn.slice(3) : (subject.split('\n')[0] ?? null);
  } catch {
    return null;
  }
}

export function verifySyncFile(
  sha256Hex: string,
  cms: Uint8Array,
  trust: VerifyOptions,
  at: Date = new Date(),
): SyncFileVerdict {
  const check = checkSignedData(cms, {
    content: [syncFileStatement(sha256Hex)],
    contentType: OID.data,
    requireSigningCertificate: true,
  });
  const signer = signerName(check.signerCertificate);
  if (check.status !== 'ok' || !check.signerCertificate) {
    const reason = check.message
      ? formatVerifyMessage(check.message, 'en')
      : 'The signature could not be checked.';
    return { status: 'invalid', reason, signer };
  }
  const result = evaluateTrust(
    check.signerCertificate,
    check.certificates,
    trustContextOf(trust),
    at,
  );
  if (!result.trusted) {
    return {
      status: 'untrusted',
      reason: result.problem
        ? formatVerifyMessage(result.problem.message, 'en')
        : 'The signer is not trusted.',
      signer,
    };
  }
  return { status: 'valid', reason: 'Signed by a trusted signer.', signer };
}
