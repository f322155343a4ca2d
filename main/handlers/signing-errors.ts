import { UserError } from '../bridge/router.ts';
import { IdentityError } from '../identity/identity-store.ts';
import { KeyProtectionError } from '../identity/key-protector.ts';
import { P12Error } from '../identity/p12.ts';
import { TrustStoreError } from '../identity/trust-store.ts';
import { TooManyAttemptsError, WrongPassphraseError } from '../identity/unlock-attempts.ts';
import { SnapshotError } from '../report/embed-snapshot.ts';
import { SigningError } from '../signing/cms-signer.ts';

/** Runs a signing/identity operation, turning its expected failures into plain UserErrors. */
export async function asUserErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof IdentityError) throw new UserError(err.message, err.code);
    if (err instanceof WrongPassphraseError) throw new UserError(err.message, 'wrong_passphrase');
    if (err instanceof TooManyAttemptsError) {
      throw new UserError(err.message, 'rate_limited', err.retryAfterSeconds);
    }
    if (
      err instanceof KeyProtectionError ||
      err instanceof P12Error ||
      err instanceof TrustStoreError ||
      err instanceof SnapshotError ||
      err instanceof SigningError
    ) {
      throw new UserError(err.message, 'bad_request');
    }
    throw err;
  }
}
