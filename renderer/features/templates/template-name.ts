import {
  SECURE_ROOM_NAME,
  SECURE_ROOM_TEMPLATE_ID,
} from '../../../shared/checklist/secure-room.ts';
import type { Template } from '../../../shared/domain/schemas.ts';
import type { Lang } from '../../i18n/define.ts';

/** A template's name as shown: the built-in one in the UI language, a user's as they wrote it. */
export function templateName(template: Pick<Template, 'id' | 'name'>, lang: Lang): string {
  return template.id === SECURE_ROOM_TEMPLATE_ID ? SECURE_ROOM_NAME[lang] : template.name;
}
