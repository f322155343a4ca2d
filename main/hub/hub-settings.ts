import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { HubStatus } from '../../shared/bridge/hub-schemas.ts';
import { ROLE, SiteCodeSchema, siteCodesOfRoles } from '../../shared/hub/names.ts';
import {
  KeyProtectionError,
  ProtectedKeySchema,
  protectionKindOf,
  type KeyProtector,
} from '../identity/key-protector.ts';
import { replaceFile } from '../storage/atomic-file.ts';
import { serialized } from '../storage/file-queue.ts';

// The hub this installation belongs to, in <dataDir>/hub/hub.json: its origin, the user name,
// the organisation's CA and the user's roles in the clear; the password only as a protected
// envelope, sealed exactly like a signing key (key-protector.ts: the OS keychain in the desktop
// app, a passphrase elsewhere) and bound to this origin and user. Once unlocked in a session
// the password stays in main's memory, never in the renderer.

export const HubSettingsSchema = z
  .object({
    format: z.literal('roomcheck.hub-settings'),
    formatVersion: z.literal(1),
    origin: z.string().max(2000),
    user: z.string().max(200),
    caPem: z.string().max(200_000).nullable(),
    roles: z.array(z.string().max(200)).max(1000),
    /** The sites a manager or the import station keeps (inspectors have their site roles). */
    managerSites: z.array(SiteCodeSchema).max(1000),
    password: ProtectedKeySchema,
    joinedAt: z.string(),
  })
  .strict();
export type HubSettings = z.infer<typeof HubSettingsSchema>;

export class HubSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HubSettingsError';
  }
}

/** The envelope names what it protects, so it cannot be moved to another hub or user. */
export const credentialContext = (origin: string, user: string) => `hub:${origin}:${user}`;

/** Passwords unlocked in this process, by settings file. */
const unlocked = new Map<string, string>();

export class HubSettingsStore {
  readonly file: string;
  constructor(dataDir: string) {
    this.file = join(dataDir, 'hub', 'hub.json');
  }

  async read(): Promise<HubSettings | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return null;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new HubSettingsError('The stored hub settings are damaged; join the hub again.');
    }
    const checked = HubSettingsSchema.safeParse(parsed);
    if (!checked.success) {
      throw new HubSettingsError('The stored hub settings are damaged; join the hub again.');
    }
    return checked.data;
  }

  async save(
    fields: Omit<HubSettings, 'format' | 'formatVersion' | 'password' | 'joinedAt'>,
    password: string,
    protector: KeyProtector,
  ): Promise<HubSettings> {
    const envelope = await protector.protect(
      new TextEncoder().encode(password),
      credentialContext(fields.origin, fields.user),
    );
    const settings: HubSettings = {
      format: 'roomcheck.hub-settings',
      formatVersion: 1,
      ...fields,
      password: envelope,
      joinedAt: new Date().toISOString(),
    };
    await serialized(this.file, async () => {
      await mkdir(join(this.file, '..'), { recursive: true, mode: 0o700 });
      await replaceFile(this.file, JSON.stringify(settings, null, 2));
    });
    unlocked.set(this.file, password);
    return settings;
  }

  async unlock(protector: KeyProtector): Promise<HubSettings> {
    const settings = await this.read();
    if (!settings) throw new HubSettingsError('No hub is configured.');
    const bytes = await protector.unprotect(
      settings.password,
      credentialContext(settings.origin, settings.user),
    );
    unlocked.set(this.file, new TextDecoder().decode(bytes));
    return settings;
  }

  /** The password when this session has it: unlocked earlier, or sealed by the OS keychain. */
  async password(
    settings: HubSettings,
    keychain: (() => Promise<KeyProtector>) | null,
  ): Promise<string | null> {
    const known = unlocked.get(this.file);
    if (known !== undefined) return known;
    if (protectionKindOf(settings.password) !== 'safeStorage' || !keychain) return null;
    try {
      await this.unlock(await keychain());
    } catch (err) {
      if (err instanceof KeyProtectionError) return null;
      throw err;
    }
    return unlocked.get(this.file) ?? null;
  }

  async forget(): Promise<void> {
    unlocked.delete(this.file);
    await serialized(this.file, () => rm(this.file, { force: true }));
  }

  status(settings: HubSettings | null, ready: boolean): HubStatus {
    if (!settings) return { state: 'none' };
    const manager = settings.roles.includes(ROLE.manager);
    // Managers and the hub's import station name the sites they keep; inspectors have theirs.
    const listsSites = manager || settings.roles.includes(ROLE.importer);
    const siteCodes = listsSites ? settings.managerSites : siteCodesOfRoles(settings.roles);
    return {
      state: ready ? 'ready' : 'locked',
      origin: settings.origin,
      user: settings.user,
      roles: settings.roles,
      siteCodes,
      manager,
      protection: protectionKindOf(settings.password),
      hasCa: settings.caPem !== null,
    };
  }
}
