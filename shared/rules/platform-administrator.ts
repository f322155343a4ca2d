import { fail, notApplicable, type Rule } from './rule.ts';

// D5: the MSS case's video platform had nobody looking after it. The owner field is who
// answers for the device; an empty one means the platform has no administrator on record.
// A named owner and a recent patch record still need the inspector's eyes.

export const platformAdministratorRule: Rule = {
  itemId: 'D5',
  judge(device) {
    if (device.status === 'disposed')
      return notApplicable('Disposed: the platform is gone', '已处置：该平台已不存在');
    if (device.owner.trim() === '')
      return fail('No administrator (owner) recorded', '未记录管理员（责任人）');
    return null;
  },
};
