import { z } from "zod";
import type { InvitationResponseInput } from "~/models/invitations.server";
import { optionalText } from "~/utils/form-fields";
import { dateFromParts } from "~/utils/time";
import { PREFERRED_DATE_FIELDS } from "./invitation-response";

// The venue's answer on the response page (GOV.UK wording). Day/month/year parts become "YYYY-MM-DD".
const part = z.string().trim().max(4).optional();

const PUPILS_FORMAT = "Enter the number of pupils as a whole number, like 120";

export const invitationResponseSchema = z
  .object({
    response: z.enum(["ACCEPT", "DECLINE", "ALTERNATIVE"], { error: "Select whether you can host the session on this date" }),
    reason: optionalText("Your reason", 1000),
    note: optionalText("Your message", 1000),
    preferred1Day: part,
    preferred1Month: part,
    preferred1Year: part,
    preferred2Day: part,
    preferred2Month: part,
    preferred2Year: part,
    preferred3Day: part,
    preferred3Month: part,
    preferred3Year: part,
    // Checked in superRefine (not with z.coerce) so its error shows together with the others.
    expectedPupils: z.string().trim().max(12, { error: PUPILS_FORMAT }).optional(),
    onTheDayContact: optionalText("Contact on the day", 200),
  })
  .superRefine((v, ctx) => {
    if (v.expectedPupils !== undefined) {
      const pupils = Number(v.expectedPupils.replace(/,/g, ""));
      if (!/^[\d,]+$/.test(v.expectedPupils) || !Number.isInteger(pupils))
        ctx.addIssue({ code: "custom", path: ["expectedPupils"], message: PUPILS_FORMAT });
      else if (pupils < 1 || pupils > 5000)
        ctx.addIssue({ code: "custom", path: ["expectedPupils"], message: "Number of pupils must be between 1 and 5,000" });
    }
    if (v.response === "DECLINE" && !v.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Tell us why you cannot host the session" });
    if (v.response === "ALTERNATIVE") {
      if (!v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "Tell us which dates or times would suit you better" });
      for (const field of PREFERRED_DATE_FIELDS) {
        const parts = [v[`${field}Day`], v[`${field}Month`], v[`${field}Year`]];
        if (parts.every((p) => !p)) continue;
        if (!dateFromParts(parts[0] ?? "", parts[1] ?? "", parts[2] ?? "")) {
          ctx.addIssue({ code: "custom", path: [field], message: "Preferred date must be a real date, like 12 5 2026" });
        }
      }
    }
  })
  .transform((v): InvitationResponseInput => {
    const extra = {
      expectedPupils: v.expectedPupils ? Number(v.expectedPupils.replace(/,/g, "")) : undefined,
      onTheDayContact: v.onTheDayContact || undefined,
    };
    if (v.response === "ACCEPT") return { response: "ACCEPT", ...extra };
    if (v.response === "DECLINE") return { response: "DECLINE", reason: v.reason!, ...extra };
    const preferredDates = PREFERRED_DATE_FIELDS.map((f) =>
      dateFromParts(v[`${f}Day`] ?? "", v[`${f}Month`] ?? "", v[`${f}Year`] ?? ""),
    ).filter((d): d is string => d !== null);
    return { response: "ALTERNATIVE", note: v.note!, preferredDates, ...extra };
  });
