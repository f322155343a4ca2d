import type { Lang } from '../i18n/lang.ts';

// Every sentence the verifier can say, in both UI languages. The verifier (main) produces a
// code and its parameters, never a finished sentence; the renderer shows it in the user's
// language and the CLI prints the English text. Placeholders are `{name}`; a parameter may
// itself be a message (a change named inside "not permitted: ..."). The parameters of each code
// are derived from its English text, so a missing one does not compile.

const MESSAGES = {
  // --- the file as a whole ---------------------------------------------------------------
  not_pdf: { en: 'This file is not a PDF.', zh: '该文件不是 PDF。' },
  damaged: {
    en: "The PDF's structure is damaged and cannot be read: {detail}",
    zh: 'PDF 的结构已损坏，无法读取：{detail}',
  },
  encrypted: {
    en: 'The PDF is encrypted; Roomcheck does not check encrypted files.',
    zh: '该 PDF 已加密；Roomcheck 不检查加密文件。',
  },
  no_signature: { en: 'The PDF carries no digital signature.', zh: '该 PDF 没有数字签名。' },
  budget: {
    en: 'The file exceeds the verification budget ({resource}); Roomcheck stopped checking it.',
    zh: '该文件超出了验证的工作量上限（{resource}）；Roomcheck 已停止检查。',
  },
  internal_error: {
    en: 'The PDF could not be checked: {detail}',
    zh: '无法检查该 PDF：{detail}',
  },
  all_valid: {
    en: 'All {count} signatures are intact and trusted, and every later change is permitted.',
    zh: '全部 {count} 个签名完整且受信任，之后的所有改动均为允许的改动。',
  },
  one_valid: {
    en: 'Signed by {signer}; the signature is intact and trusted.',
    zh: '由 {signer} 签名；签名完整且受信任。',
  },
  signature_says: {
    en: 'Signature {n} ({name}): {reason}',
    zh: '签名 {n}（{name}）：{reason}',
  },
  modified: {
    en: 'Revision {revision} of the file, added after signature {n}, is not permitted: {change}',
    zh: '文件的第 {revision} 版是在签名 {n} 之后添加的，该改动不被允许：{change}',
  },
  // --- warnings about how the file was read ------------------------------------------------
  xref_repaired: {
    en: 'The cross-reference data names a wrong position; Roomcheck found it nearby, as PDF viewers do.',
    zh: '交叉引用数据给出的位置有误；Roomcheck 像 PDF 阅读器一样在附近找到了它。',
  },
  xref_rebuilt: {
    en: 'The cross-reference data is broken; Roomcheck rebuilt it by scanning the objects in the file, as PDF viewers do.',
    zh: '交叉引用数据已损坏；Roomcheck 像 PDF 阅读器一样通过扫描文件中的对象将其重建。',
  },
  rebuilt_changes_unknown: {
    en: 'Because the cross-reference data had to be rebuilt, the changes after signing cannot be checked.',
    zh: '由于交叉引用数据必须重建，无法检查签名之后的改动。',
  },
  // --- one signature -----------------------------------------------------------------------
  sig_valid: {
    en: 'Signed by {signer}; the signature is intact and trusted.',
    zh: '由 {signer} 签名；签名完整且受信任。',
  },
  timestamp_valid: {
    en: 'Document timestamp by {signer}; intact and trusted.',
    zh: '由 {signer} 加盖的文档时间戳；完整且受信任。',
  },
  sig_dictionary_unreadable: {
    en: 'The signature dictionary (object {num}) cannot be read.',
    zh: '无法读取签名字典（对象 {num}）。',
  },
  subfilter_unsupported: {
    en: 'Signature format {subFilter} is not supported.',
    zh: '不支持签名格式 {subFilter}。',
  },
  br_not_four: {
    en: "The signature's ByteRange is not four non-negative integers.",
    zh: '签名的 ByteRange 不是四个非负整数。',
  },
  br_not_start: {
    en: "The signature's ByteRange does not start at the beginning of the file.",
    zh: '签名的 ByteRange 不是从文件开头开始的。',
  },
  br_no_contents: {
    en: "The signature's /Contents is not a hex string in the file.",
    zh: '签名的 /Contents 不是文件中的十六进制字符串。',
  },
  br_gap: {
    en: "The gap in the signature's ByteRange is not exactly its /Contents: bytes outside the signature value are not signed.",
    zh: '签名 ByteRange 中的空缺与其 /Contents 不完全一致：签名值以外有字节未被签名。',
  },
  br_past_end: {
    en: "The signature's ByteRange runs past the end of the file.",
    zh: '签名的 ByteRange 超出了文件末尾。',
  },
  br_not_revision_end: {
    en: 'The signature does not cover its revision up to its end (%%EOF): part of the document it belongs to is not signed.',
    zh: '签名没有覆盖其所在版本直至结尾（%%EOF）：所属文档的一部分未被签名。',
  },
  br_not_a_revision: {
    en: 'The signed part of the file is not a revision of the file as it is now read.',
    zh: '被签名的部分不是按当前方式读取的文件中的某一版本。',
  },
  br_dict_outside: {
    en: 'The signature dictionary is not part of the revision it signs.',
    zh: '签名字典不在其所签名的版本之中。',
  },
  cms_too_large: {
    en: 'The signature value is implausibly large.',
    zh: '签名值大得不合常理。',
  },
  cms_unparseable: {
    en: 'The signature value is not a CMS SignedData structure.',
    zh: '签名值不是 CMS SignedData 结构。',
  },
  cms_empty: {
    en: 'The signature value is empty: the signature was never completed.',
    zh: '签名值为空：该签名从未完成。',
  },
  cms_trailing: {
    en: 'The signature value has data after its end.',
    zh: '签名值在其结尾之后还有数据。',
  },
  cms_signer_count: {
    en: 'The signature has {count} signers; Roomcheck checks signatures with exactly one.',
    zh: '该签名有 {count} 个签名者；Roomcheck 只检查恰好有一个签名者的签名。',
  },
  cms_not_detached: {
    en: 'The signature does not sign the document: it carries content of its own.',
    zh: '该签名并未签署文档：它自带了内容。',
  },
  cms_no_content: {
    en: 'The signature lacks the digest it should carry for format {subFilter}.',
    zh: '该签名缺少 {subFilter} 格式应带有的摘要。',
  },
  cms_no_certificate: {
    en: "The signer's certificate is not in the signature.",
    zh: '签名中没有签名者的证书。',
  },
  cms_bad_certificate: {
    en: "The signer's certificate cannot be read.",
    zh: '无法读取签名者的证书。',
  },
  cms_duplicate_attribute: {
    en: 'A signed attribute ({attribute}) appears more than once.',
    zh: '签名属性（{attribute}）出现了不止一次。',
  },
  cms_content_type: {
    en: 'The content-type attribute is missing or not "{expected}".',
    zh: '内容类型（content-type）属性缺失，或不是“{expected}”。',
  },
  cms_no_message_digest: {
    en: 'The message-digest attribute is missing.',
    zh: '缺少消息摘要（message-digest）属性。',
  },
  digest_mismatch: {
    en: 'The signed bytes were changed after signing (digest mismatch).',
    zh: '被签名的字节在签名后被改动（摘要不匹配）。',
  },
  bad_signature: {
    en: "The signature value does not verify with the signer's certificate.",
    zh: '签名值无法用签名者的证书验证通过。',
  },
  algorithm_key_mismatch: {
    en: "The signature algorithm does not match the signer's key.",
    zh: '签名算法与签名者的密钥不匹配。',
  },
  digest_unsupported: {
    en: 'The signature uses digest algorithm {algorithm}, which Roomcheck does not support.',
    zh: '该签名使用的摘要算法 {algorithm} 不受 Roomcheck 支持。',
  },
  signature_algorithm_unsupported: {
    en: 'The signature algorithm {algorithm} is not supported.',
    zh: '不支持签名算法 {algorithm}。',
  },
  weak_digest: {
    en: 'The signature uses {algorithm}, which is no longer considered secure; Roomcheck cannot vouch for it.',
    zh: '该签名使用的 {algorithm} 已不再被认为安全；Roomcheck 无法为其担保。',
  },
  disallowed_digest: {
    en: 'The digest algorithm {digest} is not allowed with signature algorithm {algorithm}.',
    zh: '摘要算法 {digest} 不允许与签名算法 {algorithm} 一起使用。',
  },
  not_pades_baseline: {
    en: 'The signature names its certificate in no signing-certificate attribute: it is not a conformant PAdES baseline signature.',
    zh: '签名没有用签名证书（signing-certificate）属性标明其证书：它不是符合规范的 PAdES 基础签名。',
  },
  signing_certificate_mismatch: {
    en: 'The signing-certificate attribute names a different certificate than the one that signed.',
    zh: '签名证书（signing-certificate）属性标明的证书与实际签名的证书不同。',
  },
  signing_certificate_malformed: {
    en: 'The signing-certificate attribute is malformed.',
    zh: '签名证书（signing-certificate）属性格式错误。',
  },
  untrusted_self_issued: {
    en: 'The signer used a self-issued certificate that is not pinned as trusted.',
    zh: '签名者使用的是未被固定为受信任的自签发证书。',
  },
  untrusted_chain: {
    en: "The signer's certificate does not chain to an imported trust anchor.",
    zh: '签名者的证书无法链接到已导入的信任锚。',
  },
  key_usage: {
    en: "The signer's certificate is not allowed to sign documents.",
    zh: '签名者的证书不允许签署文档。',
  },
  tsa_key_usage: {
    en: "The timestamp authority's certificate is not meant for timestamps.",
    zh: '时间戳机构的证书不是用于时间戳的。',
  },
  certificate_time: {
    en: 'A certificate in the chain ({name}) was not valid at the signing time.',
    zh: '证书链中的一个证书（{name}）在签名时不在有效期内。',
  },
  // --- timestamps ---------------------------------------------------------------------------
  ts_unparseable: {
    en: 'The timestamp token cannot be read.',
    zh: '无法读取时间戳令牌。',
  },
  ts_imprint_mismatch: {
    en: 'The timestamp was issued for different data than this signature.',
    zh: '该时间戳是为不同于此签名的数据签发的。',
  },
  ts_not_detached: {
    en: 'The document timestamp is not an RFC 3161 timestamp token.',
    zh: '文档时间戳不是 RFC 3161 时间戳令牌。',
  },
  timestamp_problem: {
    en: 'Its timestamp is not usable: {reason}',
    zh: '其时间戳无法使用：{reason}',
  },
  // --- changes after a signature -------------------------------------------------------------
  change_signature_added: {
    en: 'A signature by {signer} was added (signature {n}).',
    zh: '添加了 {signer} 的签名（签名 {n}）。',
  },
  change_timestamp_added: {
    en: 'A document timestamp by {signer} was added (signature {n}).',
    zh: '添加了 {signer} 的文档时间戳（签名 {n}）。',
  },
  change_empty_signature_field: {
    en: 'An empty signature field "{field}" was added.',
    zh: '添加了一个空的签名域“{field}”。',
  },
  change_validation_data: {
    en: 'Validation data was added (certificates and revocation information).',
    zh: '添加了验证数据（证书及吊销信息）。',
  },
  change_validation_removed: {
    en: 'Validation data was removed.',
    zh: '删除了验证数据。',
  },
  change_extensions: {
    en: 'The PDF version and extension declarations were updated.',
    zh: '更新了 PDF 版本与扩展声明。',
  },
  change_metadata: {
    en: "The document's technical metadata was updated ({keys}).",
    zh: '更新了文档的技术元数据（{keys}）。',
  },
  change_metadata_content: {
    en: "The document's {key} in its metadata was changed.",
    zh: '修改了文档元数据中的 {key}。',
  },
  change_xmp: {
    en: "The document's XMP metadata was updated (dates and producer).",
    zh: '更新了文档的 XMP 元数据（日期与生成程序）。',
  },
  change_xmp_content: {
    en: "The document's title, author, subject or keywords in its XMP metadata changed.",
    zh: '文档 XMP 元数据中的标题、作者、主题或关键词被修改。',
  },
  change_xmp_unreadable: {
    en: "The document's XMP metadata was replaced by data that is not XMP.",
    zh: '文档的 XMP 元数据被替换为非 XMP 数据。',
  },
  change_form_filled: {
    en: 'Form field "{field}" was filled in or changed.',
    zh: '填写或修改了表单域“{field}”。',
  },
  change_field_locked: {
    en: 'Form field "{field}" was changed, though a signature locks it.',
    zh: '表单域“{field}”被修改，但它已被签名锁定。',
  },
  change_field_structure: {
    en: 'Form field "{field}" changed its kind, name or position ({key}).',
    zh: '表单域“{field}”的类型、名称或位置被修改（{key}）。',
  },
  change_form: {
    en: "The document's form changed ({key}).",
    zh: '文档的表单被修改（{key}）。',
  },
  change_form_field_added: {
    en: 'A form field other than a signature was added.',
    zh: '添加了签名以外的表单域。',
  },
  change_form_field_removed: {
    en: 'A form field was removed or replaced.',
    zh: '删除或替换了一个表单域。',
  },
  change_new_field_after_certification: {
    en: 'A new signature field was added, though the certification signature permits only signing existing fields.',
    zh: '添加了新的签名域，但认证签名只允许在已有的签名域中签名。',
  },
  change_page_content: {
    en: "Page {page}'s content changed.",
    zh: '第 {page} 页的内容被修改。',
  },
  change_page: {
    en: 'Page {page} changed ({key}).',
    zh: '第 {page} 页被修改（{key}）。',
  },
  change_pages: {
    en: 'Pages were added, removed or reordered.',
    zh: '页面被添加、删除或重新排序。',
  },
  change_annotation_added: {
    en: 'An annotation was added that changes the visible page {page}.',
    zh: '添加了一个改变第 {page} 页可见内容的注释。',
  },
  change_annotation_changed: {
    en: 'An annotation on page {page} was changed or removed.',
    zh: '第 {page} 页上的一个注释被修改或删除。',
  },
  change_signature_dictionary: {
    en: "Signature {n}'s own dictionary changed.",
    zh: '签名 {n} 自身的签名字典被修改。',
  },
  change_signature_field: {
    en: 'The field of signature {n} changed.',
    zh: '签名 {n} 所在的签名域被修改。',
  },
  change_signature_removed: {
    en: 'A signature was removed from its field.',
    zh: '一个签名被从其签名域中移除。',
  },
  change_catalog: {
    en: "The document catalog's /{key} changed.",
    zh: '文档目录的 /{key} 被修改。',
  },
  change_object: {
    en: 'Object {num} ({type}) changed.',
    zh: '对象 {num}（{type}）被修改。',
  },
  change_deleted: {
    en: 'Object {num} ({type}) was deleted.',
    zh: '对象 {num}（{type}）被删除。',
  },
  change_shared_object: {
    en: 'Object {num}, changed as part of {role}, is also used elsewhere in the document ({where}).',
    zh: '作为{role}的一部分被修改的对象 {num} 也在文档的其他位置被使用（{where}）。',
  },
  role_appearance: { en: "a form field's appearance", zh: '表单域外观' },
  role_form: { en: 'the form', zh: '表单' },
  role_validation_data: { en: 'the validation data', zh: '验证数据' },
  role_extensions: { en: 'the extension declarations', zh: '扩展声明' },
  role_metadata: { en: "the document's metadata", zh: '文档元数据' },
  role_structure: { en: "the file's structure", zh: '文件结构' },
  role_annotations: { en: "a page's annotations", zh: '页面注释' },
  change_points_back: {
    en: 'The update redefines object {num} with bytes from before the update (a shadowed object).',
    zh: '该更新用更新之前的字节重新定义了对象 {num}（影子对象）。',
  },
  change_object_stream_outside: {
    en: 'The update takes object {num} from an object stream outside the update.',
    zh: '该更新从更新之外的对象流中取用对象 {num}。',
  },
  change_catalog_replaced: {
    en: 'The update replaces the document catalog.',
    zh: '该更新替换了文档目录。',
  },
  change_encrypts: {
    en: 'The update encrypts the document.',
    zh: '该更新对文档进行了加密。',
  },
  change_not_continuing: {
    en: 'The update does not continue the revision before it.',
    zh: '该更新没有承接其之前的版本。',
  },
  change_unreadable: {
    en: 'The update cannot be read ({detail}).',
    zh: '无法读取该更新（{detail}）。',
  },
  change_trailing_bytes: {
    en: '{count} bytes were appended after the last revision of the file.',
    zh: '在文件最后一个版本之后追加了 {count} 个字节。',
  },
  change_trailing_whitespace: {
    en: 'Whitespace was added after the end of the file.',
    zh: '在文件结尾之后添加了空白字符。',
  },
  change_not_permitted_by_certification: {
    en: '{change} The certification signature permits no changes but validation data and timestamps.',
    zh: '{change} 认证签名除验证数据和时间戳外不允许任何改动。',
  },
  change_annotations_not_permitted: {
    en: '{change} Annotations are permitted only when a certification signature allows them.',
    zh: '{change} 只有在认证签名允许时才可以添加或修改注释。',
  },
  // --- the embedded audit -------------------------------------------------------------------
  snapshot_none: {
    en: 'This PDF carries no embedded audit snapshot (audit.json).',
    zh: '该 PDF 未嵌入检查快照（audit.json）。',
  },
  snapshot_not_signed: {
    en: 'The embedded audit is not covered by an intact signature, so it is not shown.',
    zh: '嵌入的检查数据未被完整的签名覆盖，因此不予显示。',
  },
  snapshot_too_large: {
    en: 'The embedded audit is larger than Roomcheck reads ({limit}).',
    zh: '嵌入的检查数据超出了 Roomcheck 读取的上限（{limit}）。',
  },
  snapshot_unreadable: {
    en: 'The embedded audit cannot be read: {detail}',
    zh: '无法读取嵌入的检查数据：{detail}',
  },
  snapshot_replaced: {
    en: 'A later revision replaces the embedded audit; the replacement is not covered by signature {n} and is not shown. The audit shown is the one signature {n} signed.',
    zh: '之后的一个版本替换了嵌入的检查数据；替换后的数据不受签名 {n} 保护，因此不予显示。此处显示的是签名 {n} 所签署的检查数据。',
  },
} as const;

