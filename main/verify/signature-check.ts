import {
  formatVerifyMessage,
  verifyMessage,
  type VerifyMessage,
} from '../../shared/verify/messages.ts';
import type { SignatureReport, VerdictCode } from '../../shared/verify/verdict.ts';
import {
  PdfSyntaxError,
  asName,
  decodeTextString,
  dictGet,
  type PdfDict,
} from '../pdf/pdf-syntax.ts';
import type { PdfDocument, PdfObject } from '../pdf/pdf-file.ts';
import { lastStartxref } from '../pdf/xref.ts';
import { evaluateTrust, summarizeCertificate, x509, type TrustContext } from './chain.ts';
import { checkSignedData, digestFor, hashParts, type CmsOutcome } from './cms-verify.ts';
import type { FormField } from './form-fields.ts';
import { readPermissions, type SignaturePermissions } from './mdp.ts';
import { OID } from './oids.ts';
import { checkTimestampToken } from './timestamp.ts';

// One signature field's value, checked on its own: the ByteRange covers exactly its revision
// but the signature value, the revision is one the file really has, the signature dictionary
// lies inside it, the CMS (or, for a document timestamp, the RFC 3161 token) verifies over
// those bytes, and the signer chains to a trust anchor at the time a timestamp vouches for (or,
// without one, the time the signer claims).

/** No real CMS signature comes near this; bigger is an attack on memory or time. */
const MAX_CMS_BYTES = 1024 * 1024;

export type SignatureCheck = {
  report: SignatureReport;
  /** The revision (0-based) the signature signs, when it could be placed. */
  revision: number | null;
  /** Object number of the signature dictionary, when it is indirect. */
  dictionaryNum: number | null;
  permissions: SignaturePermissions;
  coveredEnd: number | null;
};

const DETACHED = new Set(['adbe.pkcs7.detached', 'ETSI.CAdES.detached']);

/** Parses a /M date (D:YYYYMMDDHHmmSSOHH'mm) into an instant. */
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

function eofBefore(bytes: Uint8Array, end: number): boolean {
  const at = (e: number) =>
    e >= 5 && Buffer.from(bytes.subarray(e - 5, e)).toString('latin1') === '%%EOF';
  if (at(end)) return true;
  if (bytes[end - 1] === 0x0a && (at(end - 1) || (bytes[end - 2] === 0x0d && at(end - 2))))
    return true;
  return bytes[end - 1] === 0x0d && at(end - 1);
}

/** Nothing but whitespace (which is not content) follows `from`. */
export function onlyWhitespaceAfter(bytes: Uint8Array, from: number): boolean {
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0x0c && b !== 0x00)
      return false;
  }
  return true;
}

function skipEol(bytes: Uint8Array, at: number): number {
  let end = at;
  if (bytes[end] === 0x0d) end++;
  if (bytes[end] === 0x0a) end++;
  return end;
}

class Refusal extends Error {
  constructor(
    readonly status: 'invalid' | 'indeterminate',
    readonly code: VerdictCode,
    readonly detail: VerifyMessage,
  ) {
    super(detail.code);
  }
}

