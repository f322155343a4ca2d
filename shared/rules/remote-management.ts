import type { ManagementInterface } from '../domain/schemas.ts';
import { LABELS } from '../i18n/labels.ts';
import { fail, pass, type Rule } from './rule.ts';

// N4: an enabled BMC/iLO/IPMI or KVM-over-IP is a second, often forgotten, door into the
// device. It is acceptable only when isolated AND its credentials changed. With no interface
// recorded the rule stays silent: a BMC nobody wrote down is what the inspector is looking for.

const describe = (mi: ManagementInterface) => {
  const kind = LABELS.managementInterfaceKind[mi.kind];
  const at = mi.address.trim() ? ` ${mi.address.trim()}` : '';
  return { en: `${kind.en}${at}`, zh: `${kind.zh}${at}` };
};

export const remoteManagementRule: Rule = {
  itemId: 'N4',
  judge(device) {
    const interfaces = device.managementInterfaces;
    if (interfaces.length === 0) return null;
    const problems = interfaces
      .filter(
        (mi) => mi.enabled === 'yes' && (mi.isolated === 'no' || mi.credentialsChanged === 'no'),
      )
      .map((mi) => {
        const name = describe(mi);
        const both = mi.isolated === 'no' && mi.credentialsChanged === 'no';
        if (both)
          return {
            en: `${name.en} is enabled, not isolated, and its default credentials are unchanged`,
            zh: `${name.zh} 已启用，未隔离，且未修改默认口令`,
          };
        return mi.isolated === 'no'
          ? { en: `${name.en} is enabled and not isolated`, zh: `${name.zh} 已启用且未隔离` }
          : {
              en: `${name.en} is enabled and its default credentials are unchanged`,
              zh: `${name.zh} 已启用且未修改默认口令`,
            };
      });
    if (problems.length > 0)
      return fail(problems.map((p) => p.en).join('; '), problems.map((p) => p.zh).join('；'));
    const safe = (mi: ManagementInterface) =>
      mi.enabled === 'no' || (mi.isolated === 'yes' && mi.credentialsChanged === 'yes');
    if (interfaces.every(safe))
      return pass(
        'Every management interface is disabled, or isolated with changed credentials',
        '所有管理接口均已关闭，或已隔离且已修改默认口令',
      );
    return null;
  },
};
