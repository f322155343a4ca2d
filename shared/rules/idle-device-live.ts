import { LABELS } from '../i18n/labels.ts';
import { fail, notApplicable, OUT_OF_SERVICE, pass, statusPhrase, type Rule } from './rule.ts';

// D1, the MSS case: a device out of service that is still powered and cabled is an unwatched
// way into the network. Every out-of-service status counts, spares and "offline" included
// (a device recorded as disconnected but found connected is exactly what the check is for).
// Unknown power with a connected cable fails: the cable is what makes it reachable, and a
// device whose power was not noted is more likely on than off.

export const idleDeviceLiveRule: Rule = {
  itemId: 'D1',
  judge(device) {
    const status = statusPhrase(device.status);
    if (!OUT_OF_SERVICE.includes(device.status)) {
      if (device.status === 'active' || device.status === 'planned') {
        const name = LABELS.lifecycleStatus[device.status];
        return notApplicable(
          `Status is ${name.en.toLowerCase()}: D1 concerns idle or retired devices`,
          `状态为“${name.zh}”：本项针对闲置或退役设备`,
        );
      }
      return null; // failed, missing: what they should be doing is for the inspector to say
    }
    const { state } = device.network;
    if (state === 'connected' && device.power !== 'off') {
      return device.power === 'on'
        ? fail(
            `${status.en}, it is powered on and its network is connected`,
            `${status.zh}，但设备通电且网络已连接`,
          )
        : fail(
            `${status.en} and its network is connected (power not recorded)`,
            `${status.zh}，但网络已连接（未记录电源状态）`,
          );
    }
    if (device.power === 'off')
      return pass(`${status.en} and it is powered off`, `${status.zh}，且已断电`);
    if (state === 'disconnected')
      return pass(`${status.en} and its network is disconnected`, `${status.zh}，且网络未连接`);
    return null;
  },
};
