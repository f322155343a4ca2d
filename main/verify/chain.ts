import { X509Certificate } from 'node:crypto';
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { verifyMessage, type VerifyMessage } from '../../shared/verify/messages.ts';
import type { CertificateSummary } from '../../shared/verify/verdict.ts';
import { certificateFingerprint } from '../signing/signer-checks.ts';
import { OID } from './oids.ts';

// Whether a signer's certificate chains to something the user trusts: an organisation CA they
// imported, or a certificate fingerprint they pinned (for self-issued certificates). Paths are
// built from the certificates in the signature plus the anchors, checked for CA flags,
// signatures and validity at the claimed signing time. No revocation checking: the machines
// are air-gapped and B-B signatures carry no revocation data.

const MAX_PATH = 8;

export type TrustResult = {
  trusted: boolean;
  trustedBy: 'anchor' | 'pin' | null;
  chain: CertificateSummary[];
  /** Why it is not trusted (or null when it is). */
  problem: null | { code: 'untrusted' | 'certificate_time'; message: VerifyMessage };
};

/** What the certificate is used for here: signing a document, or issuing timestamps. */
export type CertificatePurpose = 'document' | 'timestamp';

export type TrustContext = {
  anchors: readonly X509Certificate[];
  pins: ReadonlySet<string>;
};

const parsedCache = new Map<string, X509Certificate>();
const CACHE_SIZE = 256;

/** Parses a certificate once per process (certificates repeat across signatures and files). */
export function x509(der: Uint8Array): X509Certificate {
  const key = Buffer.from(der.buffer, der.byteOffset, der.length).toString('latin1');
  let cert = parsedCache.get(key);
  if (!cert) {
    cert = new X509Certificate(der);
    if (parsedCache.size >= CACHE_SIZE) parsedCache.clear();
    parsedCache.set(key, cert);
  }
  return cert;
}

function commonName(subject: string): string {
  for (const line of subject.split('\n')) if (line.startsWith('CN=')) return line.slice(3);
  return subject.split('\n')[0] ?? '';
}

/** Issued by its own key. Not checkIssued(c): OpenSSL also demands keyCertSign there. */
function isSelfIssued(c: X509Certificate): boolean {
  try {
    return c.subject === c.issuer && c.verify(c.publicKey);
  } catch {
    return false;
  }
}

export function summarizeCertificate(c: X509Certificate): CertificateSummary {
  return {
    subject: c.subject.replaceAll('\n', ', '),
    commonName: commonName(c.subject),
    issuer: c.issuer.replaceAll('\n', ', '),
    serialNumber: c.serialNumber,
    fingerprintSha256: certificateFingerprint(new Uint8Array(c.raw)),
    notBefore: new Date(c.validFrom).toISOString(),
    notAfter: new Date(c.validTo).toISOString(),
    selfIssued: isSelfIssued(c),
  };
}

/**
 * Key usage allows signing (digitalSignature or nonRepudiation) or is absent; a timestamp
 * authority's certificate must also be for timestamping (RFC 3161: extended key usage).
 */
function allowsPurpose(der: Uint8Array, purpose: CertificatePurpose): boolean {
  try {
    const cert = pkijs.Certificate.fromBER(new Uint8Array(der));
    const ku = cert.extensions?.find((e) => e.extnID === OID.keyUsage);
    if (ku) {
      const bits = ku.parsedValue as asn1js.BitString;
      const first = new Uint8Array(bits.valueBlock.valueHexView)[0] ?? 0;
      if ((first & 0x80) === 0 && (first & 0x40) === 0) return false;
    }
    if (purpose === 'document') return true;
    const eku = cert.extensions?.find((e) => e.extnID === OID.extKeyUsage);
    const usages = (eku?.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes ?? [];
    return usages.includes(OID.timeStamping);
  } catch {
    return false;
  }
}

const issues = (child: X509Certificate, parent: X509Certificate): boolean => {
  try {
    return child.checkIssued(parent) && child.verify(parent.publicKey);
  } catch {
    return false;
  }
};

const validAt = (c: X509Certificate, at: Date): boolean =>
  at.getTime() >= Date.parse(c.validFrom) && at.getTime() <= Date.parse(c.validTo);

export function parseCertificates(ders: readonly Uint8Array[]): X509Certificate[] {
  const out: X509Certificate[] = [];
  for (const d of ders) {
    try {
      out.push(x509(d));
    } catch {
      // A certificate we cannot parse cannot help build a path; skip it.
    }
  }
  return out;
}

export function evaluateTrust(
  signerDer: Uint8Array,
  included: readonly Uint8Array[],
  { anchors, pins }: TrustContext,
  at: Date,
  purpose: CertificatePurpose = 'document',
): TrustResult {
  const leaf = x509(signerDer);
  const path: X509Certificate[] = [leaf];
  const intermediates = parseCertificates(included).filter((c) => c.ca);
  const fp = (c: X509Certificate) => certificateFingerprint(new Uint8Array(c.raw));
  const anchorFps = new Set(anchors.map(fp));
  let trustedBy: TrustResult['trustedBy'] = null;

  let current = leaf;
  for (let depth = 0; depth < MAX_PATH; depth++) {
    if (pins.has(fp(current))) {
      trustedBy = 'pin';
      break;
    }
    if (anchorFps.has(fp(current))) {
      trustedBy = 'anchor';
      break;
    }
    if (isSelfIssued(current)) break;
    const anchor = anchors.find((a) => a.ca && issues(current, a));
    if (anchor) {
      path.push(anchor);
      trustedBy = 'anchor';
      break;
    }
    const next = intermediates.find((c) => !path.includes(c) && issues(current, c));
    if (!next) break;
    path.push(next);
    current = next;
  }

  const chain = path.map(summarizeCertificate);
  if (!trustedBy) {
    const message = verifyMessage(isSelfIssued(leaf) ? 'untrusted_self_issued' : 'untrusted_chain');
    return { trusted: false, trustedBy: null, chain, problem: { code: 'untrusted', message } };
  }
  if (!allowsPurpose(signerDer, purpose)) {
    const message = verifyMessage(purpose === 'document' ? 'key_usage' : 'tsa_key_usage');
    return { trusted: false, trustedBy: null, chain, problem: { code: 'untrusted', message } };
  }
  const expired = path.find((c) => !validAt(c, at));
  if (expired) {
    return {
      trusted: false,
      trustedBy: null,
      chain,
      problem: {
        code: 'certificate_time',
        message: verifyMessage('certificate_time', { name: commonName(expired.subject) }),
      },
    };
  }
  return { trusted: true, trustedBy, chain, problem: null };
}