export function checkSignature(
  doc: PdfDocument,
  field: FormField,
  index: number,
  trust: TrustContext,
): SignatureCheck {
  const final = doc.last;
  const bytes = doc.bytes;
  const size = bytes.length;
  const valueRef = field.value;
  const dictionaryNum = valueRef?.kind === 'ref' ? valueRef.num : null;
  let valueObject: PdfObject | null = null;
  try {
    valueObject = dictionaryNum !== null ? final.getObject(dictionaryNum) : null;
  } catch (err) {
    if (!(err instanceof PdfSyntaxError)) throw err;
  }
  const d: PdfDict =
    valueObject?.value.kind === 'dict'
      ? valueObject.value
      : valueRef?.kind === 'dict'
        ? valueRef
        : { kind: 'dict', entries: new Map(), spans: new Map() };
  const holder =
    dictionaryNum !== null ? valueObject : field.num !== null ? final.getObject(field.num) : null;
  const text = (k: string) => decodeTextString(final.resolve(dictGet(d, k))) ?? null;
  const subFilter = asName(dictGet(d, 'SubFilter')) ?? null;
  const timestampKind =
    subFilter === 'ETSI.RFC3161' || asName(dictGet(d, 'Type')) === 'DocTimeStamp';
  const permissions = readPermissions(final, d, field.dict);
  const claimed = parsePdfDate(text('M') ?? undefined);
  const report: SignatureReport = {
    index,
    fieldName: field.name || null,
    kind: timestampKind ? 'timestamp' : permissions.docMdp !== null ? 'certification' : 'approval',
    docMdp: permissions.docMdp,
    revision: null,
    status: 'invalid',
    code: 'byte_range',
    message: verifyMessage('br_not_four'),
    reason: '',
    signer: null,
    signingTime: claimed?.toISOString() ?? null,
    timestamp: null,
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
    laterChanges: [],
  };
  const result: SignatureCheck = {
    report,
    revision: null,
    dictionaryNum,
    permissions,
    coveredEnd: null,
  };
  const finish = (status: SignatureReport['status'], code: VerdictCode, message: VerifyMessage) => {
    report.status = status;
    report.code = code;
    report.message = message;
    report.reason = formatVerifyMessage(message, 'en');
    return result;
  };
  try {
    if (dictionaryNum !== null && !valueObject)
      throw new Refusal(
        'invalid',
        'damaged',
        verifyMessage('sig_dictionary_unreadable', { num: dictionaryNum }),
      );
    // ByteRange: four non-negative integers [0 a b c], the gap exactly this /Contents.
    const br = dictGet(d, 'ByteRange');
    const nums =
      br?.kind === 'array' && br.items.length === 4
        ? br.items.map((x) =>
            x.kind === 'number' && x.integer && /^\+?\d{1,12}$/.test(x.raw) ? x.value : -1,
          )
        : [];
    if (nums.length !== 4 || nums.some((n) => n < 0))
      throw new Refusal('invalid', 'byte_range', verifyMessage('br_not_four'));
    const [b0, b1, b2, b3] = nums as [number, number, number, number];
    report.byteRange = nums;
    const contents = dictGet(d, 'Contents');
    const span = d.spans.get('Contents');
    if (b0 !== 0) throw new Refusal('invalid', 'byte_range', verifyMessage('br_not_start'));
    if (contents?.kind !== 'string' || !contents.hex || !span || !holder || holder.inObjectStream)
      throw new Refusal('invalid', 'byte_range', verifyMessage('br_no_contents'));
    if (span.start !== b1 || span.end !== b2)
      throw new Refusal('invalid', 'byte_range', verifyMessage('br_gap'));
    const end = b2 + b3;
    if (end > size) throw new Refusal('invalid', 'byte_range', verifyMessage('br_past_end'));
    if (!eofBefore(bytes, end))
      throw new Refusal('invalid', 'byte_range', verifyMessage('br_not_revision_end'));
    result.coveredEnd = end;
    // The signed bytes must be a revision of the file as it is read now, ending where the
    // signer's own `startxref` said it did, with the signature dictionary inside it.
    const placed = placeRevision(doc, end);
    if (placed === null && !doc.recovered)
      throw new Refusal('invalid', 'byte_range', verifyMessage('br_not_a_revision'));
    if (placed !== null) {
      result.revision = placed;
      report.revision = placed + 1;
      const signedView = doc.view(placed);
      const num = dictionaryNum ?? field.num;
      let inside: PdfObject | null = null;
      try {
        inside = num !== null ? signedView.getObject(num) : null;
      } catch (err) {
        if (!(err instanceof PdfSyntaxError)) throw err;
      }
      if (!inside || inside.offset !== holder.offset)
        throw new Refusal('invalid', 'byte_range', verifyMessage('br_dict_outside'));
    }
    report.coversWholeFile = onlyWhitespaceAfter(bytes, end);
    if (!timestampKind && !DETACHED.has(subFilter ?? '') && subFilter !== 'adbe.pkcs7.sha1')
      throw new Refusal(
        'indeterminate',
        'unsupported',
        verifyMessage('subfilter_unsupported', { subFilter: subFilter ?? '(none)' }),
      );
    if (contents.bytes.length > MAX_CMS_BYTES)
      throw new Refusal('invalid', 'bad_cms', verifyMessage('cms_too_large'));
    const parts = [bytes.subarray(0, b1), bytes.subarray(b2, end)];
    checkCryptography(report, contents.bytes, parts, subFilter, timestampKind, claimed, trust);
    if (report.status === 'valid' && doc.recovered && placed === null)
      return finish('indeterminate', 'damaged', verifyMessage('rebuilt_changes_unknown'));
    return result;
  } catch (err) {
    if (err instanceof Refusal) return finish(err.status, err.code, err.detail);
    throw err;
  }

  function checkCryptography(
    r: SignatureReport,
    cmsBytes: Uint8Array,
    parts: Uint8Array[],
    sf: string | null,
    isTimestamp: boolean,
    claimedAt: Date | null,
    ctx: TrustContext,
  ): void {
    let cms: CmsOutcome;
    if (isTimestamp) {
      const ts = checkTimestampToken(cmsBytes, parts, ctx);
      cms = ts.cms;
      r.timestamp = ts.summary;
      setSigner(r, cms);
      if (!ts.summary.intact) {
        const mismatch = ts.summary.message?.code === 'ts_imprint_mismatch';
        const status = mismatch || cms.status === 'invalid' ? 'invalid' : 'indeterminate';
        const code = mismatch ? 'digest_mismatch' : cms.code === 'ok' ? 'bad_cms' : cms.code;
        throw new Refusal(status, code, ts.summary.message ?? verifyMessage('ts_unparseable'));
      }
      r.intact = true;
      if (ts.trust) {
        r.chain = ts.trust.chain;
        r.trusted = ts.trust.trusted;
        r.trustedBy = ts.trust.trustedBy;
      }
      if (cms.status !== 'ok') throw new Refusal('indeterminate', cms.code, cms.message!);
      if (ts.trust?.problem)
        throw new Refusal('indeterminate', ts.trust.problem.code, ts.trust.problem.message);
      finish(
        'valid',
        'ok',
        verifyMessage('timestamp_valid', { signer: r.signer?.commonName ?? '—' }),
      );
      return;
    }
    if (sf === 'adbe.pkcs7.sha1') {
      cms = checkSignedData(cmsBytes, {
        content: 'encapsulated',
        contentType: OID.data,
        requireSigningCertificate: false,
      });
      setSigner(r, cms);
      if (cms.status === 'invalid') throw new Refusal('invalid', cms.code, cms.message!);
      if (
        !cms.eContent ||
        !Buffer.from(cms.eContent).equals(Buffer.from(hashParts(digestFor(OID.sha1)!, parts)))
      )
        throw new Refusal('invalid', 'digest_mismatch', verifyMessage('digest_mismatch'));
      r.intact = cms.status === 'ok' || cms.code === 'weak_algorithm';
      throw new Refusal(
        'indeterminate',
        'weak_algorithm',
        verifyMessage('weak_digest', { algorithm: 'SHA-1 (adbe.pkcs7.sha1)' }),
      );
    }
    cms = checkSignedData(cmsBytes, {
      content: parts,
      contentType: OID.data,
      requireSigningCertificate: sf === 'ETSI.CAdES.detached',
    });
    setSigner(r, cms);
    if (cms.status === 'invalid') throw new Refusal('invalid', cms.code, cms.message!);
    // Verified but indeterminate (a weak algorithm, not PAdES baseline): the bytes are intact.
    r.intact =
      cms.status === 'ok' || cms.code === 'weak_algorithm' || cms.code === 'not_pades_baseline';
    if (cms.status !== 'ok') throw new Refusal('indeterminate', cms.code, cms.message!);
    if (!r.signingTime && cms.signingTime) r.signingTime = cms.signingTime.toISOString();
    let at = claimedAt ?? cms.signingTime ?? new Date();
    if (cms.timestampToken && cms.signatureValue) {
      const ts = checkTimestampToken(cms.timestampToken, [cms.signatureValue], ctx);
      r.timestamp = ts.summary;
      if (ts.summary.intact && ts.summary.trusted && ts.genTime) at = ts.genTime;
    }
    const trustResult = evaluateTrust(cms.signerCertificate!, cms.certificates, ctx, at);
    r.chain = trustResult.chain;
    r.trusted = trustResult.trusted;
    r.trustedBy = trustResult.trustedBy;
    if (trustResult.problem)
      throw new Refusal('indeterminate', trustResult.problem.code, trustResult.problem.message);
    finish('valid', 'ok', verifyMessage('sig_valid', { signer: r.signer?.commonName ?? '—' }));
  }
}

function setSigner(r: SignatureReport, cms: CmsOutcome): void {
  if (!cms.signerCertificate) return;
  try {
    r.signer = summarizeCertificate(x509(cms.signerCertificate));
  } catch {
    r.signer = null;
  }
}

/**
 * The revision whose end is the end of the signed bytes, provided the `startxref` the signer
 * wrote before that end names that revision's own cross-reference section.
 */
function placeRevision(doc: PdfDocument, end: number): number | null {
  if (doc.recovered) return skipEol(doc.bytes, end) >= doc.bytes.length ? 0 : null;
  const bytes = doc.bytes;
  const rev = doc.revisions.find(
    (r) => r.closed && (r.end === end || r.end === skipEol(bytes, end)),
  );
  if (!rev) return null;
  const written = lastStartxref(bytes.subarray(0, end));
  const newest = rev.sections[rev.sections.length - 1]!;
  return written === newest.requested ? rev.index : null;
}
