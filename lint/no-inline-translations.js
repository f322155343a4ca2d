// @ts-check
// An object literal with both `en` and `zh` keys is a translation written where it is used.
// Words a person reads belong in a message catalog (one place per concept, one glossary), so
// such pairs are errors outside the catalogs. Files that held pairs when the rule arrived are
// listed with their count in inline-translations-baseline.json: a file may not gain pairs, and
// its entry must come down (or go) as pairs move into a catalog, so the list stays the to-do.

/** @param {import('estree').Property | import('estree').SpreadElement} p */
const keyName = (p) =>
  p.type === 'Property' && !p.computed
    ? p.key.type === 'Identifier'
      ? p.key.name
      : p.key.type === 'Literal'
        ? String(p.key.value)
        : null
    : null;

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid inline {en, zh} translation pairs outside message catalogs.' },
    schema: [
      {
        type: 'object',
        properties: {
          catalogs: { type: 'array', items: { type: 'string' } },
          baseline: { type: 'object', additionalProperties: { type: 'integer', minimum: 1 } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      inline: 'Inline {en, zh} pair: put the words in a message catalog and refer to them by key.',
      overBaseline:
        'Inline {en, zh} pair: this file had {{allowed}} when the rule arrived and may not gain more ({{found}} now); put the words in a message catalog.',
      staleBaseline:
        'This file now has {{found}} inline {en, zh} pairs, fewer than the {{allowed}} listed in lint/inline-translations-baseline.json: lower its entry (remove it at 0).',
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    /** @type {string[]} */
    const catalogs = options.catalogs ?? [];
    /** @type {Record<string, number>} */
    const baseline = options.baseline ?? {};
    const file = relativeName(context.filename, context.cwd);
    if (catalogs.some((prefix) => file === prefix || file.startsWith(prefix))) return {};
    const allowed = baseline[file] ?? 0;
    /** @type {import('estree').Node[]} */
    const pairs = [];
    return {
      /** @param {import('estree').ObjectExpression} node */
      ObjectExpression(node) {
        const values = new Map(node.properties.map((p) => [keyName(p), p]));
        const en = values.get('en');
        const zh = values.get('zh');
        // Words, not a shape: `{ en: z.string(), zh: z.string() }` declares a type.
        if (en && zh && (isText(en) || isText(zh))) pairs.push(node);
      },
      'Program:exit'(program) {
        if (pairs.length > allowed) {
          const data = { allowed: String(allowed), found: String(pairs.length) };
          for (const node of pairs)
            context.report({ node, messageId: allowed ? 'overBaseline' : 'inline', data });
        } else if (pairs.length < allowed) {
          context.report({
            node: program,
            messageId: 'staleBaseline',
            data: { allowed: String(allowed), found: String(pairs.length) },
          });
        }
      },
    };
  },
};

/** @param {import('estree').Property | import('estree').SpreadElement} p */
function isText(p) {
  if (p.type !== 'Property') return false;
  const v = p.value;
  return (v.type === 'Literal' && typeof v.value === 'string') || v.type === 'TemplateLiteral';
}

/** Project-relative path with forward slashes, as the baseline and the catalog list spell it. */
function relativeName(filename, cwd) {
  const normal = filename.replaceAll('\\', '/');
  const root = cwd.replaceAll('\\', '/').replace(/\/?$/, '/');
  return normal.startsWith(root) ? normal.slice(root.length) : normal;
}
