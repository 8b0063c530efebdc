import { Tag, type TagColour } from "~/components/govuk";
import { RISK_LABELS, STATUS_LABELS, type DisclosureStatusValue, type RiskLevel } from "~/models/disclosure-options";

const RISK_COLOURS: Record<RiskLevel, TagColour> = { LOW: "green", MEDIUM: "yellow", HIGH: "red" };
const STATUS_COLOURS: Record<DisclosureStatusValue, TagColour> = { OPEN: "blue", REFERRED: "teal", MONITORING: "orange", CLOSED: "grey" };

export function RiskTag({ risk }: { risk: string }) {
  const r = risk as RiskLevel;
  return <Tag colour={RISK_COLOURS[r]}>{RISK_LABELS[r] ?? risk} risk</Tag>;
}

export function StatusTag({ status }: { status: string }) {
  const s = status as DisclosureStatusValue;
  return <Tag colour={STATUS_COLOURS[s]}>{STATUS_LABELS[s] ?? status}</Tag>;
}
