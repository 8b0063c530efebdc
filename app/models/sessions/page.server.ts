// The session page: the session, its invitations, and what this user may do with it now. Each action's rule
// lives with its feature; this module only gathers them for one page.
import {
  counterProposalsForSession,
  emailAnswersForSession,
  heldAnswerLabel,
  heldRepliesForSession,
} from "~/models/calendar-replies.server";
import { canLogDisclosureAt } from "~/models/disclosures.server";
import { invitationsForSession, isInvitable } from "~/models/invitations.server";
import { getSession } from "~/models/sessions/queries.server";
import type { Actor } from "~/utils/audit.server";
import { attendanceModeFor, type ProgrammeKind } from "~/utils/attendance";
import { db } from "~/utils/db.server";
import { can, type Role } from "~/utils/permissions";

/** Null when the session does not exist or the user may not see it. */
export async function sessionPage(user: Actor & { roles: readonly Role[] }, sessionId: string, now = new Date()) {
  const session = await getSession(user, sessionId);
  if (!session) return null;
  const canManageRegister = can(user.roles, "register:manage");
  const [invitations, certificates, logDisclosure, proposals, held, emailAnswers] = await Promise.all([
    invitationsForSession(session.id),
    canManageRegister ? db.certificate.count({ where: { sessionId: session.id } }) : Promise.resolve(0),
    canLogDisclosureAt(user, session.id, now),
    session.actions.move ? counterProposalsForSession(session.id) : Promise.resolve([]),
    session.actions.move ? heldRepliesForSession(session.id) : Promise.resolve([]),
    can(user.roles, "invitation:send") ? emailAnswersForSession(session.id) : Promise.resolve([]),
  ]);
  const started = session.startsAt <= now;
  const takesPlace = session.status !== "CANCELLED" && session.status !== "DECLINED";
  const attendance =
    can(user.roles, "attendance:read") && started && takesPlace ? (can(user.roles, "attendance:record") ? "record" : "read") : null;
  return {
    session,
    invitations,
    /** Times proposed from calendars ("Propose new time") waiting for the coordinator. */
    proposals,
    /** Calendar answers from people the invitation was forwarded to, for the coordinator to approve or reject. */
    held: held.map((h) => ({ ...h, answer: heldAnswerLabel(h) })),
    /** Plain email answers to the invitation, passed on to the coordinator. */
    emailAnswers,
    actions: {
      ...session.actions,
      invite: can(user.roles, "invitation:send") && isInvitable(session, now),
      attendance,
      // Named registers (briefings and driver training) are filled in before and on the day.
      register:
        can(user.roles, "attendance:record") &&
        session.status !== "CANCELLED" &&
        attendanceModeFor(session.programme.kind as ProgrammeKind) === "REGISTER",
      certificates: canManageRegister && certificates > 0,
      logDisclosure,
    },
  };
}
