// @ts-check
// Roomcheck's own lint rules (the `roomcheck/` prefix in eslint.config.js). See README.md.
import noInlineTranslations from './no-inline-translations.js';
import noTableReads from './no-table-reads.js';

export default {
  meta: { name: 'eslint-plugin-roomcheck' },
  rules: {
    'no-inline-translations': noInlineTranslations,
    'no-table-reads': noTableReads,
  },
};
