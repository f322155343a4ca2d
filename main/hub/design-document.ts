import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DESIGN_DOC_ID, DESIGN_VERSION } from '../../shared/hub/names.ts';

// The design document every site database holds: Roomcheck's rules as validate_doc_update.
// Its source is a versioned file (couchdb/validate_doc_update.v<N>.js) that the hub setup (the
// README's instructions, main/scripts/hub-setup.ts) and the tests' stand-in hub install alike.

export type DesignDocument = {
  _id: typeof DESIGN_DOC_ID;
  language: 'javascript';
  /** Which version of Roomcheck's rules this is; the app refuses a hub without it. */
  roomcheck: { designVersion: number };
  validate_doc_update: string;
};

/** The function's source as CouchDB stores it: the expression without its wrapping parentheses. */
export function validateFunctionSource(version: number = DESIGN_VERSION): string {
  const file = fileURLToPath(
    new URL(`./couchdb/validate_doc_update.v${version}.js`, import.meta.url),
  );
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('(function');
  const end = text.lastIndexOf('});');
  if (start === -1 || end === -1) throw new Error(`${file} holds no function expression.`);
  return text.slice(start + 1, end + 1);
}

export function designDocument(version: number = DESIGN_VERSION): DesignDocument {
  return {
    _id: DESIGN_DOC_ID,
    language: 'javascript',
    roomcheck: { designVersion: version },
    validate_doc_update: validateFunctionSource(version),
  };
}
