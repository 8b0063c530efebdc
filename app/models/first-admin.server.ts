// The first admin of a new installation, made from the command line (npm run create-admin): nobody can sign in
// yet to use /admin/users. No password is typed on the command line (it would stay in the shell's history): the
// admin gets a single-use link to choose one, then sets up two-factor at first sign-in like any admin.
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { DomainError, EmailTakenError } from "~/utils/errors";
import { hashPassword } from "~/utils/password.server";
import { generateToken } from "~/utils/tokens.server";
import { createPasswordLink } from "./passwords.server";
import { normaliseEmail } from "./users.server";

export const FIRST_ADMIN_LINK_HOURS = 24;

export class AdminExistsError extends DomainError {
  constructor() {
    super("An active admin already exists: they add users at /admin/users. Nothing was changed.");
  }
}

export async function createFirstAdmin(input: { email: string; name: string; now?: Date }): Promise<{ userId: string; link: string }> {
  const now = input.now ?? new Date();
  const email = normaliseEmail(input.email);
  // A password nobody knows: the account can be used only once its admin has chosen one from the link.
  const passwordHash = await hashPassword(generateToken());
  return db.$transaction(async (tx) => {
    const admins = await tx.user.count({ where: { active: true, roles: { some: { role: "ADMIN" } } } });
    if (admins > 0) throw new AdminExistsError();
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new EmailTakenError(email);
    const user = await tx.user.create({
      data: { email, name: input.name.trim(), passwordHash, roles: { create: [{ role: "ADMIN" }] } },
      select: { id: true },
    });
    await writeAudit(
      tx,
      { actor: null, meta: { ip: null, userAgent: "npm run create-admin" } },
      { action: "user.create", entityType: "User", entityId: user.id, details: { v: 1, roles: ["ADMIN"] } },
    );
    return { userId: user.id, link: await createPasswordLink(tx, user.id, now, FIRST_ADMIN_LINK_HOURS * 60) };
  });
}
