import { UserError, type Handler } from '../bridge/router.ts';
import { TrustStore } from '../identity/trust-store.ts';
import { verifyInWorker } from '../verify/run-verification.ts';

// A signed report offered for import: the verdict decides whether its embedded snapshot may be
// imported at all. An invalid report's snapshot is never handed out, so nothing from a file
// whose signature fails (or that was changed in a way not permitted) can reach the database;
// an indeterminate one (e.g. a signer this installation does not trust yet) comes back with its
// snapshot for the user to confirm explicitly. The snapshot is the one the covering signature
// signed, read from that signature's revision (verdict.snapshotProblem says why there is none).

export const reportReadForImport: Handler<'reportReadForImport'> = async (req, ctx) => {
  const bytes = new Uint8Array(Buffer.from(req.pdfBase64, 'base64'));
  let result;
  try {
    result = await verifyInWorker(bytes, await new TrustStore(ctx.dataDir).verifyOptions());
  } catch (err) {
    throw new UserError(
      `The file could not be verified: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const { verdict, snapshot } = result;
  return { verdict, snapshot: verdict.status === 'invalid' ? null : snapshot };
};
