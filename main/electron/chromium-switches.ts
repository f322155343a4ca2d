import type { CommandLine } from 'electron';

/**
 * Chromium switches for an app that never talks to the network: no disk HTTP cache (it would
 * only hold copies of our own UI next to the user's data) and no QUIC. Applied before `ready`.
 */
export const CHROMIUM_SWITCHES = ['disable-http-cache', 'disable-quic'] as const;

export function applyChromiumSwitches(commandLine: Pick<CommandLine, 'appendSwitch'>): void {
  for (const name of CHROMIUM_SWITCHES) commandLine.appendSwitch(name);
}
