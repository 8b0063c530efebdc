// Session lifecycle names, shared by the model and pages: provisional → invited → confirmed / declined → delivered / cancelled.
export const SESSION_STATUSES = ["PROVISIONAL", "INVITED", "CONFIRMED", "DECLINED", "DELIVERED", "CANCELLED"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const STATUS_LABELS: Record<SessionStatus, string> = {
  PROVISIONAL: "Provisional",
  INVITED: "Invited",
  CONFIRMED: "Confirmed",
  DECLINED: "Declined",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
};
