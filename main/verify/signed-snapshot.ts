import { verifyMessage, type VerifyMessage } from '../../shared/verify/messages.ts';
import type { AuditSnapshot } from '../../shared/snapshot/schema.ts';
import { BudgetExceeded } from '../pdf/budget.ts';
import type { PdfDocument, RevisionView } from '../pdf/pdf-file.ts';
import { dictGet, PdfSyntaxError } from '../pdf/pdf-syntax.ts';
import {
  findSnapshotFileSpec,
  readSnapshotFromState,
  SNAPSHOT_LIMITS,
  SnapshotError,
} from '../report/embed-snapshot.ts';
import type { SignatureCheck } from './signature-check.ts';

// The audit a report carries is read from the revision the first intact signature covers, never
// from whatever a later revision put in its place: a later revision may replace audit.json
// (and is then judged a change that is not permitted), but the replacement is never shown as
// if the signature covered it.

export type SignedSnapshot = {
  snapshot: AuditSnapshot | null;
  /** 1-based number of the signature that covers it. */
  signature: number | null;
  replaced: boolean;
  problem: VerifyMessage | null;
};

function streamNum(view: RevisionView): number | null {
  try {
    const spec = findSnapshotFileSpec(view);
    if (!spec) return null;
    const f = dictGet(view.lookup(spec, 'EF'), 'F') ?? dictGet(view.lookup(spec, 'EF'), 'UF');
    return f?.kind === 'ref' ? f.num : -1;
  } catch (err) {
    if (err instanceof PdfSyntaxError) return null;
    throw err;
  }
}

const LIMIT_TEXT = `${SNAPSHOT_LIMITS.maxBytes / 1024 / 1024} MB`;

export function readSignedSnapshot(
  doc: PdfDocument,
  checks: readonly SignatureCheck[],
): SignedSnapshot {
  const out: SignedSnapshot = { snapshot: null, signature: null, replaced: false, problem: null };
  const covering = checks
    .filter((c) => c.report.intact && c.revision !== null)
    .sort((a, b) => a.revision! - b.revision!);
  const final = doc.last;
  for (const c of covering) {
    const view = doc.view(c.revision!);
    const num = streamNum(view);
    if (num === null) continue;
    out.signature = c.report.index + 1;
    const now = streamNum(final);
    const last = doc.revisions.length - 1;
    out.replaced =
      now !== num || (num >= 0 && doc.index.entry(num, last) !== doc.index.entry(num, c.revision!));
    try {
      out.snapshot = readSnapshotFromState(view);
    } catch (err) {
      if (err instanceof SnapshotError)
        out.problem = err.tooLarge
          ? verifyMessage('snapshot_too_large', { limit: LIMIT_TEXT })
          : verifyMessage('snapshot_unreadable', { detail: err.message });
      else if (err instanceof BudgetExceeded)
        out.problem = verifyMessage('snapshot_too_large', { limit: LIMIT_TEXT });
      else if (err instanceof PdfSyntaxError)
        out.problem = verifyMessage('snapshot_unreadable', { detail: err.message });
      else throw err;
    }
    return out;
  }
  out.problem =
    streamNum(final) !== null
      ? verifyMessage('snapshot_not_signed')
      : verifyMessage('snapshot_none');
  return out;
}
