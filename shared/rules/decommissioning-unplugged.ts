import { fail, notApplicable, pass, statusPhrase, type Rule } from './rule.ts';

// D3: awaiting sanitization is the later half of decommissioning, so it is held to the same
// standard. Passing needs both halves on record: unplugged, and the switch port disabled.

const DECOMMISSIONING = ['decommissioning', 'awaiting_sanitization'] as const;

export const decommissioningUnpluggedRule: Rule = {
  itemId: 'D3',
  judge(device) {
    if (!(DECOMMISSIONING as readonly string[]).includes(device.status)) {
      return notApplicable('Not in decommissioning', '不在退役流程中');
    }
    const status = statusPhrase(device.status);
    const connected = device.network.state === 'connected';
    const portOn = device.network.portEnabled === 'yes';
    if (connected && portOn)
      return fail(
        `${status.en}, its network is connected and its switch port is enabled`,
        `${status.zh}，但网络仍连接且交换机端口仍开启`,
      );
    if (connected)
      return fail(`${status.en} and its network is connected`, `${status.zh}，但网络仍连接`);
    if (portOn)
      return fail(
        `${status.en} and its switch port is enabled`,
        `${status.zh}，但交换机端口仍开启`,
      );
    if (device.network.state === 'disconnected' && device.network.portEnabled === 'no')
      return pass(
        `${status.en}: unplugged and its switch port disabled`,
        `${status.zh}：已拔除网线，交换机端口已关闭`,
      );
    return null;
  },
};
