import type { HandlerContext } from '../bridge/router.ts';
import { IdentityStore } from '../identity/identity-store.ts';
import { protectionKindOf } from '../identity/key-protector.ts';
import { protectorFor } from '../identity/protector-choice.ts';

/** A signing identity's key, unlocked by whatever protects it (passphrase or OS keychain). */
export async function unlockIdentity(
  identityId: string,
  passphrase: string | undefined,
  ctx: HandlerContext,
) {
  const store = new IdentityStore(ctx.dataDir);
  const record = await store.get(identityId);
  const protector = await protectorFor(protectionKindOf(record.key), passphrase, ctx.transport);
  return store.unlock(identityId, protector);
}
