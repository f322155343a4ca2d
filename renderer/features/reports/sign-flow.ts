import { call } from '../../bridge/client.ts';
import { base64ToBytes } from '../../../shared/encoding/base64.ts';
import type { SignOff } from '../../../shared/snapshot/schema.ts';
import type { Verdict } from '../../../shared/verify/verdict.ts';
import type { RoomcheckDb } from '../../db/db.ts';
import { buildAuditSnapshot } from '../../db/repositories/snapshot.ts';
import { recordSignedReport } from '../../db/repositories/signed-reports.ts';
import { safeFileName } from './files.ts';
import { contract } from '../../../shared/bridge/contract.ts';

// Signing one report, step by step so the screen can show where it is: the snapshot is read
// from IndexedDB here, main lays out, signs and verifies, then the audit is marked signed.

export type SignStep = 'snapshot' | 'signing' | 'recording';

export type SignInput = {
  auditId: string;
  signOff: SignOff;
  identityId: string;
  passphrase?: string;
  location?: string;
};

export type SignedResult = {
  pdf: Uint8Array;
  fileName: string;
  pageCount: number;
  verdict: Verdict;
  /** False when the report was signed but the audit could not be marked (shown, not hidden). */
  recorded: boolean;
  recordProblem: string | null;
};

export class SignFlowError extends Error {
  constructor(
    readonly kind: 'tooLarge' | 'invalid',
    message: string,
    readonly verdict?: Verdict,
  ) {
    super(message);
    this.name = 'SignFlowError';
  }
}

export async function signReport(
  db: RoomcheckDb,
  input: SignInput,
  onStep: (step: SignStep) => void,
): Promise<SignedResult> {
  onStep('snapshot');
  const info = await call('appInfo', {});
  const snapshot = await buildAuditSnapshot(db, input.auditId, {
    appVersion: info.version,
    signOff: input.signOff,
    includeEvidenceBytes: true,
  });
  const request = {
    snapshot,
    identityId: input.identityId,
    ...(input.passphrase !== undefined && { passphrase: input.passphrase }),
    ...(input.location && { location: input.location }),
  };
  // Measured in UTF-16 units, which bounds the UTF-8 request body from below: close enough
  // to refuse early, and main refuses exactly.
  const size = JSON.stringify(request).length;
  if (size > contract.reportSign.maxRequestBytes) {
    throw new SignFlowError('tooLarge', String(size));
  }
  onStep('signing');
  const signed = await call('reportSign', request);
  if (signed.verdict.status === 'invalid') {
    throw new SignFlowError('invalid', signed.verdict.reason, signed.verdict);
  }
  const pdf = base64ToBytes(signed.pdfBase64);
  const fileName = `${safeFileName(input.signOff.reportId, 'roomcheck-report')}-v${input.signOff.reportVersion}.pdf`;
  onStep('recording');
  const signer = signed.verdict.signatures[0]?.signer ?? null;
  let recordProblem: string | null = null;
  try {
    await recordSignedReport(
      db,
      input.auditId,
      {
        reportId: input.signOff.reportId,
        reportVersion: input.signOff.reportVersion,
        language: input.signOff.language,
        signedAt: signed.verdict.signatures[0]?.signingTime ?? new Date().toISOString(),
        signer: signer?.commonName ?? '',
        signerFingerprint: signer?.fingerprintSha256 ?? '',
        pageCount: signed.pageCount,
        fileName,
        bytes: pdf.length,
      },
      snapshot,
    );
  } catch (err) {
    recordProblem = err instanceof Error ? err.message : String(err);
  }
  return {
    pdf,
    fileName,
    pageCount: signed.pageCount,
    verdict: signed.verdict,
    recorded: recordProblem === null,
    recordProblem,
  };
}
