import type { Device, Finding } from '../domain/schemas.ts';
import type { AuditSnapshot } from '../snapshot/schema.ts';
import type { ComparisonView } from './sections/comparison.ts';

// What changed since the prior audit, in the shape the comparison section draws.
// Devices are matched by id (carried forward by import); findings by device and check item.

const findingKey = (f: Finding) =>
  `${f.deviceId ?? `room:${f.roomId}`}|${f.itemId ?? `manual:${f.title}`}`;
const isOpen = (f: Finding) => f.status === 'open' || f.status === 'in_remediation';

export function comparisonView(snapshot: AuditSnapshot, today: string): ComparisonView | null {
  const prior = snapshot.prior;
  if (!prior) return null;
  const priorDevices = new Map(prior.devices.map((d) => [d.id, d]));
  const currentIds = new Set(snapshot.devices.map((d) => d.id));
  const moved: { before: Device; now: Device }[] = [];
  const statusChanged: { before: Device; now: Device }[] = [];
  const added: Device[] = [];
  for (const now of snapshot.devices) {
    const before = priorDevices.get(now.id);
    if (!before) {
      added.push(now);
      continue;
    }
    if (before.roomId !== now.roomId || before.rackId !== now.rackId) moved.push({ before, now });
    if (before.status !== now.status) statusChanged.push({ before, now });
  }
  const missing = prior.devices.filter((d) => !currentIds.has(d.id));

  const priorKeys = new Set(prior.findings.map(findingKey));
  const currentKeys = new Set(snapshot.findings.map(findingKey));
  const closedKeys = new Set(
    snapshot.findings.filter((f) => f.status === 'closed').map(findingKey),
  );
  const recurring = snapshot.findings.filter(
    (f) => f.firstSeenAuditId !== snapshot.audit.id || priorKeys.has(findingKey(f)),
  );
  const recurringIds = new Set(recurring.map((f) => f.id));
  return {
    findings: {
      new: snapshot.findings.filter((f) => !recurringIds.has(f.id)),
      resolved: prior.findings.filter(
        (f) => !currentKeys.has(findingKey(f)) || closedKeys.has(findingKey(f)),
      ),
      recurring,
      overdue: snapshot.findings.filter(
        (f) => isOpen(f) && f.dueDate !== null && f.dueDate < today,
      ),
    },
    devices: { added, missing, moved, statusChanged },
  };
}
