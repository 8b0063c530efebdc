import { Tag, type TagColour } from "~/components/govuk";
import { STATUS_LABELS, type SessionStatus } from "~/utils/session-status";

const COLOURS: Record<SessionStatus, TagColour> = {
  PROVISIONAL: "grey",
  INVITED: "blue",
  CONFIRMED: "green",
  DECLINED: "orange",
  DELIVERED: "teal",
  CANCELLED: "red",
};

export function StatusTag({ status }: { status: SessionStatus }) {
  return <Tag colour={COLOURS[status]}>{STATUS_LABELS[status]}</Tag>;
}
