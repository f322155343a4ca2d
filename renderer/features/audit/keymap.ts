// The walk-through's keys, in one table that both the key handler and the on-screen key map
// read, so what is shown is what works. Letters ignore case (Caps Lock on a borrowed laptop);
// Ctrl/Alt/Meta combinations are left to the browser and the system.

export type WalkCommand =
  | 'pass'
  | 'fail'
  | 'na'
  | 'confirm'
  | 'nextItem'
  | 'prevItem'
  | 'nextDevice'
  | 'prevDevice'
  | 'nextUnanswered'
  | 'search'
  | 'note'
  | 'notFound'
  | 'wrongLocation'
  | 'addUnexpected'
  | 'resolve';

export type KeyBinding = { readonly command: WalkCommand; readonly keys: readonly string[] };

/** In the order the key map shows them; the first key of each is the one printed first. */
export const KEY_MAP: readonly KeyBinding[] = [
  { command: 'pass', keys: ['P', '1'] },
  { command: 'fail', keys: ['F', '2'] },
  { command: 'na', keys: ['N', '3'] },
  { command: 'confirm', keys: ['Enter'] },
  { command: 'nextItem', keys: ['↓', 'J'] },
  { command: 'prevItem', keys: ['↑', 'K'] },
  { command: 'nextDevice', keys: ['→', ']'] },
  { command: 'prevDevice', keys: ['←', '['] },
  { command: 'nextUnanswered', keys: ['U'] },
  { command: 'search', keys: ['/'] },
  { command: 'note', keys: ['E'] },
  { command: 'notFound', keys: ['X'] },
  { command: 'wrongLocation', keys: ['W'] },
  { command: 'addUnexpected', keys: ['A'] },
  { command: 'resolve', keys: ['R'] },
];

const ARROWS: Readonly<Record<string, string>> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowRight: '→',
  ArrowLeft: '←',
  PageDown: '→',
  PageUp: '←',
};

const byKey = new Map<string, WalkCommand>();
for (const { command, keys } of KEY_MAP) for (const key of keys) byKey.set(key, command);

export type KeyFacts = {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
};

/** The command a key press means in the walk-through, or null when it means nothing there. */
export function commandForKey(event: KeyFacts): WalkCommand | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  const key = ARROWS[event.key] ?? (event.key.length === 1 ? event.key.toUpperCase() : event.key);
  return byKey.get(key) ?? null;
}
