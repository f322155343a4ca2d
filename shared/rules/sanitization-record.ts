import type { LifecycleStatus } from '../domain/enums.ts';
import { LABELS } from '../i18n/labels.ts';
import { fail, notApplicable, pass, statusPhrase, type Rule } from './rule.ts';

// M1: a device whose status says it was sanitized or has left (disposed) must have a verified
// sanitization record. Devices still in use in the room are not leaving. For the statuses in
// between (decommissioning, awaiting sanitization, spare, failed and maybe sent for repair,
// missing) a verified record passes, and its absence is for the inspector to weigh.

/** Statuses that say the data has been, or has gone, out of the room's control. */
export const LEFT_OR_SANITIZED: readonly LifecycleStatus[] = ['sanitized', 'disposed'];
/** Statuses of devices in service in the room: nothing is leaving. */
export const IN_SERVICE: readonly LifecycleStatus[] = ['planned', 'active', 'idle', 'offline'];

export const sanitizationRecordRule: Rule = {
  itemId: 'M1',
  judge(device) {
    const record = device.sanitization;
    const status = statusPhrase(device.status);
    if (record) {
      const method = LABELS.sanitizationMethod[record.method];
      if (record.verifiedBy.trim() === '')
        return fail(
          `Sanitization record (${method.en.toLowerCase()}, ${record.date}) is not verified`,
          `数据清除记录（${method.zh}，${record.date}）未经核验`,
        );
      return pass(
        `Sanitization recorded: ${method.en.toLowerCase()} on ${record.date}, verified by ${record.verifiedBy.trim()}`,
        `已记录数据清除：${record.date} ${method.zh}，核验人 ${record.verifiedBy.trim()}`,
      );
    }
    if (LEFT_OR_SANITIZED.includes(device.status))
      return fail(
        `${status.en} but there is no sanitization record`,
        `${status.zh}，但无数据清除记录`,
      );
    if (IN_SERVICE.includes(device.status))
      return notApplicable(
        `${status.en}: not leaving the room or being re-used`,
        `${status.zh}：未离开机房，也未再利用`,
      );
    return null;
  },
};
