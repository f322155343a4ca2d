import type { Bilingual, Lang } from '../i18n/lang.ts';

// Every message the import and exchange code can produce, in both UI languages. Code carries a
// message code and its parameters, never a finished sentence, so the renderer shows it in the
// user's language and the CLI prints the English text. Placeholders are `{name}`; the type of
// each code's parameters is derived from its English text, so a missing parameter does not
// compile.

const MESSAGES = {
  // --- whole file -------------------------------------------------------------------------
  file_empty: { en: 'The file is empty.', zh: '文件为空。' },
  file_too_large: {
    en: 'The file is {size}; files above {max} are refused.',
    zh: '文件大小为 {size}，超过 {max} 的文件不予读取。',
  },
  unsupported_format: {
    en: '"{fileName}" cannot be read as any supported format (CSV or tab-separated text, XLSX, Roomcheck audit export or backup, Roomcheck report PDF).',
    zh: '无法按任何受支持的格式读取“{fileName}”（CSV 或制表符分隔文本、XLSX、Roomcheck 检查导出或备份、Roomcheck 报告 PDF）。',
  },
  binary_content: {
    en: '"{fileName}" holds binary data, not text, and is not an XLSX workbook or PDF: it cannot be read as any supported format.',
    zh: '“{fileName}”包含二进制数据而非文本，也不是 XLSX 工作簿或 PDF，无法按任何受支持的格式读取。',
  },
  legacy_xls: {
    en: '"{fileName}" is an Excel 97-2003 workbook or a password-protected workbook; save it as .xlsx without a password, or as CSV, and import that.',
    zh: '“{fileName}”是 Excel 97-2003 工作簿或受密码保护的工作簿；请另存为无密码的 .xlsx 或 CSV 后再导入。',
  },
  zip_not_xlsx: {
    en: '"{fileName}" is a ZIP archive but not an XLSX workbook.',
    zh: '“{fileName}”是 ZIP 压缩包，但不是 XLSX 工作簿。',
  },
  zip_damaged: {
    en: '"{fileName}" looks like an XLSX workbook but is damaged or truncated.',
    zh: '“{fileName}”看似 XLSX 工作簿，但已损坏或不完整。',
  },
  zip_too_large_uncompressed: {
    en: 'The workbook unpacks to {size}; workbooks above {max} unpacked are refused.',
    zh: '该工作簿解压后为 {size}，解压后超过 {max} 的工作簿不予读取。',
  },
  zip_unpacks_over_limit: {
    en: 'The workbook unpacks to more than {max}; workbooks above {max} unpacked are refused.',
    zh: '该工作簿解压后超过 {max}，解压后超过 {max} 的工作簿不予读取。',
  },
  sheet_not_found: {
    en: 'The workbook has no sheet named "{sheet}"; its sheets are: {available}.',
    zh: '工作簿中没有名为“{sheet}”的工作表；现有工作表：{available}。',
  },
  workbook_empty: {
    en: 'The workbook has no sheets.',
    zh: '工作簿中没有工作表。',
  },
  undecodable_text: {
    en: 'The text is neither valid UTF-8, UTF-16 nor GB18030; save the file as "CSV UTF-8" and import it again.',
    zh: '文本既不是有效的 UTF-8、UTF-16，也不是 GB18030；请将文件另存为“CSV UTF-8”后重新导入。',
  },
  bad_utf16: {
    en: 'The file starts with a {encoding} byte-order mark but its text is not valid {encoding}: it may be truncated or damaged.',
    zh: '文件以 {encoding} 字节顺序标记开头，但其文本不是有效的 {encoding}：可能不完整或已损坏。',
  },
  no_header: {
    en: 'The sheet has no header row: row 1 must name the columns.',
    zh: '工作表没有标题行：第 1 行必须是列名。',
  },
  too_many_columns: {
    en: 'Row {row} has {count} columns; at most {max} are supported.',
    zh: '第 {row} 行有 {count} 列，最多支持 {max} 列。',
  },
  too_many_rows: {
    en: 'The sheet has more than {max} rows; split it into smaller files.',
    zh: '工作表超过 {max} 行，请拆分为较小的文件。',
  },
  csv_unterminated_quote: {
    en: 'Row {row}: the quoted field that opens on line {line} is never closed (unterminated quote).',
    zh: '第 {row} 行：从第 {line} 行开始的带引号字段没有结束引号。',
  },
  csv_text_after_quote: {
    en: 'Row {row}, column {column}: text follows the closing quote on line {line}; a quoted field must end at a delimiter or at the end of the line.',
    zh: '第 {row} 行第 {column} 列：第 {line} 行的结束引号后还有文字；带引号的字段必须在分隔符或行尾结束。',
  },

  // --- JSON exchange files ---------------------------------------------------------------
  json_truncated: {
    en: 'The file ends before its JSON is complete: it is truncated.',
    zh: '文件在 JSON 结束前就结束了：文件不完整。',
  },
  json_syntax: {
    en: 'The JSON is malformed at line {line}, column {column}.',
    zh: 'JSON 在第 {line} 行第 {column} 列格式错误。',
  },
  json_trailing: {
    en: 'Unexpected content after the end of the JSON at line {line}, column {column}.',
    zh: 'JSON 结束后的第 {line} 行第 {column} 列还有多余内容。',
  },
  json_duplicate_key: {
    en: 'The key "{key}" appears twice in {path} (line {line}, column {column}); the file is ambiguous.',
    zh: '键“{key}”在 {path} 中出现两次（第 {line} 行第 {column} 列），文件存在歧义。',
  },
  json_too_deep: {
    en: 'The JSON nests deeper than {max} levels.',
    zh: 'JSON 嵌套超过 {max} 层。',
  },
  wrong_format: {
    en: 'This is not a {expected} file (its format is "{found}").',
    zh: '这不是 {expected} 文件（其格式为“{found}”）。',
  },
  wrong_version: {
    en: 'This {expected} file has format version {found}; this version of Roomcheck reads version {supported}.',
    zh: '该 {expected} 文件的格式版本为 {found}；此版本的 Roomcheck 只能读取版本 {supported}。',
  },
  wrong_passphrase: {
    en: 'The passphrase does not open this file; nothing was changed.',
    zh: '该口令无法打开此文件；未做任何更改。',
  },
  envelope_damaged: {
    en: 'This encrypted file is damaged or was changed after it was encrypted; nothing was changed.',
    zh: '此加密文件已损坏，或在加密后被改动；未做任何更改。',
  },
  passphrase_too_short: {
    en: 'The passphrase must be at least {min} characters long.',
    zh: '口令至少需要 {min} 个字符。',
  },
  invalid_content: {
    en: 'The content is invalid at {path}: {detail}.',
    zh: '内容在 {path} 处无效：{detail}。',
  },
  duplicate_id: {
    en: 'The id "{id}" appears twice in {table}.',
    zh: 'ID“{id}”在 {table} 中出现两次。',
  },
  evidence_missing_bytes: {
    en: 'Evidence "{id}" has no file data.',
    zh: '证据“{id}”缺少文件数据。',
  },
  evidence_bad_base64: {
    en: 'The file data of evidence "{id}" is not valid base64.',
    zh: '证据“{id}”的文件数据不是有效的 base64。',
  },
  evidence_size_mismatch: {
    en: 'Evidence "{id}" should be {expected} bytes but holds {actual}.',
    zh: '证据“{id}”应为 {expected} 字节，实际为 {actual} 字节。',
  },
  evidence_hash_mismatch: {
    en: 'The SHA-256 of evidence "{id}" does not match its bytes: the file was altered or damaged.',
    zh: '证据“{id}”的 SHA-256 与其内容不符：文件已被修改或损坏。',
  },
  record_damaged: {
    en: 'The record of audit "{id}" does not match its record id: the file was altered or damaged.',
    zh: '检查“{id}”的记录与其记录 ID 不符：文件已被修改或损坏。',
  },

  // --- STIG checklists (.cklb, .ckl; shared/stig) ------------------------------------------
  checklist_encoding: {
    en: 'The checklist is neither UTF-8 nor UTF-16 text.',
    zh: '该检查单既不是 UTF-8 文本，也不是 UTF-16 文本。',
  },
  checklist_unknown_format: {
    en: 'This file is neither a STIG Viewer 3 checklist (.cklb, JSON) nor a STIG Viewer 2 checklist (.ckl, XML).',
    zh: '该文件既不是 STIG Viewer 3 检查单（.cklb，JSON），也不是 STIG Viewer 2 检查单（.ckl，XML）。',
  },
  checklist_not_object: {
    en: 'This .cklb file holds JSON but not a checklist object.',
    zh: '该 .cklb 文件包含 JSON，但不是检查单对象。',
  },
  checklist_doctype: {
    en: 'This .ckl file declares a DOCTYPE or entities, which STIG Viewer checklists never do; it is refused for safety.',
    zh: '该 .ckl 文件声明了 DOCTYPE 或实体，STIG Viewer 检查单从不如此；出于安全考虑拒绝读取。',
  },
  checklist_xml_malformed: {
    en: 'This .ckl file is not well-formed XML: the error is at line {line}, column {column}.',
    zh: '该 .ckl 文件不是格式正确的 XML：错误位于第 {line} 行第 {column} 列。',
  },
  checklist_xml_too_deep: {
    en: 'The XML nests deeper than {max} levels; a checklist needs far fewer.',
    zh: 'XML 嵌套超过 {max} 层，检查单远不需要这么多层。',
  },
  checklist_not_checklist_xml: {
    en: 'This file is XML but not a STIG Viewer checklist: it has no CHECKLIST element.',
    zh: '该文件是 XML，但不是 STIG Viewer 检查单：没有 CHECKLIST 元素。',
  },
  checklist_no_asset: {
    en: 'This checklist has no ASSET section, so it names no target.',
    zh: '该检查单没有 ASSET 部分，未写明检查目标。',
  },
  checklist_no_stigs: {
    en: 'This checklist has no {section} section, so it holds no results.',
    zh: '该检查单没有 {section} 部分，不含任何结果。',
  },
  checklist_no_host: {
    en: 'This checklist names no target host (its host name is empty), so it cannot be matched to a device.',
    zh: '该检查单未写明目标主机（主机名为空），无法与设备对应。',
  },
  checklist_host_too_long: {
    en: "The checklist's host name is {length} characters long; a host name has at most {max}.",
    zh: '检查单的主机名长 {length} 个字符，主机名最多 {max} 个字符。',
  },
  checklist_no_stig_id: {
    en: 'No STIG in this checklist has an identifier (its "stigid" is empty), so its results cannot be attributed.',
    zh: '该检查单中没有任何 STIG 带有标识（其“stigid”为空），无法确定结果属于哪个 STIG。',
  },
  checklist_no_results: {
    en: 'No rule in this checklist has both a rule id and a valid status, so there are no results to import.',
    zh: '该检查单中没有任何规则同时具有规则编号和有效状态，没有可导入的结果。',
  },
  checklist_too_many: {
    en: 'This checklist holds more than {max} {what}; no real checklist has that many.',
    zh: '该检查单包含超过 {max} 个{what}，真实的检查单不会有这么多。',
  },
  checklist_skipped_stigs: {
    en: 'STIGs without an identifier were skipped: {count}.',
    zh: '已跳过没有标识的 STIG：{count} 个。',
  },
  checklist_skipped_no_rule_id: {
    en: 'Rules without a rule id in STIG "{stig}" were skipped: {count}.',
    zh: 'STIG“{stig}”中没有规则编号的规则已跳过：{count} 条。',
  },
  checklist_skipped_bad_status: {
    en: 'Rules without a valid status in STIG "{stig}" were skipped: {count}.',
    zh: 'STIG“{stig}”中没有有效状态的规则已跳过：{count} 条。',
  },
  checklist_text_cut: {
    en: 'The {field} "{start}…" is longer than {max} characters and was cut.',
    zh: '{field}“{start}…”超过 {max} 个字符，已截断。',
  },
  checklist_not_roomcheck: {
    en: 'This checklist was not exported by Roomcheck, so it cannot restore the answers of an audit.',
    zh: '该检查单不是由 Roomcheck 导出的，无法恢复检查的答案。',
  },
  checklist_other_audit: {
    en: 'This checklist was exported from another audit ({found}), not from this one.',
    zh: '该检查单导出自另一次检查（{found}），而不是本次检查。',
  },
  checklist_unknown_subject: {
    en: 'This checklist is about {subject}, which this audit does not include.',
    zh: '该检查单针对的是 {subject}，本次检查不包括该对象。',
  },
  checklist_ids_mismatch: {
    en: "This checklist's identifiers do not match this audit's export of {subject}: it was not made from this audit.",
    zh: '该检查单的标识与本次检查对 {subject} 的导出不符：它不是由本次检查生成的。',
  },
  checklist_rule_not_applicable: {
    en: 'Rule "{rule}" names no check item that applies to {subject}; it was skipped.',
    zh: '规则“{rule}”对应的检查项不适用于 {subject}，已跳过。',
  },
  checklist_rule_repeated: {
    en: 'Rule "{rule}" appears more than once for {subject}; only the first was used.',
    zh: '规则“{rule}”在 {subject} 中出现多次，只采用第一条。',
  },

  // --- column mapping --------------------------------------------------------------------
  mapping_invalid: {
    en: 'The column mapping is invalid at {path}: {detail}.',
    zh: '列映射在 {path} 处无效：{detail}。',
  },
  mapping_duplicate_field: {
    en: 'The field "{field}" is mapped from more than one column ({columns}); it takes only one.',
    zh: '字段“{field}”被映射了多个列（{columns}），该字段只能对应一列。',
  },
  mapping_duplicate_source: {
    en: 'The column "{column}" is listed twice in the mapping.',
    zh: '列“{column}”在映射中出现了两次。',
  },
  mapping_no_identity: {
    en: 'No column is mapped to asset tag, serial number or MAC address, so no row could be matched to a device.',
    zh: '没有列映射到资产编号、序列号或 MAC 地址，无法将任何行匹配到设备。',
  },

  // --- one cell or row -------------------------------------------------------------------
  cell_too_long: {
    en: 'The value is {length} characters long; this field holds at most {max}.',
    zh: '值长度为 {length} 个字符，此字段最多 {max} 个字符。',
  },
  too_many_values: {
    en: 'The cell lists {count} values; at most {max} are allowed.',
    zh: '单元格包含 {count} 个值，最多允许 {max} 个。',
  },
  invalid_ip: {
    en: '"{value}" is not a valid IPv4 or IPv6 address.',
    zh: '“{value}”不是有效的 IPv4 或 IPv6 地址。',
  },
  ipv4_leading_zero: {
    en: '"{value}" has a number with a leading zero, which some systems read as octal; write it without leading zeros.',
    zh: '“{value}”中有以 0 开头的数字，某些系统会按八进制解读；请去掉前导 0。',
  },
  invalid_mac: {
    en: '"{value}" is not a MAC address (expected e.g. aa:bb:cc:dd:ee:ff, AA-BB-CC-DD-EE-FF or aabb.ccdd.eeff).',
    zh: '“{value}”不是 MAC 地址（应为 aa:bb:cc:dd:ee:ff、AA-BB-CC-DD-EE-FF 或 aabb.ccdd.eeff 等形式）。',
  },
  mac_not_device: {
    en: '"{value}" is an all-zero or broadcast address, not a device\'s MAC address.',
    zh: '“{value}”是全零或广播地址，不是设备的 MAC 地址。',
  },
  invalid_date: {
    en: '"{value}" is not a date Roomcheck can read (e.g. 2024-03-05, 2024/3/5, 05.03.2024, 2024年3月5日).',
    zh: '“{value}”不是可识别的日期（例如 2024-03-05、2024/3/5、05.03.2024、2024年3月5日）。',
  },
  ambiguous_date: {
    en: '"{value}" could be day/month or month/day; choose the date order for this import.',
    zh: '“{value}”既可理解为日/月，也可理解为月/日；请为本次导入选择日期顺序。',
  },
  date_order_mismatch: {
    en: '"{value}" is not a valid date in the chosen order ({order}).',
    zh: '按所选顺序（{order}），“{value}”不是有效日期。',
  },
  mixed_date_order: {
    en: '"{value}": this column has day-first dates (row {dayFirstRow}) and month-first dates (row {monthFirstRow}); choose the date order for this import.',
    zh: '“{value}”：该列同时含有日在前（第 {dayFirstRow} 行）和月在前（第 {monthFirstRow} 行）的日期；请为本次导入选择日期顺序。',
  },
  two_digit_year: {
    en: '"{value}" has a two-digit year, which is ambiguous; write the year in full.',
    zh: '“{value}”的年份只有两位，存在歧义；请写出完整年份。',
  },
  date_out_of_range: {
    en: '"{value}" is outside the accepted dates (1900 to 2199; Excel date numbers from 1927).',
    zh: '“{value}”超出可接受的日期范围（1900 年至 2199 年；Excel 日期序号自 1927 年起）。',
  },
  unknown_value: {
    en: '"{value}" is not a known {field}; accepted: {accepted}.',
    zh: '“{value}”不是可识别的{field}；可接受：{accepted}。',
  },
  ambiguous_value: {
    en: '"{value}" could mean more than one {field} ({candidates}); make it more specific.',
    zh: '“{value}”可能对应多个{field}（{candidates}），请写得更具体。',
  },
  invalid_number: {
    en: '"{value}" is not a whole number from {min} to {max}.',
    zh: '“{value}”不是 {min} 到 {max} 之间的整数。',
  },
  half_u_position: {
    en: '"{value}" is a half-U position; Roomcheck records whole rack units.',
    zh: '“{value}”是半 U 位置；Roomcheck 只记录整数 U 位。',
  },
  height_conflict: {
    en: 'The position "{value}" spans {span} U but the height column says {height} U.',
    zh: '位置“{value}”跨 {span} U，但高度列为 {height} U。',
  },
  duplicate_asset_tag: {
    en: 'Asset tag "{value}" already appears in row {earlierRow}; the later row is rejected.',
    zh: '资产编号“{value}”已在第 {earlierRow} 行出现，后出现的行不予导入。',
  },
  no_identity: {
    en: 'The row has no asset tag, serial number or MAC address, so it cannot be matched to a device.',
    zh: '该行没有资产编号、序列号或 MAC 地址，无法与设备对应。',
  },
  excel_error: {
    en: '"{value}" is an Excel error value, not data; fix the formula in the source sheet.',
    zh: '“{value}”是 Excel 错误值，不是数据；请修正源表格中的公式。',
  },
  extra_cells: {
    en: 'The row has values in {count} columns beyond the last named column; name those columns or remove the values.',
    zh: '该行在最后一个有名称的列之后还有 {count} 列有值；请为这些列命名或删除这些值。',
  },
  duplicate_column_value: {
    en: 'The column "{column}" appears more than once with different values in this row.',
    zh: '列“{column}”在本行出现多次且值不同。',
  },

  // --- preview ---------------------------------------------------------------------------
  new_device_needs_room: {
    en: 'A new device needs a room: name it in the file or choose a room for rows without one.',
    zh: '新设备需要指定机房：请在文件中填写，或为未填写机房的行选择一个机房。',
  },
  new_device_needs_type: {
    en: 'A new device needs a device type: fill it in or choose a type for rows without one.',
    zh: '新设备需要指定设备类型：请填写，或为未填写类型的行选择一个类型。',
  },
  new_device_needs_status: {
    en: 'A new device needs a status: fill it in or choose a status for rows without one.',
    zh: '新设备需要指定状态：请填写，或为未填写状态的行选择一个状态。',
  },
  rack_needs_room: {
    en: 'The rack "{rack}" is named without a room.',
    zh: '机柜“{rack}”未指定所在机房。',
  },
  default_room_missing: {
    en: 'The room chosen for rows without a room (id "{id}") does not exist.',
    zh: '为未填写机房的行选择的机房（ID“{id}”）不存在。',
  },
  conflict_matches_several: {
    en: 'The row matches {count} different devices: {matches}.',
    zh: '该行匹配到 {count} 台不同的设备：{matches}。',
  },
  conflict_identity_mismatch: {
    en: 'The {matchedBy} matches device "{device}", whose asset tag is "{existingTag}", not "{fileTag}".',
    zh: '{matchedBy}匹配到设备“{device}”，其资产编号为“{existingTag}”，而不是“{fileTag}”。',
  },
  conflict_same_device_twice: {
    en: 'Row {earlierRow} already refers to the same device ({matchedBy} "{value}").',
    zh: '第 {earlierRow} 行已指向同一台设备（{matchedBy}“{value}”）。',
  },
  conflict_room_change: {
    en: 'The update would move device "{device}" from room "{fromRoom}" to room "{toRoom}".',
    zh: '此更新会把设备“{device}”从机房“{fromRoom}”移到机房“{toRoom}”。',
  },
  conflict_ambiguous_room: {
    en: 'More than one existing room is named "{room}".',
    zh: '已有多个名为“{room}”的机房。',
  },
  conflict_ambiguous_rack: {
    en: 'More than one rack in room "{room}" is named "{rack}".',
    zh: '机房“{room}”中有多个名为“{rack}”的机柜。',
  },
} as const satisfies Record<string, Bilingual>;

