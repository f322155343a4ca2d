import { fail, notApplicable, type Rule } from './rule.ts';

/** I2: a device recorded as missing is not present; a disposed one is no longer assigned here. */
export const presenceRule: Rule = {
  itemId: 'I2',
  judge(device) {
    if (device.status === 'missing') return fail('Recorded as missing', '记录状态为“缺失”');
    if (device.status === 'disposed')
      return notApplicable('Disposed: no longer assigned to the room', '已处置：不再属于本机房');
    return null;
  },
};
