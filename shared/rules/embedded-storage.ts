import { LABELS } from '../i18n/labels.ts';
import { pass, type Rule } from './rule.ts';

// M4: a media record on the device (even "0 SD cards") means its storage has been looked at
// and written down. No record means nobody has said yet: the inspector checks.

export const embeddedStorageRule: Rule = {
  itemId: 'M4',
  judge(device) {
    if (device.media.length === 0) return null;
    const parts = device.media.map((m) => {
      const kind = LABELS.mediaKind[m.kind];
      return { en: `${m.count} × ${kind.en}`, zh: `${kind.zh} ${m.count} 个` };
    });
    return pass(
      `Storage recorded: ${parts.map((p) => p.en).join(', ')}`,
      `已记录存储：${parts.map((p) => p.zh).join('，')}`,
    );
  },
};
