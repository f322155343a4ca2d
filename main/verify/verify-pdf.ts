import { X509Certificate } from 'node:crypto';
import {
  formatVerifyMessage,
  verifyMessage,
  type VerifyMessage,
} from '../../shared/verify/messages.ts';
import {
  summarizeSnapshot,
  type LaterChange,
  type SignatureReport,
  type Verdict,
  type VerdictCode,
  type VerdictStatus,
} from '../../shared/verify/verdict.ts';
import type { AuditSnapshot } from '../../shared/snapshot/schema.ts';
import { BudgetExceeded, WorkBudget, type BudgetLimits } from '../pdf/budget.ts';
import { hasPdfHeader, PdfDocument } from '../pdf/pdf-file.ts';
import { dictGet, PdfSyntaxError } from '../pdf/pdf-syntax.ts';
import { ChangeAnalyzer, type RawChange, type SignatureNaming } from './changes.ts';
import type { TrustContext } from './chain.ts';
import { readFormFields } from './form-fields.ts';
import { lockCovers } from './mdp.ts';
import { checkSignature, onlyWhitespaceAfter, type SignatureCheck } from './signature-check.ts';
import { readSignedSnapshot } from './signed-snapshot.ts';

// The one verifier for the app and the CLI. Each signature gets its own status over the
// revision it signs (intact or not, trusted or not) and the list of every later change, judged
// by the standard's permitted-change rules. The document is valid when every signature is
// intact and trusted and every later change is permitted; invalid only for a broken signature
// or a change that is not permitted; indeterminate otherwise (not trusted, a weak algorithm, a
// format we do not check, a file past the verification budget). It never throws for bad input.

export type { Verdict } from '../../shared/verify/verdict.ts';
export { parsePdfDate } from './signature-check.ts';

export type VerifyOptions = {
  /** Organisation CA certificates the user imported: PEM strings, DER bytes or parsed. */
  trustAnchors: ReadonlyArray<string | Uint8Array | X509Certificate>;
  /** SHA-256 fingerprints (hex, any case, colons allowed) of certificates trusted as they are. */
  pinnedFingerprints?: readonly string[];
  /** Read the embedded snapshot and summarise it in the verdict (default true). */
  summarizeSnapshot?: boolean;
  /** Overrides of the verification budget (tests, benchmarks). */
  budget?: Partial<BudgetLimits>;
};

export type VerifyResult = {
  verdict: Verdict;
  /** The embedded audit as the covering signature signed it (null when none is shown). */
  snapshot: AuditSnapshot | null;
};

const RANK: Record<VerdictStatus, number> = { valid: 0, indeterminate: 1, invalid: 2 };

export const normalizeFingerprint = (fp: string): string =>
  fp.replaceAll(':', '').trim().toLowerCase();

function toAnchor(a: string | Uint8Array | X509Certificate): X509Certificate | null {
  try {
    return a instanceof X509Certificate ? a : new X509Certificate(a);
  } catch {
    return null;
  }
}

/** The anchors and pins a caller gave, parsed once; an unreadable anchor trusts nothing. */
export function trustContextOf(
  options: Pick<VerifyOptions, 'trustAnchors' | 'pinnedFingerprints'>,
): TrustContext {
  return {
    anchors: options.trustAnchors.map(toAnchor).filter((a): a is X509Certificate => a !== null),
    pins: new Set((options.pinnedFingerprints ?? []).map(normalizeFingerprint)),
  };
}

/** A verdict about the file as a whole (no signature checked yet), with the work spent. */
export function baseVerdict(
  status: VerdictStatus,
  code: VerdictCode,
  message: VerifyMessage,
  fileSize: number,
  work: Pick<WorkBudget, 'usage'> = new WorkBudget(),
): Verdict {
  return {
    status,
    code,
    message,
    reason: formatVerifyMessage(message, 'en'),
    fileSize,
    revisions: 0,
    warnings: [],
    signatures: [],
    snapshot: null,
    snapshotSignature: null,
    snapshotReplaced: false,
    snapshotProblem: null,
    work: work.usage(),
  };
}

type Judged = { revision: number; permitted: boolean; message: VerifyMessage };

