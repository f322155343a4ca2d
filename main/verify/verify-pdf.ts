import { X509Certificate } from 'node:crypto';
import {
  summarizeSnapshot,
  type SignatureReport,
  type Verdict,
  type VerdictCode,
  type VerdictStatus,
} from '../../shared/verify/verdict.ts';
import { hasPdfHeader, PdfState, type PdfObject } from '../pdf/pdf-file.ts';
import {
  asName,
  decodeTextString,
  dictGet,
  type PdfDict,
  type PdfValue,
} from '../pdf/pdf-syntax.ts';
import { readSnapshotFromState } from '../report/embed-snapshot.ts';
import { evaluateTrust, summarizeCertificate } from './chain.ts';
import { checkCms } from './cms-verify.ts';
import { checkLaterRevisions, skipEol } from './revisions.ts';

// The one verifier for the app and the CLI. Three answers: valid (intact, and the signer chains
// to a trust anchor or a pinned certificate), invalid (with the reason: the file was changed,
// the signature does not match, the structure is forged or broken) and indeterminate (intact,
// but the signer is not trusted, or the file uses something we cannot check). It never throws
// for bad input: every failure becomes a verdict.

export type { Verdict } from '../../shared/verify/verdict.ts';

export type VerifyOptions = {
  /** Organisation CA certificates the user imported: PEM strings, DER bytes or parsed. */
  trustAnchors: ReadonlyArray<string | Uint8Array | X509Certificate>;
  /** SHA-256 fingerprints (hex, any case, colons allowed) of certificates trusted as they are. */
  pinnedFingerprints?: readonly string[];
  /** Read and summarise the embedded snapshot (default true). */
  summarizeSnapshot?: boolean;
};

const MAX_FIELDS = 1000;
const MAX_FIELD_DEPTH = 16;
/** No real CMS signature comes near this; bigger is an attack on memory or time. */
const MAX_CMS_BYTES = 1024 * 1024;

const RANK: Record<VerdictStatus, number> = { valid: 0, indeterminate: 1, invalid: 2 };

function toAnchor(a: string | Uint8Array | X509Certificate): X509Certificate | null {
  try {
    return a instanceof X509Certificate ? a : new X509Certificate(a);
  } catch {
    return null;
  }
}

export const normalizeFingerprint = (fp: string): string =>
  fp.replaceAll(':', '').trim().toLowerCase();

type SigField = { name: string | null; field: PdfObject; value: PdfDict; valueObject: PdfObject };

/** Signature fields with a value, walking the AcroForm field tree (bounded). */
function findSignatures(state: PdfState): SigField[] {
  const out: SigField[] = [];
  const acroForm = state.lookup(state.catalog, 'AcroForm');
  const fields = state.lookup(acroForm, 'Fields');
  if (fields?.kind !== 'array') return out;
  const seen = new Set<number>();
  let count = 0;
  const walk = (
    ref: PdfValue,
    depth: number,
    inheritedFt: string | undefined,
    parentName: string | null,
  ) => {
    if (ref.kind !== 'ref' || seen.has(ref.num) || depth > MAX_FIELD_DEPTH || ++count > MAX_FIELDS)
      return;
    seen.add(ref.num);
    const obj = state.getObject(ref.num);
    if (!obj || obj.value.kind !== 'dict') return;
    const d = obj.value;
    const ft = asName(dictGet(d, 'FT')) ?? inheritedFt;
    const partial = decodeTextString(state.resolve(dictGet(d, 'T')));
    const name =
      partial === undefined ? parentName : parentName ? `${parentName}.${partial}` : partial;
    const kids = state.resolve(dictGet(d, 'Kids'));
    if (kids?.kind === 'array') for (const k of kids.items) walk(k, depth + 1, ft, name);
    const v = dictGet(d, 'V');
    if (ft !== 'Sig' || !v) return;
    if (v.kind === 'ref') {
      const vObj = state.getObject(v.num);
      if (vObj?.value.kind === 'dict')
        out.push({ name, field: obj, value: vObj.value, valueObject: vObj });
    } else if (v.kind === 'dict') {
      out.push({ name, field: obj, value: v, valueObject: obj });
    }
  };
  for (const f of fields.items) walk(f, 0, undefined, null);
  return out;
}

function isRevisionEnd(bytes: Uint8Array, end: number): boolean {
  const eofAt = (e: number) =>
    e >= 5 && String.fromCharCode(...bytes.subarray(e - 5, e)) === '%%EOF';
  if (eofAt(end)) return true;
  if (bytes[end - 1] === 0x0a && (eofAt(end - 1) || (bytes[end - 2] === 0x0d && eofAt(end - 2))))
    return true;
  return bytes[end - 1] === 0x0d && eofAt(end - 1);
}