export type ImportMessageCode = keyof typeof MESSAGES;

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

/** A parameter is a plain value or a value that itself differs by language (a field name). */
export type MessageParam = string | number | Bilingual;
export type MessageParams<C extends ImportMessageCode> = {
  readonly [K in Placeholders<(typeof MESSAGES)[C]['en']>]: MessageParam;
};

/** A message as data: code plus parameters, formatted on demand in either language. */
export type ImportMessage = {
  [C in ImportMessageCode]: { code: C; params: MessageParams<C> };
}[ImportMessageCode];

export const IMPORT_MESSAGE_CODES = Object.keys(MESSAGES) as ImportMessageCode[];

export function importMessageTemplate(code: ImportMessageCode): Bilingual {
  return MESSAGES[code];
}

function paramText(value: MessageParam, lang: Lang): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return value[lang];
}

export function formatImportMessage(message: ImportMessage, lang: Lang): string {
  const params = message.params as Readonly<Record<string, MessageParam>>;
  return MESSAGES[message.code][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? paramText(params[name]!, lang) : whole,
  );
}

export function importMessage<C extends ImportMessageCode>(
  code: C,
  params: MessageParams<C>,
): ImportMessage {
  return { code, params } as ImportMessage;
}

/**
 * A file that cannot be imported at all. `message` is the English sentence (CLI, logs);
 * the renderer formats `detail` in the user's language.
 */
