// Spreadsheet formula injection (CSV injection): a cell that starts with = + - @ (or a tab or
// CR, which some programs skip before looking for those; or spaces before = + - @) runs as a
// formula when the CSV is opened in Excel, WPS or LibreOffice, e.g. =HYPERLINK(...) leaking
// data. Exports prefix such cells with an apostrophe, which spreadsheets read as "this is
// text" (OWASP's advice). A cell that already starts with an apostrophe gets one too, so that
// importing strips exactly one and every value comes back: unescape(escape(s)) === s for all s.

// A value that is exactly an Excel error (#N/A...) is escaped too: import reads those as a
// broken formula in the source sheet, so a device really named "#N/A" must be told apart.
const NEEDS_ESCAPE =
  /^(?:[=+\-@\t\r']| +[=+\-@])|^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)$/;

export function escapeFormulaCell(value: string): string {
  return NEEDS_ESCAPE.test(value) ? `'${value}` : value;
}

export function unescapeFormulaCell(value: string): string {
  return value.startsWith("'") && NEEDS_ESCAPE.test(value.slice(1)) ? value.slice(1) : value;
}