/** Whether the file's signatures permit one change made in revision `rev` (0-based). */
function judge(change: RawChange, rev: number, checks: readonly SignatureCheck[]): Judged {
  const before = checks.filter((c) => c.revision !== null && c.revision < rev);
  const certification =
    before.find((c) => c.permissions.docMdp !== null)?.permissions.docMdp ?? null;
  let message = change.message;
  let permitted: boolean;
  switch (change.level) {
    case 'lta':
      permitted = true;
      break;
    case 'form':
      permitted = certification === null || certification >= 2;
      if (!permitted)
        message = verifyMessage('change_not_permitted_by_certification', { change: message });
      else if (change.newSignatureField && certification !== null && certification < 3) {
        permitted = false;
        message = verifyMessage('change_new_field_after_certification');
      }
      break;
    case 'annotate':
      permitted = certification === 3;
      if (!permitted)
        message =
          certification === 1
            ? verifyMessage('change_not_permitted_by_certification', { change: message })
            : verifyMessage('change_annotations_not_permitted', { change: message });
      break;
    default:
      permitted = false;
  }
  if (permitted && change.fields?.length) {
    const locked = change.fields.find((f) =>
      before.some((c) => c.permissions.locks.some((l) => lockCovers(l, f))),
    );
    if (locked !== undefined) {
      permitted = false;
      message = verifyMessage('change_field_locked', { field: locked });
    }
  }
  return { revision: rev + 1, permitted, message };
}

function analyseChanges(
  doc: PdfDocument,
  checks: readonly SignatureCheck[],
  naming: SignatureNaming,
): Judged[] {
  const placed = checks.filter((c) => c.revision !== null).map((c) => c.revision!);
  if (placed.length === 0 || doc.recovered) return [];
  const first = Math.min(...placed);
  const analyzer = new ChangeAnalyzer(doc, naming);
  const out: Judged[] = [];
  for (let rev = first + 1; rev < doc.revisions.length; rev++) {
    let raw: RawChange[];
    try {
      raw = analyzer.analyze(rev);
    } catch (err) {
      if (!(err instanceof PdfSyntaxError)) throw err;
      raw = [
        { message: verifyMessage('change_unreadable', { detail: err.message }), level: 'never' },
      ];
    }
    for (const c of raw) out.push(judge(c, rev, checks));
  }
  // After the last revision: whitespace is not content; anything else was appended unsigned.
  const lastEnd = Math.min(doc.revisions[doc.revisions.length - 1]!.end, doc.bytes.length);
  if (lastEnd < doc.bytes.length) {
    const whitespace = onlyWhitespaceAfter(doc.bytes, lastEnd);
    out.push({
      revision: doc.revisions.length + 1,
      permitted: whitespace,
      message: whitespace
        ? verifyMessage('change_trailing_whitespace')
        : verifyMessage('change_trailing_bytes', { count: doc.bytes.length - lastEnd }),
    });
  }
  return out;
}

function overall(
  reports: readonly SignatureReport[],
  changes: readonly Judged[],
  checks: readonly SignatureCheck[],
): { status: VerdictStatus; code: VerdictCode; message: VerifyMessage } {
  const says = (s: SignatureReport) =>
    verifyMessage('signature_says', {
      n: s.index + 1,
      name: s.signer?.commonName || s.name || s.fieldName || '—',
      reason: s.message,
    });
  const broken = reports.find((s) => s.status === 'invalid');
  if (broken) return { status: 'invalid', code: broken.code, message: says(broken) };
  const refused = changes.find((c) => !c.permitted);
  if (refused) {
    const after = [...checks]
      .filter((c) => c.revision !== null && c.revision + 1 < refused.revision)
      .sort((a, b) => b.revision! - a.revision!)[0];
    return {
      status: 'invalid',
      code: 'modified',
      message: verifyMessage('modified', {
        revision: refused.revision,
        n: (after?.report.index ?? 0) + 1,
        change: refused.message,
      }),
    };
  }
  const worst = [...reports].sort((a, b) => RANK[b.status] - RANK[a.status])[0]!;
  if (worst.status !== 'valid')
    return { status: worst.status, code: worst.code, message: says(worst) };
  return {
    status: 'valid',
    code: 'ok',
    message:
      reports.length === 1
        ? verifyMessage('one_valid', { signer: worst.signer?.commonName ?? '—' })
        : verifyMessage('all_valid', { count: reports.length }),
  };
}

