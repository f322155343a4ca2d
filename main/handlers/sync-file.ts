import type { Handler } from '../bridge/router.ts';
import { TrustStore } from '../identity/trust-store.ts';
import { signSyncFile, verifySyncFile } from '../hub/sync-file-signature.ts';
import { asUserErrors } from './signing-errors.ts';
import { unlockIdentity } from './unlock-identity.ts';

// Sync files for air-gapped sites: signed with the inspector's signing identity, checked
// against this installation's trust list before the renderer loads a single document.

export const syncFileSign: Handler<'syncFileSign'> = (req, ctx) =>
  asUserErrors(async () => {
    const signer = await unlockIdentity(req.identityId, req.passphrase, ctx);
    return { cmsBase64: Buffer.from(signSyncFile(req.sha256, signer)).toString('base64') };
  });

export const syncFileVerify: Handler<'syncFileVerify'> = async (req, ctx) =>
  verifySyncFile(
    req.sha256,
    new Uint8Array(Buffer.from(req.cmsBase64, 'base64')),
    await new TrustStore(ctx.dataDir).verifyOptions(),
  );
