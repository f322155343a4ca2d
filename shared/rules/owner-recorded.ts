import { fail, notApplicable, type Rule } from './rule.ts';

/** I4: an empty owner field fails; a recorded name still needs the inspector to confirm it. */
export const ownerRecordedRule: Rule = {
  itemId: 'I4',
  judge(device) {
    if (device.status === 'disposed')
      return notApplicable('Disposed: no owner needed', '已处置：无需责任人');
    if (device.owner.trim() === '') return fail('No owner recorded', '未记录责任人');
    return null;
  },
};
