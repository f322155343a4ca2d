import { daysBetween } from '../calendar/dates.ts';
import { fail, pass, type Rule } from './rule.ts';

/** F1: end of support before today fails; on or after today passes; unknown is left open. */
export const endOfSupportRule: Rule = {
  itemId: 'F1',
  judge(device, { today }) {
    if (device.endOfSupport === null) return null;
    const remaining = daysBetween(today, device.endOfSupport);
    if (remaining === null) return null;
    if (remaining < 0)
      return fail(
        `Vendor support ended on ${device.endOfSupport}`,
        `厂商支持已于 ${device.endOfSupport} 终止`,
      );
    return pass(`Vendor support until ${device.endOfSupport}`, `厂商支持至 ${device.endOfSupport}`);
  },
};
