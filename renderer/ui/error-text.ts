import { isValidationError, validationSentence } from '../../shared/i18n/validation.ts';
import { BridgeCallError } from '../bridge/client.ts';
import { DuplicateAssetTagError } from '../db/repositories/inventory.ts';
import { DuplicateRackNameError, RackTooShortError } from '../db/repositories/inventory-edits.ts';
import type { Translator } from '../i18n/translate.ts';

// What a person reads when an action fails: one sentence from the catalog, in the chosen
// language. Schema failures name the field and its limit; known refusals of the repositories
// say what clashed; bridge errors were already said in the reader's language by the client.

/** The known refusals of the repositories, in the UI language; null for anything else. */
export function repositoryErrorText(t: Translator, error: unknown): string | null {
  if (error instanceof DuplicateAssetTagError)
    return t('inventory.err.assetTagTaken', { tag: error.assetTag });
  if (error instanceof DuplicateRackNameError)
    return t('inventory.err.rackNameTaken', { name: error.rackName });
  if (error instanceof RackTooShortError)
    return t('inventory.err.rackTooShort', { name: error.deviceName, height: error.heightU });
  return null;
}

/** The sentence for any failure of an action. */
export function errorText(t: Translator, error: unknown): string {
  if (isValidationError(error)) return validationSentence(error, t.lang);
  if (error instanceof BridgeCallError) return error.message;
  const known = repositoryErrorText(t, error);
  if (known !== null) return known;
  // A refusal this table does not know yet: its own sentence, never a stack or a JSON dump.
  const message = error instanceof Error ? error.message : String(error);
  return t('error.unexpected', { message: message.slice(0, 300) });
}
