import type { Tx } from "./db.server";

/** Who did it and from where; passed from the route to the model. */
export type Actor = { id: string; email: string; roles: readonly string[] };
export type RequestMeta = { ip: string | null; userAgent: string | null };

// Details are typed per action and carry a version so old rows stay readable. Never put free text
// from disclosures, passwords or tokens here.
export type AuditEntry =
  | {
      action: "auth.sign_in";
      entityType: "User";
      entityId: string;
      details: { v: 1; secondFactor?: "totp" | "recovery_code" | "enrolled" };
    }
  | {
      action: "auth.sign_in_failed";
      details: { v: 1; reason: "unknown_email" | "wrong_password" | "inactive" | "locked" | "wrong_code" | "replayed_code" };
    }
  | { action: "auth.sign_out"; entityType: "User"; entityId: string; details: { v: 1 } }
  | { action: "auth.lockout"; entityType: "User"; entityId: string; details: { v: 1; failedSignIns: number; lockedUntil: string } }
  | {
      action: "auth.totp_enrolled" | "auth.totp_reset" | "auth.totp_turned_off" | "auth.recovery_codes_replaced";
      entityType: "User";
      entityId: string;
      details: { v: 1 };
    }
  | { action: "auth.recovery_code_used"; entityType: "User"; entityId: string; details: { v: 1; remaining: number } }
  | {
      action: "auth.password_reset_requested" | "auth.password_reset_completed" | "auth.password_changed";
      entityType: "User";
      entityId: string;
      details: { v: 1 };
    }
  | {
      action: "auth.session_ended";
      entityType: "User";
      entityId: string;
      details: { v: 1; scope: "one" | "all"; authSessionId?: string; count: number };
    }
  | { action: "user.create"; entityType: "User"; entityId: string; details: { v: 1; roles: string[] } }
  | { action: "user.update"; entityType: "User"; entityId: string; details: { v: 1; changed: string[]; roles?: string[] } }
  | { action: "user.deactivate" | "user.reactivate"; entityType: "User"; entityId: string; details: { v: 1 } }
  // Disclosures: ids, field names and codes only — never the account, immediate action, addenda or action text.
  | {
      action: "disclosure.create";
      entityType: "Disclosure";
      entityId: string;
      details: { v: 1; reference: string; risk: string; alerted: number };
    }
  | { action: "disclosure.read" | "disclosure.audit_read"; entityType: "Disclosure"; entityId: string; details: { v: 1 } }
  | { action: "disclosure.list"; entityType: "Disclosure"; details: { v: 1; page: number; filters: string[]; shown: string[] } }
  | { action: "disclosure.export"; entityType: "Disclosure"; details: { v: 1; filters: string[]; exported: string[] } }
  | { action: "disclosure.dashboard" | "disclosure.retention_list"; entityType: "Disclosure"; details: { v: 1; shown?: string[] } }
  | { action: "disclosure.addendum"; entityType: "Disclosure"; entityId: string; details: { v: 1; addendumId: string } }
  | { action: "disclosure.change"; entityType: "Disclosure"; entityId: string; details: { v: 1; changed: string[] } }
  | {
      action: "disclosure.action_add" | "disclosure.action_complete";
      entityType: "Disclosure";
      entityId: string;
      details: { v: 1; actionId: string };
    }
  | {
      action: "disclosure.delete";
      entityType: "Disclosure";
      entityId: string;
      details: { v: 1; reference: string; retainUntil: string | null };
    }
  | {
      action: "disclosure.key_rotate";
      entityType: "Disclosure";
      details: { v: 1; fromKeyId: string; toKeyId: string; rotated: number; alreadyCurrent: number };
    }
  | { action: "disclosure.settings_update"; entityType: "Setting"; entityId: string; details: { v: 1 } }
  | {
      action: "disclosure.category_add" | "disclosure.category_archive" | "disclosure.category_restore";
      entityType: "ConcernCategory";
      entityId: string;
      details: { v: 1; code: string };
    }
  // Invitations, calendar feeds and the email outbox (issue 7)
  | { action: "invitation.send" | "invitation.chase"; entityType: "Session"; entityId: string; details: { v: 1; invitationIds: string[] } }
  | {
      action: "invitation.respond";
      entityType: "Invitation";
      entityId: string;
      details: { v: 1; response: "ACCEPTED" | "TENTATIVE" | "DECLINED" | "ALTERNATIVE_PROPOSED"; via?: "PAGE" | "CALENDAR" };
    }
  | {
      action: "invitation.counter_accept" | "invitation.counter_decline";
      entityType: "Session";
      entityId: string;
      details: { v: 1; inboundMessageId: string };
    }
  // Calendar replies and other mail to the reply addresses (issue 16): outcome codes and ids only, never the text.
  | {
      action: "inbound.message";
      entityType: "InboundMessage";
      entityId: string;
      details: { v: 1; outcome: string; source: string; invitationId?: string; failingContactIds?: string[] };
    }
  | {
      action: "inbound.held_approve" | "inbound.held_reject";
      entityType: "InboundMessage";
      entityId: string;
      details: { v: 1; sessionId: string };
    }
  | {
      action: "feed.create" | "feed.revoke";
      entityType: "CalendarFeed";
      entityId: string;
      details: { v: 1; scope: "VENUE" | "TEAM" | "USER" };
    }
  | {
      // The address is a secret: its host only.
      action: "external_calendar.add" | "external_calendar.remove";
      entityType: "ExternalCalendar";
      entityId: string;
      details: { v: 1; owner: "TEAM" | "VENUE"; ownerId: string; host: string };
    }
  | { action: "outbox.retry"; entityType: "OutboxMessage"; entityId: string; details: { v: 1 } }
  // Attendance, registers, certificates (issue 8). Counts and statuses only, never names.
  | {
      action: "attendance.record";
      entityType: "Session";
      entityId: string;
      details: { v: 1; correction: boolean; pupils: number; adults: number | null; headcount: number | null };
    }
  | { action: "register.add"; entityType: "Session"; entityId: string; details: { v: 1; personId: string; createdPerson: boolean } }
  | {
      action: "register.import";
      entityType: "Session";
      entityId: string;
      details: { v: 1; added: number; skippedInvalid: number; alreadyOnRegister: number };
    }
  | { action: "register.remove"; entityType: "Session"; entityId: string; details: { v: 1; personId: string } }
  | {
      action: "register.mark";
      entityType: "Session";
      entityId: string;
      details: { v: 1; attended: number; absent: number; changed: number; certificatesIssued: number; certificatesWithdrawn: number };
    }
  | { action: "certificate.email"; entityType: "Certificate"; entityId: string; details: { v: 1; sessionId: string } }
  | { action: "refresher.invite"; entityType: "Session"; entityId: string; details: { v: 1; invited: number; alreadyOnRegister: number } }
  // Issue 5: reference data (programmes, teams, venues, contacts, school calendar, GIAS import)
  | {
      action: "programme.create" | "programme.update" | "programme.archive" | "programme.restore";
      entityType: "Programme";
      entityId: string;
      details: { v: 1; changed?: string[] };
    }
  | {
      action: "team.create" | "team.update" | "team.archive" | "team.restore";
      entityType: "Team";
      entityId: string;
      details: { v: 1; changed?: string[]; memberIds?: string[] };
    }
  | {
      action: "venue.create" | "venue.update" | "venue.archive" | "venue.restore" | "venue.delete";
      entityType: "Venue";
      entityId: string;
      details: { v: 1; changed?: string[] };
    }
  | {
      action: "contact.create" | "contact.update" | "contact.remove";
      entityType: "VenueContact";
      entityId: string;
      details: { v: 1; venueId: string; changed?: string[] };
    }
  | {
      action: "calendar.year.create" | "calendar.year.update";
      entityType: "AcademicYear";
      entityId: string;
      details: { v: 1; name: string };
    }
  | {
      action: "calendar.term.create" | "calendar.term.update" | "calendar.term.delete";
      entityType: "Term";
      entityId: string;
      details: { v: 1; venueId: string | null; startDate: string; endDate: string };
    }
  | { action: "calendar.terms.import"; details: { v: 1; created: number; updated: number; years: string[] } }
  | {
      action: "calendar.closure.create" | "calendar.closure.delete";
      entityType: "Closure";
      entityId: string;
      details: { v: 1; venueId: string | null; reason: string; startDate: string; endDate: string };
    }
  | {
      action: "schools.import";
      details: {
        v: 1;
        laCode: string;
        includeSpecial: boolean;
        batch: number;
        rows: number;
        created: number;
        updated: number;
        unchanged: number;
        closed: number;
        skipped: number;
      };
    }
  | { action: "session.book"; entityType: "Session"; entityId: string; details: { v: 1; status: string; capacityOverridden: boolean } }
  | { action: "session.move"; entityType: "Session"; entityId: string; details: { v: 1; changed: string[] } }
  | { action: "session.cancel"; entityType: "Session"; entityId: string; details: { v: 1; previousStatus: string } }
  | { action: "session.update_details"; entityType: "Session"; entityId: string; details: { v: 1; changed: string[] } }
  // Tour plans
  | { action: "plan.request"; entityType: "TourPlan"; entityId: string; details: { v: 1; versionId: string; schools: number } }
  | { action: "plan.replan"; entityType: "TourPlan"; entityId: string; details: { v: 1; fromVersionId: string; versionId: string } }
  | { action: "plan.cancel"; entityType: "TourPlan"; entityId: string; details: { v: 1; versionId: string } }
  | { action: "plan.book"; entityType: "TourPlan"; entityId: string; details: { v: 1; versionId: string; sessions: number } }
  // Targets and progress to target
  | { action: "target.created"; entityType: "Target"; entityId: string; details: { v: 1; after: TargetAuditSnapshot } }
  | {
      action: "target.updated";
      entityType: "Target";
      entityId: string;
      details: { v: 1; before: TargetAuditSnapshot; after: TargetAuditSnapshot };
    }
  | { action: "target.deleted"; entityType: "Target"; entityId: string; details: { v: 1; before: TargetAuditSnapshot } }
  // The council's register of licensed taxi and private-hire drivers, replaced whole at each import
  | { action: "licensed_drivers.import"; entityType: "LicensedDriver"; details: { v: 1; drivers: number } }
  // Evaluation questionnaires (issue 18): ids and counts only, never a pupil's free text
  | {
      action: "questionnaire.version";
      entityType: "Programme";
      entityId: string;
      details: { v: 1; versionId: string; number: number; questions: number };
    }
  | {
      action: "questionnaire.run";
      entityType: "Session";
      entityId: string;
      details: { v: 1; opensOn: string; closesOn: string; collecting: string };
    }
  | { action: "questionnaire.paper_tally"; entityType: "Session"; entityId: string; details: { v: 1; sitting: string; forms: number } }
  | { action: "questionnaire.free_text_list"; entityType: "QuestionnaireAnswer"; details: { v: 1; page: number; shown: string[] } }
  | { action: "questionnaire.free_text_read"; entityType: "QuestionnaireAnswer"; entityId: string; details: { v: 1 } }
  | {
      action: "questionnaire.free_text_disclosure";
      entityType: "QuestionnaireAnswer";
      entityId: string;
      details: { v: 1; disclosureId: string };
    }
  // The council's larger suppression threshold for public reports (null: the usual 5)
  | {
      action: "report.settings_update";
      entityType: "Setting";
      entityId: string;
      details: { v: 1; before: number | null; after: number | null };
    };

/** A target as the audit trail records it (no personal data). */
export type TargetAuditSnapshot = {
  metric: string;
  programmeId: string | null;
  value: number;
  fromDate: string;
  toDate: string;
  note: string | null;
};

/**
 * Append an audit row inside the caller's transaction, so the change and its record commit or fail together.
 * Errors propagate: a failed audit write fails the request.
 */
export async function writeAudit(
  tx: Tx,
  who: { actor?: Pick<Actor, "id" | "email"> | null; attemptedEmail?: string; meta: RequestMeta },
  entry: AuditEntry,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: who.actor?.id ?? null,
      actorEmail: who.actor?.email ?? who.attemptedEmail ?? null,
      action: entry.action,
      entityType: "entityType" in entry ? entry.entityType : null,
      entityId: "entityId" in entry ? entry.entityId : null,
      ip: who.meta.ip,
      userAgent: who.meta.userAgent?.slice(0, 500) ?? null,
      details: entry.details,
    },
  });
}

export function requestMeta(request: Request): RequestMeta {
  // server.ts overwrites x-client-ip with the socket (or trusted proxy) address, so it cannot be spoofed.
  return {
    ip: request.headers.get("x-client-ip"),
    userAgent: request.headers.get("user-agent"),
  };
}