function verifyUnchecked(
  bytes: Uint8Array,
  options: VerifyOptions,
  budget: WorkBudget,
): VerifyResult {
  const size = bytes.length;
  const fail = (status: VerdictStatus, code: VerdictCode, message: VerifyMessage) => ({
    verdict: baseVerdict(status, code, message, size, budget),
    snapshot: null,
  });
  if (!hasPdfHeader(bytes)) return fail('invalid', 'not_pdf', verifyMessage('not_pdf'));
  let doc: PdfDocument;
  try {
    doc = new PdfDocument(bytes, budget);
  } catch (err) {
    if (err instanceof PdfSyntaxError)
      return fail('invalid', 'damaged', verifyMessage('damaged', { detail: err.message }));
    throw err;
  }
  const warnings = doc.warnings.map((w) => verifyMessage(w));
  const final = doc.last;
  if (dictGet(final.trailer, 'Encrypt')) {
    const r = fail('indeterminate', 'encrypted', verifyMessage('encrypted'));
    r.verdict.warnings = warnings;
    r.verdict.revisions = doc.revisions.length;
    return r;
  }
  const fields = readFormFields(final).fields.filter(
    (f) => f.type === 'Sig' && f.value !== undefined,
  );
  if (fields.length === 0) {
    const r = fail('invalid', 'no_signature', verifyMessage('no_signature'));
    r.verdict.warnings = warnings;
    r.verdict.revisions = doc.revisions.length;
    return r;
  }
  const trust = trustContextOf(options);
  // Signatures in the order they were made (by the end of the bytes they sign).
  const checks = fields
    .map((f, i) => checkSignature(doc, f, i, trust))
    .sort((a, b) => (a.coveredEnd ?? Infinity) - (b.coveredEnd ?? Infinity));
  checks.forEach((c, i) => (c.report.index = i));
  const reports = checks.map((c) => c.report);
  const naming: SignatureNaming = {
    byField: (name) => {
      const c = checks.find((x) => x.report.fieldName === name || (!x.report.fieldName && !name));
      if (!c) return null;
      return {
        n: c.report.index + 1,
        signer: c.report.signer?.commonName || c.report.name || name,
        timestamp: c.report.kind === 'timestamp',
      };
    },
    bySignatureDictionary: (num) => {
      const c = checks.find((x) => x.dictionaryNum === num);
      return c ? c.report.index + 1 : null;
    },
  };
  const changes = analyseChanges(doc, checks, naming);
  for (const c of checks) {
    const from = c.revision ?? Infinity;
    c.report.laterChanges = changes
      .filter((ch) => ch.revision - 1 > from)
      .map((ch): LaterChange => ({
        revision: ch.revision,
        permitted: ch.permitted,
        message: ch.message,
      }));
  }
  const verdictParts = overall(reports, changes, checks);
  const verdict = baseVerdict(
    verdictParts.status,
    verdictParts.code,
    verdictParts.message,
    size,
    budget,
  );
  verdict.warnings = warnings;
  verdict.revisions = doc.revisions.length;
  verdict.signatures = reports;
  verdict.work = budget.usage();
  if (options.summarizeSnapshot === false) return { verdict, snapshot: null };
  const signed = readSignedSnapshot(doc, checks);
  verdict.snapshotSignature = signed.signature;
  verdict.snapshotReplaced = signed.replaced;
  verdict.snapshotProblem = signed.problem;
  if (signed.snapshot) verdict.snapshot = summarizeSnapshot(signed.snapshot);
  verdict.work = budget.usage();
  return { verdict, snapshot: signed.snapshot };
}

/** Verifies every signature of a PDF and reads the audit it signs. Never throws. */
export async function verifyReport(
  bytes: Uint8Array,
  options: VerifyOptions,
): Promise<VerifyResult> {
  const budget = new WorkBudget(options.budget);
  try {
    return verifyUnchecked(bytes, options, budget);
  } catch (err) {
    if (err instanceof BudgetExceeded)
      return {
        verdict: baseVerdict(
          'indeterminate',
          'budget',
          verifyMessage('budget', { resource: err.resource }),
          bytes.length,
          budget,
        ),
        snapshot: null,
      };
    // A bug or an input shape we did not foresee: fail closed, keep a readable reason.
    return {
      verdict: baseVerdict(
        'invalid',
        'damaged',
        verifyMessage('internal_error', {
          detail: err instanceof Error ? err.message : String(err),
        }),
        bytes.length,
        budget,
      ),
      snapshot: null,
    };
  }
}

/** Verifies every signature of a PDF. Never throws: broken input yields a verdict. */
export async function verifyPdf(bytes: Uint8Array, options: VerifyOptions): Promise<Verdict> {
  return (await verifyReport(bytes, options)).verdict;
}
