import { useCallback } from 'react';
import { db } from '../../db/instance.ts';
import { restoreInventory, type RemovedInventory } from '../../db/repositories/inventory-edits.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { repositoryErrorText } from './problem-text.ts';

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
        notify(
          'error',
          repositoryErrorText(t, error) ??
            t('common.error', { message: error instanceof Error ? error.message : String(error) }),
        );
        return false;
      }
      notify('info', doneText, {
        label: t('inventory.undo'),
        run: () => {
          restoreInventory(db(), removal).then(
            () => notify('info', t('inventory.restored')),
            (error: unknown) =>
              notify(
                'error',
                repositoryErrorText(t, error) ??
                  t('common.error', {
                    message: error instanceof Error ? error.message : String(error),
                  }),
              ),
          );
        },
      });
      return true;
    },
    [notify, t],
  );
}
