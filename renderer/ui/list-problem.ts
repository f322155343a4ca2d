import type { ListProblem } from '../../shared/audit/brief.ts';
import type { Translator } from '../i18n/translate.ts';

/** The sentence for a list typed one entry per line that cannot be kept as it is. */
export function listProblemText(t: Translator, problem: ListProblem): string {
  return problem.kind === 'tooMany'
    ? t('common.listTooMany', { max: problem.max })
    : t('common.listTooLong', { line: problem.line, max: problem.max });
}
