import { Tag, type TagColour } from "~/components/govuk";

const LABELS: Record<string, [string, TagColour]> = {
  QUEUED: ["Waiting to start", "grey"],
  RUNNING: ["Planning", "blue"],
  DONE: ["Draft", "yellow"],
  FAILED: ["Failed", "red"],
  CANCELLED: ["Cancelled", "grey"],
};

/** "Version 2: Draft" — a finished, unbooked version is a draft; a booked one says so. */
export function PlanStatusTag({ number, status, booked }: { number: number; status: string; booked: boolean }) {
  const [label, colour] = booked ? ["Booked", "green" as const] : (LABELS[status] ?? [status, "grey" as const]);
  return (
    <>
      Version {number}: <Tag colour={colour}>{label}</Tag>
    </>
  );
}
