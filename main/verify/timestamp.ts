import * as pkijs from 'pkijs';
import { verifyMessage } from '../../shared/verify/messages.ts';
import type { TimestampSummary } from '../../shared/verify/verdict.ts';
import { bytesEqual } from '../signing/der.ts';
import {
  evaluateTrust,
  summarizeCertificate,
  x509,
  type TrustContext,
  type TrustResult,
} from './chain.ts';
import { checkSignedData, digestFor, hashParts, type CmsOutcome } from './cms-verify.ts';
import { OID } from './oids.ts';

// RFC 3161 timestamp tokens: a document timestamp (SubFilter ETSI.RFC3161, whose token
// imprints the signed byte ranges) and a signature timestamp (an unsigned attribute whose token
// imprints the signature value). A token is intact when its message imprint matches and the
// timestamp authority's CMS signature verifies; its time is vouched for (trusted) only when
// the authority chains to a trust anchor, otherwise it is only what the authority claims.

export type TimestampCheck = {
  summary: TimestampSummary;
  cms: CmsOutcome;
  trust: TrustResult | null;
  genTime: Date | null;
};

export function checkTimestampToken(
  token: Uint8Array,
  imprinted: readonly Uint8Array[],
  trust: TrustContext,
): TimestampCheck {
  const cms = checkSignedData(token, {
    content: 'encapsulated',
    contentType: OID.tstInfo,
    requireSigningCertificate: false,
  });
  const summary: TimestampSummary = {
    time: null,
    intact: false,
    trusted: false,
    authority: null,
    message: null,
  };
  if (cms.signerCertificate) {
    try {
      summary.authority = summarizeCertificate(x509(cms.signerCertificate)).commonName;
    } catch {
      summary.authority = null;
    }
  }
  let genTime: Date | null = null;
  let tst: pkijs.TSTInfo | null = null;
  try {
    if (cms.eContent) tst = pkijs.TSTInfo.fromBER(cms.eContent.slice());
  } catch {
    tst = null;
  }
  if (!tst) {
    summary.message =
      cms.status === 'invalid' && cms.message ? cms.message : verifyMessage('ts_unparseable');
    return { summary, cms, trust: null, genTime };
  }
  genTime = tst.genTime;
  summary.time = Number.isFinite(genTime.getTime()) ? genTime.toISOString() : null;
  const digest = digestFor(tst.messageImprint.hashAlgorithm.algorithmId);
  const imprint = new Uint8Array(tst.messageImprint.hashedMessage.valueBlock.valueHexView);
  if (!digest || !bytesEqual(imprint, hashParts(digest, imprinted))) {
    summary.message = verifyMessage('ts_imprint_mismatch');
    return { summary, cms, trust: null, genTime };
  }
  if (cms.status === 'invalid') {
    summary.message = cms.message;
    return { summary, cms, trust: null, genTime };
  }
  summary.intact = true;
  if (cms.status !== 'ok') {
    summary.message = cms.message;
    return { summary, cms, trust: null, genTime };
  }
  if (digest.weak) {
    summary.message = verifyMessage('weak_digest', { algorithm: digest.label });
    return { summary, cms, trust: null, genTime };
  }
  const result = evaluateTrust(
    cms.signerCertificate!,
    cms.certificates,
    trust,
    genTime,
    'timestamp',
  );
  summary.trusted = result.trusted;
  summary.message = result.problem?.message ?? null;
  return { summary, cms, trust: result, genTime };
}
