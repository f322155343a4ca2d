import { useCallback } from 'react';
import { db } from '../../db/instance.ts';
import { restoreInventory, type RemovedInventory } from '../../db/repositories/inventory-edits.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { errorText } from '../../ui/error-text.ts';

/**
 * Runs a removal and offers Undo in a toast; Undo restores everything the removal took, in one
 * transaction. A refusal (device in use...) is shown as one sentence and nothing changes.
 */
export function useUndoableRemoval() {
  const t = useT();
  const notify = useStore((s) => s.notify);
  return useCallback(
    async (remove: () => Promise<RemovedInventory>, doneText: string): Promise<boolean> => {
      let removal: RemovedInventory;
      try {
        removal = await remove();
      } catch (error) {
        notify('error', errorText(t, error));
        return false;
      }
      notify('info', doneText, {
        label: t('inventory.undo'),
        run: () => {
          restoreInventory(db(), removal).then(
            () => notify('info', t('inventory.restored')),
            (error: unknown) => notify('error', errorText(t, error)),
          );
        },
      });
      return true;
    },
    [notify, t],
  );
}
