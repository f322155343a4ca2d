// The few pages the loopback server writes itself, in both languages, for a browser that has
// no session: they say what to do and carry nothing an onlooker could use.

export type DoorPage = 'locked' | 'link_used' | 'link_wrong';

const TEXT: Record<DoorPage, { title: string; en: string; zh: string }> = {
  locked: {
    title: 'Roomcheck: open the one-time link',
    en: 'This page opens only through the one-time link that "npm start" or "npm run web" printed in its terminal. Open that link in this browser; if it was already used, press Enter in that terminal for a new one.',
    zh: '此页面只能通过“npm start”或“npm run web”在其终端中打印的一次性链接打开。请在此浏览器中打开该链接；如果它已被使用，请在该终端中按回车键获取新链接。',
  },
  link_used: {
    title: 'Roomcheck: this link was already used',
    en: 'This one-time link was already used. Press Enter in the terminal where Roomcheck runs for a new link, and open it in your browser.',
    zh: '此一次性链接已被使用。请在运行 Roomcheck 的终端中按回车键获取新链接，并在浏览器中打开。',
  },
  link_wrong: {
    title: 'Roomcheck: this link is not valid',
    en: 'This link is not the one Roomcheck printed, or a newer link replaced it. Press Enter in the terminal where Roomcheck runs for a new link.',
    zh: '此链接不是 Roomcheck 打印的链接，或已被更新的链接取代。请在运行 Roomcheck 的终端中按回车键获取新链接。',
  },
};

export function doorPage(page: DoorPage): string {
  const t = TEXT[page];
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>',
    t.title,
    '</title></head><body><main><h1>Roomcheck</h1><p>',
    t.en,
    '</p><p lang="zh-CN">',
    t.zh,
    '</p></main></body></html>',
  ].join('');
}
