// Make the first admin of a new installation and print a single-use link for them to choose a password:
//   npm run create-admin -- --email admin@council.gov.uk --name "Sam Admin"
// Refused once an active admin exists (they add users at /admin/users). Audited.
import { parseArgs } from "node:util";
import { z } from "zod";
import { createFirstAdmin, FIRST_ADMIN_LINK_HOURS } from "~/models/first-admin.server";
import { db } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { runAsScript, type CliIo } from "./cli";

const USAGE = 'Usage: npm run create-admin -- --email admin@council.gov.uk --name "Sam Admin"\n';
const EMAIL_ERROR = "--email must be an email address, like admin@council.gov.uk";
const argsSchema = z.object({
  email: z
    .string({ error: EMAIL_ERROR })
    .trim()
    .pipe(z.email({ error: EMAIL_ERROR })),
  name: z.string().trim().min(1, { error: "--name must be the admin's name" }).max(200),
});

export async function main(argv: string[], io: CliIo): Promise<number> {
  let values: { email?: string; name?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { email: { type: "string" }, name: { type: "string" } } }));
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    io.stderr(`${parsed.error.issues.map((i) => i.message).join("\n")}\n${USAGE}`);
    return 2;
  }
  try {
    const { link } = await createFirstAdmin(parsed.data);
    io.stdout(`Admin ${parsed.data.email.toLowerCase()} created. Give them this link to choose a password (it works once, `);
    io.stdout(`for ${FIRST_ADMIN_LINK_HOURS} hours):\n\n  ${link}\n\nThey set up two-factor authentication when they first sign in.\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    io.stderr(`Could not create the admin: ${error.message}\n`);
    return 1;
  }
}

await runAsScript(import.meta.url, main, () => db.$disconnect());
