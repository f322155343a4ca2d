import { fail, type Rule } from './rule.ts';

// F3's first half is a recording check. Its second half (changes since the last audit
// explained) needs the inspector, so a complete record gets no suggestion, not a pass.

export const firmwareRecordedRule: Rule = {
  itemId: 'F3',
  judge(device) {
    const noVersion = device.firmwareVersion.trim() === '';
    const noDate = device.firmwareDate === null;
    if (noVersion && noDate)
      return fail('Firmware version and date not recorded', '未记录固件版本和日期');
    if (noVersion) return fail('Firmware version not recorded', '未记录固件版本');
    if (noDate) return fail('Firmware date not recorded', '未记录固件日期');
    return null;
  },
};