export type VerifyMessageCode = keyof typeof MESSAGES;

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

export type VerifyParam = string | number | VerifyMessage;
export type VerifyParams<C extends VerifyMessageCode> = {
  readonly [K in Placeholders<(typeof MESSAGES)[C]['en']>]: VerifyParam;
};

/** A message as data: code plus parameters, formatted on demand in either language. */
export type VerifyMessage = {
  [C in VerifyMessageCode]: { code: C; params: VerifyParams<C> };
}[VerifyMessageCode];

export const VERIFY_MESSAGE_CODES = Object.keys(MESSAGES) as VerifyMessageCode[];

export function verifyMessage<C extends VerifyMessageCode>(
  code: C,
  ...params: keyof VerifyParams<C> extends never ? [] : [VerifyParams<C>]
): VerifyMessage {
  return { code, params: params[0] ?? {} } as VerifyMessage;
}

const MAX_NESTING = 4;

export function formatVerifyMessage(message: VerifyMessage, lang: Lang, depth = 0): string {
  const template = MESSAGES[message.code]?.[lang];
  if (!template) return message.code;
  const params = message.params as Readonly<Record<string, VerifyParam>>;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const v = params[name]!;
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    return depth < MAX_NESTING ? formatVerifyMessage(v, lang, depth + 1) : v.code;
  });
}

export function verifyMessageTemplate(code: VerifyMessageCode): { en: string; zh: string } {
  return MESSAGES[code];
}
