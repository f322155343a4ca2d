import type { Device } from '../../../shared/domain/schemas.ts';
import type { ImportPreview } from '../../../shared/import/preview.ts';

export type ConflictChoice = 'apply' | 'skip';

/** The devices the import writes, rooms and racks only when a written device uses them. */
export function plannedWrite(
  preview: ImportPreview,
  choices: Readonly<Record<number, ConflictChoice>>,
) {
  const accepted = preview.conflicts.flatMap((c) =>
    c.proposed && choices[c.row] === 'apply' ? [c.proposed.after] : [],
  );
  const add = preview.toAdd.map((a) => a.device);
  const update = [...preview.toUpdate.map((u) => u.after), ...accepted];
  const written: Device[] = [...add, ...update];
  const rackIds = new Set(written.map((d) => d.rackId).filter((id) => id !== null));
  const racks = preview.racksToCreate.filter((r) => rackIds.has(r.id));
  const roomIds = new Set([...written.map((d) => d.roomId), ...racks.map((r) => r.roomId)]);
  const rooms = preview.roomsToCreate.filter((r) => roomIds.has(r.id));
  const skippedConflicts = preview.conflicts.length - accepted.length;
  return { add, update, rooms, racks, skippedConflicts };
}