function verdict(
  status: VerdictStatus,
  code: VerdictCode,
  reason: string,
  fileSize: number,
  signatures: SignatureReport[] = [],
): Verdict {
  return { status, code, reason, fileSize, signatures, snapshot: null, snapshotProblem: null };
}

/** Parses a /M date (D:YYYYMMDDHHmmSSOHH'mm) into an ISO instant. */
export function parsePdfDate(s: string | undefined): Date | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(
    s ?? '',
  );
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', tz = 'Z'] = m;
  let offset = 0;
  if (tz !== 'Z') {
    const sign = tz.startsWith('-') ? -1 : 1;
    const digits = tz.replaceAll("'", '').slice(1);
    offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
  }
  const t = Date.UTC(+y!, +mo - 1, +d, +h, +mi, +se) - offset * 60_000;
  return Number.isFinite(t) ? new Date(t) : null;
}

async function verifyUnchecked(bytes: Uint8Array, options: VerifyOptions): Promise<Verdict> {
  const size = bytes.length;
  if (!hasPdfHeader(bytes)) return verdict('invalid', 'not_pdf', 'This file is not a PDF.', size);
  let state: PdfState;
  try {
    state = new PdfState(bytes);
    void state.catalog;
  } catch (err) {
    return verdict(
      'invalid',
      'damaged',
      `The PDF's structure is damaged or was tampered with: ${err instanceof Error ? err.message : String(err)}`,
      size,
    );
  }
  if (dictGet(state.trailer, 'Encrypt')) {
    return verdict(
      'indeterminate',
      'unsupported',
      'The PDF is encrypted; Roomcheck cannot check it.',
      size,
    );
  }
  let fields: SigField[];
  try {
    fields = findSignatures(state);
  } catch (err) {
    return verdict(
      'invalid',
      'damaged',
      `The PDF's form data is damaged: ${err instanceof Error ? err.message : String(err)}`,
      size,
    );
  }
  if (fields.length === 0)
    return verdict('invalid', 'no_signature', 'The PDF carries no digital signature.', size);

  const anchors = options.trustAnchors
    .map(toAnchor)
    .filter((a): a is X509Certificate => a !== null);
  const pins = new Set((options.pinnedFingerprints ?? []).map(normalizeFingerprint));
  const reports: SignatureReport[] = [];
  const coveredEnds: number[] = [];

  for (const [index, f] of fields.entries()) {
    const d = f.value;
    const text = (k: string) => decodeTextString(state.resolve(dictGet(d, k))) ?? null;
    const subFilter = asName(dictGet(d, 'SubFilter')) ?? null;
    const claimed = parsePdfDate(text('M') ?? undefined);
    const report: SignatureReport = {
      index,
      fieldName: f.name,
      status: 'invalid',
      code: 'byte_range',
      reason: '',
      signer: null,
      signingTime: claimed?.toISOString() ?? null,
      subFilter,
      name: text('Name'),
      signReason: text('Reason'),
      location: text('Location'),
      contactInfo: text('ContactInfo'),
      byteRange: null,
      coversWholeFile: false,
      intact: false,
      trusted: false,
      trustedBy: null,
      chain: [],
    };
    reports.push(report);
    const fail = (code: VerdictCode, reason: string) => {
      report.status = 'invalid';
      report.code = code;
      report.reason = reason;
    };

    if (subFilter !== 'ETSI.CAdES.detached' && subFilter !== 'adbe.pkcs7.detached') {
      report.status = 'indeterminate';
      report.code = 'unsupported';
      report.reason = `Signature format ${subFilter ?? '(none)'} is not supported.`;
      continue;
    }
    // ByteRange: four non-negative integers [0 a b c], gap exactly this /Contents.
    const br = dictGet(d, 'ByteRange');
    const nums =
      br?.kind === 'array' && br.items.length === 4
        ? br.items.map((x) =>
            x.kind === 'number' && x.integer && /^\d{1,12}$/.test(x.raw) ? x.value : -1,
          )
        : [];
    if (nums.length !== 4 || nums.some((n) => n < 0)) {
      fail('byte_range', "The signature's ByteRange is not four non-negative integers.");
      continue;
    }
    const [b0, b1, b2, b3] = nums as [number, number, number, number];
    report.byteRange = nums;
    const contents = dictGet(d, 'Contents');
    const span = d.spans.get('Contents');
    if (b0 !== 0) {
      fail('byte_range', "The signature's ByteRange does not start at the beginning of the file.");
      continue;
    }
    if (contents?.kind !== 'string' || !contents.hex || !span || f.valueObject.inObjectStream) {
      fail('byte_range', "The signature's /Contents is not a hex string in the file.");
      continue;
    }
    if (span.start !== b1 || span.end !== b2) {
      fail('byte_range', "The gap in the signature's ByteRange is not exactly its /Contents.");
      continue;
    }
    const coveredEnd = b2 + b3;
    if (coveredEnd > size) {
      fail('byte_range', "The signature's ByteRange runs past the end of the file.");
      continue;
    }
    if (!isRevisionEnd(bytes, coveredEnd)) {
      fail('byte_range', 'The signature does not cover its revision up to its end (%%EOF).');
      continue;
    }
    // The signature dictionary the document shows must be the one inside the signed bytes.
    try {
      // A signature over the whole file signs the state already read: no second parse.
      const signedState = coveredEnd === size ? state : new PdfState(bytes, coveredEnd);
      const signedObj = signedState.getObject(f.valueObject.num);
      if (!signedObj || signedObj.offset !== f.valueObject.offset) throw new Error('moved');
    } catch {
      fail('byte_range', 'The signature dictionary is not part of the revision it signs.');
      continue;
    }
    report.coversWholeFile = coveredEnd === size;
    coveredEnds.push(coveredEnd);
    if (contents.bytes.length > MAX_CMS_BYTES) {
      fail('bad_cms', 'The signature value is implausibly large.');
      continue;
    }
    const cms = checkCms(
      contents.bytes,
      [bytes.subarray(0, b1), bytes.subarray(b2, coveredEnd)],
      subFilter,
    );
    if (cms.signerCertificate) {
      try {
        report.signer = summarizeCertificate(new X509Certificate(cms.signerCertificate));
      } catch {
        report.signer = null;
      }
    }
    if (!cms.ok) {
      if (cms.code === 'unsupported') {
        report.status = 'indeterminate';
        report.code = 'unsupported';
        report.reason = cms.reason;
      } else fail(cms.code, cms.reason);
      continue;
    }
    report.intact = true;
    if (!report.signingTime && cms.signingTime) report.signingTime = cms.signingTime.toISOString();
    const at = claimed ?? cms.signingTime ?? new Date();
    const trust = evaluateTrust(cms.signerCertificate, cms.certificates, anchors, pins, at);
    report.chain = trust.chain;
    report.trusted = trust.trusted;
    report.trustedBy = trust.trustedBy;
    if (trust.problem) {
      report.status = 'indeterminate';
      report.code = trust.problem.code;
      report.reason = trust.problem.reason;
    } else {
      report.status = 'valid';
      report.code = 'ok';
      report.reason = `Signed by ${report.signer?.commonName ?? 'an unknown signer'}; the signature is intact and trusted.`;
    }
  }

  const out = verdict('valid', 'ok', '', size, reports);
  // Anything appended after the first signature must be a permitted update, and the file must
  // end where its last revision ends.
  if (coveredEnds.length > 0) {
    const revisions = checkLaterRevisions(bytes, state, Math.min(...coveredEnds));
    if (!revisions.ok) {
      out.status = 'invalid';
      out.code = 'modified';
      out.reason = revisions.reason;
    } else {
      for (const [i, end] of coveredEnds.entries()) {
        if (!revisions.boundaries.includes(skipEol(bytes, end))) {
          out.status = 'invalid';
          out.code = 'byte_range';
          out.reason = `Signature ${i + 1} does not end at a revision of the file.`;
        }
      }
    }
  }
  if (out.status === 'valid') {
    const worst = [...reports].sort((a, b) => RANK[b.status] - RANK[a.status])[0]!;
    out.status = worst.status;
    out.code = worst.code;
    out.reason =
      worst.status === 'valid'
        ? reports.length === 1
          ? worst.reason
          : `All ${reports.length} signatures are intact and trusted.`
        : `Signature ${worst.index + 1}${worst.name ? ` (${worst.name})` : ''}: ${worst.reason}`;
  }
  if (options.summarizeSnapshot === false) return out;
  try {
    out.snapshot = summarizeSnapshot(readSnapshotFromState(state));
  } catch (err) {
    out.snapshotProblem = err instanceof Error ? err.message : String(err);
  }
  return out;
}

/** Verifies every signature of a PDF. Never throws: broken input yields an "invalid" verdict. */
export async function verifyPdf(bytes: Uint8Array, options: VerifyOptions): Promise<Verdict> {
  try {
    return await verifyUnchecked(bytes, options);
  } catch (err) {
    // A bug or an input shape we did not foresee: fail closed, keep a readable reason.
    return verdict(
      'invalid',
      'damaged',
      `The PDF could not be checked: ${err instanceof Error ? err.message : String(err)}`,
      bytes.length,
    );
  }
}
