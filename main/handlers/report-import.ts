import { UserError, type Handler } from '../bridge/router.ts';
import { TrustStore } from '../identity/trust-store.ts';
import { extractSnapshot, SnapshotError } from '../report/embed-snapshot.ts';
import { verifyPdf } from '../verify/verify-pdf.ts';

// A signed report offered for import: the verdict decides whether its embedded snapshot may be
// imported at all. An invalid report's snapshot is never read out, so nothing from a file whose
// signature fails can reach the database; an indeterminate one (e.g. a signer this installation
// does not trust yet) comes back with its snapshot for the user to confirm explicitly.

export const reportReadForImport: Handler<'reportReadForImport'> = async (req, ctx) => {
  const bytes = new Uint8Array(Buffer.from(req.pdfBase64, 'base64'));
  let verdict;
  try {
    verdict = await verifyPdf(bytes, await new TrustStore(ctx.dataDir).verifyOptions());
  } catch (err) {
    throw new UserError(
      `The file could not be verified: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  if (verdict.status === 'invalid') return { verdict, snapshot: null, snapshotProblem: null };
  try {
    return { verdict, snapshot: extractSnapshot(bytes), snapshotProblem: null };
  } catch (err) {
    if (err instanceof SnapshotError)
      return { verdict, snapshot: null, snapshotProblem: err.message };
    throw err;
  }
};
