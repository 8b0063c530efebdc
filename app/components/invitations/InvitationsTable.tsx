import { Table, Tag, type TagColour } from "~/components/govuk";
import { formatDate, formatDateTime } from "~/utils/time";

type Invitation = {
  id: string;
  contactName: string;
  email: string;
  status: string;
  declineReason: string | null;
  alternativeNote: string | null;
  preferredDates: string[];
  responseExpectedPupils: number | null;
  onTheDayContact: string | null;
  sentAt: string | Date | null;
  respondedAt: string | Date | null;
  lastChasedAt: string | Date | null;
  revokedAt: string | Date | null;
  emailFailure?: string | null;
};

const STATUS: Record<string, [string, TagColour]> = {
  PENDING: ["Waiting for reply", "yellow"],
  ACCEPTED: ["Accepted", "green"],
  TENTATIVE: ["Tentatively accepted", "blue"],
  DECLINED: ["Declined", "red"],
  ALTERNATIVE_PROPOSED: ["Asked for another date", "orange"],
};

/** The invitations of a session and the venue's answers: for the invite page and the session page. */
export function InvitationsTable({ invitations, total }: { invitations: Invitation[]; total: number }) {
  if (total === 0) return <p className="govuk-body">No invitations have been sent for this session.</p>;
  return (
    <Table
      caption={total > invitations.length ? `Latest ${invitations.length} of ${total} invitations` : "Invitations"}
      captionClassName="govuk-table__caption--m"
      head={[{ text: "Contact" }, { text: "Sent" }, { text: "Answer" }, { text: "Details" }]}
      rows={invitations.map((i) => {
        const [label, colour] = i.revokedAt
          ? ["Replaced or withdrawn", "grey" as TagColour]
          : (STATUS[i.status] ?? [i.status, "grey" as TagColour]);
        const details = [
          i.emailFailure && `Email to this address is failing: ${i.emailFailure}`,
          i.declineReason && `Reason: ${i.declineReason}`,
          i.alternativeNote && `Message: ${i.alternativeNote}`,
          i.preferredDates.length > 0 && `Preferred dates: ${i.preferredDates.map((d) => formatDate(d)).join("; ")}`,
          i.responseExpectedPupils != null && `Expected pupils: ${i.responseExpectedPupils}`,
          i.onTheDayContact && `Contact on the day: ${i.onTheDayContact}`,
          i.respondedAt && `Answered ${formatDateTime(new Date(i.respondedAt))}`,
          i.lastChasedAt && `Chased ${formatDateTime(new Date(i.lastChasedAt))}`,
        ].filter(Boolean);
        return {
          key: i.id,
          cells: [
            {
              text: (
                <>
                  {i.contactName}
                  <br />
                  <span className="govuk-body-s">{i.email}</span>
                </>
              ),
            },
            { text: i.sentAt ? formatDateTime(new Date(i.sentAt)) : "Not sent" },
            { text: <Tag colour={colour}>{label}</Tag> },
            {
              text: details.length
                ? details.map((d) => (
                    <span key={String(d)} className="govuk-!-display-block">
                      {d}
                    </span>
                  ))
                : "None",
            },
          ],
        };
      })}
    />
  );
}

/** Text with line breaks, without inline styles (the CSP allows none). */
export function MultilineText({ text }: { text: string }) {
  const lines = text.split("\n");
  return (
    <>
      {lines.map((line, i) => (
        <span key={i} className="govuk-!-display-block">
          {line}
        </span>
      ))}
    </>
  );
}
