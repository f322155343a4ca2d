import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// The inner layers are enforced by lint, not by convention: each probe is a small source file
// linted with the project's own eslint.config.js at a path inside the project (the file need
// not exist). Every rule is shown failing on the wrong side of a boundary and passing on the
// right side, so neither a broken rule nor an over-eager one goes unnoticed.

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function ruleIds(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('only main/electron/ may import Electron', () => {
  const staticImport = "import { app } from 'electron';\nexport const name = app.getName();\n";
  const dynamicImport =
    "export async function ask() {\n  return (await import('electron')).app.getName();\n}\n";

  it('fails in main/signing/, main/verify/ and main/cli/, static or dynamic', async () => {
    for (const dir of ['signing', 'verify', 'cli']) {
      expect(await ruleIds(`main/${dir}/probe.ts`, staticImport)).toContain(
        'no-restricted-imports',
      );
      expect(await ruleIds(`main/${dir}/probe.ts`, dynamicImport)).toContain(
        'no-restricted-syntax',
      );
    }
  });

  it('passes in main/electron/', async () => {
    expect(await ruleIds('main/electron/probe.ts', staticImport)).toEqual([]);
  });

  it('keeps plain Node code from reaching into main/electron/', async () => {
    const code =
      "import { createMainWindow } from '../electron/window.ts';\nexport const open = createMainWindow;\n";
    expect(await ruleIds('main/signing/probe.ts', code)).toContain('boundaries/dependencies');
  });
});

describe('outside renderer/db/, the database is reached only through repositories', () => {
  it('fails on a table read in a feature, however the connection is named', async () => {
    const direct =
      "import { db } from '../../db/instance.ts';\nexport const all = () => db().devices.toArray();\n";
    const aliased =
      "import { db } from '../../db/instance.ts';\nexport async function all() {\n  const database = db();\n  return database.audits.get('a');\n}\n";
    const parameter =
      "import type { RoomcheckDb } from '../../db/db.ts';\nexport const all = (conn: RoomcheckDb) => conn.sites.toArray();\n";
    for (const code of [direct, aliased, parameter])
      expect(await ruleIds('renderer/features/inventory/Probe.tsx', code)).toContain(
        'roomcheck/no-table-reads',
      );
  });

  it('passes when the feature calls a repository, and inside renderer/db/', async () => {
    const feature =
      "import { db } from '../../db/instance.ts';\nimport { listSites } from '../../db/repositories/inventory.ts';\nexport const all = () => listSites(db());\n";
    expect(await ruleIds('renderer/features/inventory/Probe.tsx', feature)).toEqual([]);
    const repository =
      "import type { RoomcheckDb } from '../db.ts';\nexport const all = (db: RoomcheckDb) => db.sites.toArray();\n";
    expect(await ruleIds('renderer/db/repositories/probe.ts', repository)).toEqual([]);
  });
});

describe('translations live in message catalogs', () => {
  const pair = "export const title = { en: 'Remote management', zh: '远程管理' };\n";

  it('fails on an inline {en, zh} pair in a feature, in shared/ and in main/', async () => {
    for (const path of [
      'renderer/features/audit/probe.ts',
      'shared/rules/probe.ts',
      'main/cli/probe.ts',
    ])
      expect(await ruleIds(path, pair)).toContain('roomcheck/no-inline-translations');
  });

  it('passes in a catalog, and on a schema that only has the shape', async () => {
    expect(await ruleIds('renderer/i18n/messages/probe.ts', pair)).toEqual([]);
    const shape =
      "import { z } from 'zod';\nexport const Text = z.object({ en: z.string(), zh: z.string() });\n";
    expect(await ruleIds('shared/domain/probe.ts', shape)).toEqual([]);
  });

  it('lets a listed file keep its pairs but not gain one, and asks for its entry to come down', async () => {
    // shared/rules/rule.ts is in lint/inline-translations-baseline.json with one pair.
    const one = pair;
    const two = `${pair}export const other = { en: 'Idle', zh: '闲置' };\n`;
    expect(await ruleIds('shared/rules/rule.ts', one)).toEqual([]);
    expect(await ruleIds('shared/rules/rule.ts', two)).toContain(
      'roomcheck/no-inline-translations',
    );
    expect(await ruleIds('shared/rules/rule.ts', 'export const none = 1;\n')).toContain(
      'roomcheck/no-inline-translations',
    );
  });
});

describe('every source file belongs to a layer', () => {
  it('fails on a file outside shared/, renderer/, main/, test/ and lint/', async () => {
    for (const path of ['tools/probe.ts', 'probe.ts', 'src/probe.ts'])
      expect(await ruleIds(path, 'export const x = 1;\n')).toContain('boundaries/no-unknown-files');
  });

  it('passes inside a layer', async () => {
    expect(await ruleIds('shared/probe.ts', 'export const x = 1;\n')).toEqual([]);
  });
});
