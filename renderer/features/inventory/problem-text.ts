import type { DeviceFieldProblem } from '../../../shared/inventory/device-form.ts';
import type { Translator } from '../../i18n/translate.ts';

/** One sentence, in the UI language, for what the device form found wrong with a field. */
export function problemText(t: Translator, problem: DeviceFieldProblem, field: string): string {
  switch (problem.code) {
    case 'required':
      return t('inventory.err.required', { field });
    case 'too_long':
      return t('inventory.err.tooLong', { max: problem.max });
    case 'too_many':
      return t('inventory.err.tooMany', { max: problem.max });
    case 'whole_number':
      return t('inventory.err.wholeNumber', { min: problem.min, max: problem.max });
    case 'ip_invalid':
    case 'ip_empty':
      return t('inventory.err.ipInvalid', { value: problem.value });
    case 'ip_prefix':
      return t('inventory.err.ipPrefix', { value: problem.value });
    case 'ip_zone':
      return t('inventory.err.ipZone', { value: problem.value });
    case 'ip_leading_zero':
      return t('inventory.err.ipLeadingZero', { value: problem.value });
    case 'ip_duplicate':
    case 'mac_duplicate':
      return t('inventory.err.duplicate', { value: problem.value });
    case 'mac_invalid':
      return t('inventory.err.macInvalid', { value: problem.value });
    case 'date_format':
      return t('inventory.err.dateFormat');
    case 'date_unreal':
      return t('inventory.err.dateUnreal');
    case 'date_future':
      return t('inventory.err.dateFuture');
    case 'position_without_rack':
      return t('inventory.err.positionWithoutRack');
    case 'position_outside_rack':
      return t('inventory.err.positionOutsideRack', { rackHeight: problem.rackHeight });
    case 'invalid':
      return t('inventory.err.invalid');
  }
}
