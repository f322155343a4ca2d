import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { designDocument } from '../hub/design-document.ts';
import { HubPlanSchema, provisionHub } from '../hub/provision.ts';

// Sets up an organisation hub on Apache CouchDB 3.x (README, "The organisation hub"):
//   ROOMCHECK_HUB_ADMIN_PASSWORD=… npx tsx main/scripts/hub-setup.ts \
//     --url https://hub.example.org:6984 --admin admin --ca org-ca.pem --plan plan.json
// or prints the design document for installing it by hand:
//   npx tsx main/scripts/hub-setup.ts --print-design > roomcheck-design.json

const USAGE = `Usage:
  hub-setup --url ORIGIN --admin NAME [--ca CA.pem] --plan PLAN.json
      (the admin's password in the environment variable ROOMCHECK_HUB_ADMIN_PASSWORD)
  hub-setup --print-design`;

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
}

export async function hubSetup(args: string[]): Promise<number> {
  if (args.includes('--print-design')) {
    console.log(JSON.stringify(designDocument(), null, 2));
    return 0;
  }
  const url = option(args, '--url');
  const admin = option(args, '--admin');
  const planFile = option(args, '--plan');
  const password = process.env.ROOMCHECK_HUB_ADMIN_PASSWORD;
  if (!url || !admin || !planFile || !password) {
    console.error(USAGE);
    return 3;
  }
  const caFile = option(args, '--ca');
  const plan = HubPlanSchema.safeParse(JSON.parse(readFileSync(planFile, 'utf8')));
  if (!plan.success) {
    console.error(`The plan ${planFile} is not valid: ${plan.error.issues[0]?.message ?? ''}`);
    return 3;
  }
  const log = await provisionHub(
    {
      origin: new URL(url).origin,
      caPem: caFile ? readFileSync(caFile, 'utf8') : null,
      name: admin,
      password,
    },
    plan.data,
  );
  for (const line of log) console.log(line);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  hubSetup(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`The hub setup stopped: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
