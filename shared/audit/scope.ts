import type { Audit, AuditScope, Device } from '../domain/schemas.ts';

// An audit's scope: the devices it inspects with the recorded state it uses, fixed when it
// starts. What happens to the inventory afterwards is shown as "changed since this audit
// started" and enters the audit only by an explicit, recorded decision.

/** The scope an audit gets when it starts: every device of its rooms as recorded now. */
export function scopeAtStart(
  audit: Pick<Audit, 'id' | 'roomIds' | 'startedAt'>,
  devices: readonly Device[],
): AuditScope {
  const rooms = new Set(audit.roomIds);
  return {
    auditId: audit.id,
    fixedAt: audit.startedAt,
    devices: devices
      .filter((d) => rooms.has(d.roomId))
      .map((d) => JSON.parse(JSON.stringify(d)) as Device),
    decisions: [],
  };
}

/** Fields that change without changing the device: bookkeeping of the record itself. */
const comparable = (d: Device) => JSON.stringify({ ...d, createdAt: '', updatedAt: '' });

export type ScopeChange =
  /** In the audit's rooms now, not in its scope. */
  | { readonly kind: 'added'; readonly device: Device }
  /** In the scope, edited in the inventory since. */
  | { readonly kind: 'changed'; readonly device: Device; readonly recorded: Device }
  /** In the scope, no longer in the audit's rooms (deleted or moved away). */
  | { readonly kind: 'removed'; readonly recorded: Device };

/** How the inventory of the audit's rooms differs from its scope, in scope order then new. */
export function scopeChanges(
  scope: Pick<AuditScope, 'devices'>,
  roomIds: readonly string[],
  inventory: readonly Device[],
): ScopeChange[] {
  const rooms = new Set(roomIds);
  const live = new Map(inventory.filter((d) => rooms.has(d.roomId)).map((d) => [d.id, d]));
  const changes: ScopeChange[] = [];
  const inScope = new Set<string>();
  for (const recorded of scope.devices) {
    inScope.add(recorded.id);
    const device = live.get(recorded.id);
    if (!device) changes.push({ kind: 'removed', recorded });
    else if (comparable(device) !== comparable(recorded))
      changes.push({ kind: 'changed', device, recorded });
  }
  for (const device of live.values())
    if (!inScope.has(device.id)) changes.push({ kind: 'added', device });
  return changes;
}
