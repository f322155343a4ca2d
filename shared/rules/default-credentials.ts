import { fail, pass, type Rule } from './rule.ts';

/** C1 from the credential record: "default changed" no fails, yes passes, unknown is left open. */
export const defaultCredentialsRule: Rule = {
  itemId: 'C1',
  judge(device) {
    switch (device.credentials.defaultChanged) {
      case 'no':
        return fail(
          'Factory-default credentials recorded as unchanged',
          '记录显示出厂默认口令未修改',
        );
      case 'yes':
        return pass('Default credentials recorded as changed', '记录显示默认口令已修改');
      default:
        return null;
    }
  },
};
