// Spreadsheet formula injection (CSV injection): a cell that starts with = + - @ runs as a
// formula when the CSV is opened in Excel, WPS or LibreOffice, e.g. =HYPERLINK(...) leaking
// data. Spreadsheets skip what they consider blank before they look for that first character:
// tabs, line ends, spaces of every width (NBSP, the ideographic space U+3000) and invisible
// format characters (U+200B, U+FEFF...); East Asian input methods type the full-width
// ＝＋－＠, which some spreadsheets read as their ASCII twins. Exports prefix such cells with an
// apostrophe, which spreadsheets read as "this is text" (OWASP's advice). A cell that already
// starts with an apostrophe gets one too, so that importing strips exactly one and every value
// comes back: unescape(escape(s)) === s for all s.

/** Control characters, invisible format characters and every kind of space. */
const SKIPPED = String.raw`\p{Cc}\p{Cf}\p{Z}`;
/** = + - @, their full-width forms (U+FF1D, FF0B, FF0D, FF20) and small forms (U+FE66, FE62, FE63, FE6B). */
const TRIGGER = String.raw`=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B`;
/** Any leading character other than a plain space that a spreadsheet might skip. */
const ODD_LEADER = String.raw`(?! )[${SKIPPED}]`;

// A value that is exactly an Excel error (#N/A...) is escaped too: import reads those as a
// broken formula in the source sheet, so a device really named "#N/A" must be told apart.
const NEEDS_ESCAPE = new RegExp(
  String.raw`^(?:[${SKIPPED}]*[${TRIGGER}]|${ODD_LEADER}|')` +
    String.raw`|^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)$`,
  'u',
);

export function escapeFormulaCell(value: string): string {
  return NEEDS_ESCAPE.test(value) ? `'${value}` : value;
}

export function unescapeFormulaCell(value: string): string {
  return value.startsWith("'") && NEEDS_ESCAPE.test(value.slice(1)) ? value.slice(1) : value;
}
