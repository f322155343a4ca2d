// A note being typed in the walk-through is kept in the browser's local storage until it is
// saved, so a reload, a crash or a flat battery in the middle of a sentence loses nothing.
// Drafts are per audit and step; saving the note (or abandoning it unchanged) removes them.

const PREFIX = 'roomcheck.noteDraft';
const keyOf = (auditId: string, stepKey: string) => `${PREFIX}|${auditId}|${stepKey}`;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage can be refused (privacy settings); drafts are then only in memory.
    return null;
  }
}

export function readNoteDraft(auditId: string, stepKey: string): string | null {
  return storage()?.getItem(keyOf(auditId, stepKey)) ?? null;
}

export function writeNoteDraft(auditId: string, stepKey: string, text: string): void {
  try {
    storage()?.setItem(keyOf(auditId, stepKey), text);
  } catch {
    // Quota full: the draft stays in the field; saving it still works.
  }
}

export function clearNoteDraft(auditId: string, stepKey: string): void {
  storage()?.removeItem(keyOf(auditId, stepKey));
}
