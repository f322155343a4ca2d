import type { LifecycleStatus } from '../domain/enums.ts';
import { notApplicable, type Rule } from './rule.ts';

// D4 asks whether accounts, certificates, firewall rules and DNS entries of a decommissioned
// device were removed: nothing on the device record tells, but a device that was never
// decommissioned has nothing to remove.

const NOT_DECOMMISSIONED: readonly LifecycleStatus[] = [
  'planned',
  'active',
  'idle',
  'offline',
  'stored_spare',
];

export const decommissionedRecordsRule: Rule = {
  itemId: 'D4',
  judge(device) {
    return NOT_DECOMMISSIONED.includes(device.status)
      ? notApplicable('Not decommissioned', '未退役')
      : null;
  },
};