export class ImportError extends Error {
  readonly detail: ImportMessage;
  constructor(detail: ImportMessage) {
    super(formatImportMessage(detail, 'en'));
    this.name = 'ImportError';
    this.detail = detail;
  }
}

export function importError<C extends ImportMessageCode>(
  code: C,
  params: MessageParams<C>,
): ImportError {
  return new ImportError(importMessage(code, params));
}

/** One problem with one row: `row` as a spreadsheet shows it (header = 1), `column` its header. */
export type RowIssue = {
  row: number;
  column: string;
  /** English sentence, for the CLI and logs; the UI formats `message` in its language. */
  reason: string;
  message: ImportMessage;
};

export function rowIssue<C extends ImportMessageCode>(
  row: number,
  column: string,
  code: C,
  params: MessageParams<C>,
): RowIssue {
  const message = importMessage(code, params);
  return { row, column, reason: formatImportMessage(message, 'en'), message };
}

/** Byte counts for messages, in binary units labelled as Windows Explorer labels them. */
export function formatBytes(bytes: number): string {
  const one = (n: number) => n.toFixed(1).replace(/\.0$/, '');
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${one(bytes / 1024)} KB`;
  return `${one(bytes / (1024 * 1024))} MB`;
}

/** A size over a limit, in units that show the difference (50 MB + 1 byte is not "50 MB"). */
export function formatSizeOverLimit(size: number, max: number): { size: string; max: string } {
  const [a, b] = [formatBytes(size), formatBytes(max)];
  return a === b ? { size: `${size} bytes`, max: `${b} (${max} bytes)` } : { size: a, max: b };
}
