import type { Handler } from '../bridge/router.ts';
import { IdentityStore } from '../identity/identity-store.ts';
import { protectorForChoice } from '../identity/protector-choice.ts';
import { TrustStore } from '../identity/trust-store.ts';
import { asUserErrors } from './signing-errors.ts';

// Signing identities and trust anchors. Private keys stay in main: these calls return
// summaries (certificate subject, fingerprint, CSR text), never key material.

export const identityList: Handler<'identityList'> = (_req, ctx) =>
  asUserErrors(async () => ({ identities: await new IdentityStore(ctx.dataDir).list() }));

export const identityCreateSelfIssued: Handler<'identityCreateSelfIssued'> = (req, ctx) =>
  asUserErrors(async () =>
    new IdentityStore(ctx.dataDir).createSelfIssued(
      req.label,
      req.subject,
      req.keyAlgorithm,
      req.validDays,
      await protectorForChoice(req.protection, ctx.transport),
    ),
  );

export const identityCreateCsr: Handler<'identityCreateCsr'> = (req, ctx) =>
  asUserErrors(async () =>
    new IdentityStore(ctx.dataDir).createCsr(
      req.label,
      req.subject,
      req.keyAlgorithm,
      await protectorForChoice(req.protection, ctx.transport),
    ),
  );

/** PEM text passes through; anything else must be base64 DER. */
function certificateInput(text: string): string | Uint8Array {
  return text.includes('-----BEGIN') ? text : new Uint8Array(Buffer.from(text.trim(), 'base64'));
}

export const identityImportCertificate: Handler<'identityImportCertificate'> = (req, ctx) =>
  asUserErrors(() =>
    new IdentityStore(ctx.dataDir).importCertificate(
      req.identityId,
      certificateInput(req.certificate),
    ),
  );

export const identityImportP12: Handler<'identityImportP12'> = (req, ctx) =>
  asUserErrors(async () =>
    new IdentityStore(ctx.dataDir).importP12(
      req.label,
      new Uint8Array(Buffer.from(req.p12Base64, 'base64')),
      req.p12Passphrase,
      await protectorForChoice(req.protection, ctx.transport),
    ),
  );

export const identityRemove: Handler<'identityRemove'> = (req, ctx) =>
  asUserErrors(async () => {
    await new IdentityStore(ctx.dataDir).remove(req.identityId);
    return { removed: true as const };
  });

export const trustAnchorList: Handler<'trustAnchorList'> = (_req, ctx) =>
  asUserErrors(() => new TrustStore(ctx.dataDir).list());

export const trustAnchorImport: Handler<'trustAnchorImport'> = (req, ctx) =>
  asUserErrors(() => {
    const store = new TrustStore(ctx.dataDir);
    return req.kind === 'certificate'
      ? store.importCertificates(certificateInput(req.data))
      : store.pin(req.fingerprint, req.label);
  });

export const trustAnchorRemove: Handler<'trustAnchorRemove'> = (req, ctx) =>
  asUserErrors(() => new TrustStore(ctx.dataDir).remove(req.fingerprint));
