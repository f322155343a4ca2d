// @ts-check
// The database sits behind repository functions (renderer/db/repositories/). Outside
// renderer/db/ the connection may be obtained (db() from db/instance.ts, or a RoomcheckDb
// parameter) and handed to a repository, but nothing may be read from it: `db().devices`,
// `database.transaction(...)` and `conn.open()` are all errors. Without type information the
// rule follows the names that can hold the connection: the imported accessor, variables
// initialised from it, and anything declared with the RoomcheckDb type.

const INSTANCE_MODULE = /(^|\/)db\/instance(\.ts)?$/;

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Outside renderer/db/, reach the database only through repositories.' },
    schema: [],
    messages: {
      tableRead:
        'Reading the database here ({{what}}): call a repository function in renderer/db/repositories/ instead.',
    },
  },
  create(context) {
    const source = context.sourceCode;
    /** Names whose value is the accessor function db(). */
    const accessors = new Set();

    /** @param {import('eslint').Scope.Variable | undefined} variable */
    function reportMembers(variable) {
      for (const ref of variable?.references ?? []) {
        const parent = /** @type {any} */ (ref.identifier).parent;
        if (parent?.type === 'MemberExpression' && parent.object === ref.identifier)
          context.report({
            node: parent,
            messageId: 'tableRead',
            data: { what: source.getText(parent) },
          });
      }
    }

    /** @param {any} node a node that may declare a RoomcheckDb-typed identifier */
    function isConnectionTyped(node) {
      const type = node?.typeAnnotation?.typeAnnotation;
      return type?.type === 'TSTypeReference' && type.typeName?.name === 'RoomcheckDb';
    }

    return {
      ImportDeclaration(node) {
        if (typeof node.source.value !== 'string' || !INSTANCE_MODULE.test(node.source.value))
          return;
        for (const spec of node.specifiers) {
          if (spec.type === 'ImportSpecifier' && spec.imported.type === 'Identifier')
            if (spec.imported.name === 'db') accessors.add(spec.local.name);
        }
      },
      /** @param {any} node */
      CallExpression(node) {
        if (node.callee.type !== 'Identifier' || !accessors.has(node.callee.name)) return;
        const parent = node.parent;
        if (parent.type === 'MemberExpression' && parent.object === node) {
          context.report({
            node: parent,
            messageId: 'tableRead',
            data: { what: source.getText(parent) },
          });
        } else if (parent.type === 'VariableDeclarator' && parent.init === node) {
          for (const variable of source.getDeclaredVariables(parent)) reportMembers(variable);
        }
      },
      /** @param {any} node */
      VariableDeclarator(node) {
        if (isConnectionTyped(node.id))
          for (const variable of source.getDeclaredVariables(node)) reportMembers(variable);
      },
      /** @param {any} node */
      'FunctionDeclaration, FunctionExpression, ArrowFunctionExpression'(node) {
        for (const param of node.params) {
          if (param.type === 'Identifier' && isConnectionTyped(param)) {
            const variable = source.getDeclaredVariables(node).find((v) => v.name === param.name);
            reportMembers(variable);
          }
        }
      },
    };
  },
};
