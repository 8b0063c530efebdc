import { Table } from "~/components/govuk";
import { percent, points } from "~/utils/proportions";
import type { ShownCount } from "~/utils/suppression";

type Share = { share: number; lower: number; upper: number } | null;
type Statement = {
  text: string;
  before: { n: ShownCount; share: Share };
  after: { n: ShownCount; share: Share };
  change: { difference: number; lower: number; upper: number } | null;
};

const shareText = (s: Share, n: ShownCount) =>
  s
    ? `${percent(s.share)} (${percent(s.lower)} to ${percent(s.upper)})`
    : typeof n === "number" && n === 0
      ? "no answers"
      : "not enough answers";
const count = (n: ShownCount) => (typeof n === "number" ? n.toLocaleString("en-GB") : n);

/** Each statement's share agreeing before and after, with 95 % intervals, and the change in percentage points. */
export function StatementsTable({
  caption,
  statements,
  beforeLabel,
  afterLabel,
}: {
  caption: string;
  statements: Statement[];
  beforeLabel: string;
  afterLabel: string;
}) {
  return (
    <Table
      caption={caption}
      captionClassName="govuk-table__caption--m"
      head={[
        { text: "Statement" },
        { text: `${beforeLabel}: answers`, format: "numeric" },
        { text: `${beforeLabel}: agreeing (95% CI)`, format: "numeric" },
        { text: `${afterLabel}: answers`, format: "numeric" },
        { text: `${afterLabel}: agreeing (95% CI)`, format: "numeric" },
        { text: "Change, percentage points (95% CI)", format: "numeric" },
      ]}
      firstCellIsHeader
      rows={statements.map((s) => ({
        key: s.text,
        cells: [
          { text: s.text },
          { text: count(s.before.n), format: "numeric" },
          { text: shareText(s.before.share, s.before.n), format: "numeric" },
          { text: count(s.after.n), format: "numeric" },
          { text: shareText(s.after.share, s.after.n), format: "numeric" },
          {
            text: s.change
              ? `${points(s.change.difference)} (${points(s.change.lower)} to ${points(s.change.upper)})`
              : "not enough answers",
            format: "numeric",
          },
        ],
      }))}
    />
  );
}

type Paired = {
  text: string;
  pairs: ShownCount;
  before: number | null;
  after: number | null;
  agreeBeforeOnly: ShownCount;
  agreeAfterOnly: ShownCount;
  p: number | null;
  method: string | null;
};

const pText = (p: number | null) => (p === null ? "no change to test" : p < 0.001 ? "below 0.001" : p.toFixed(3));

/** Answers from pupils whose before and after were paired, with McNemar's test. */
export function PairedTable({ rows }: { rows: Paired[] }) {
  return (
    <Table
      caption="Paired answers (McNemar’s test)"
      captionClassName="govuk-table__caption--m"
      head={[
        { text: "Statement" },
        { text: "Pairs", format: "numeric" },
        { text: "Agreeing before", format: "numeric" },
        { text: "Agreeing after", format: "numeric" },
        { text: "Changed to agreeing", format: "numeric" },
        { text: "Changed to not agreeing", format: "numeric" },
        { text: "p-value", format: "numeric" },
      ]}
      firstCellIsHeader
      rows={rows.map((r) => ({
        key: r.text,
        cells: [
          { text: r.text },
          { text: count(r.pairs), format: "numeric" },
          { text: r.before === null ? "not enough pairs" : percent(r.before), format: "numeric" },
          { text: r.after === null ? "not enough pairs" : percent(r.after), format: "numeric" },
          { text: count(r.agreeAfterOnly), format: "numeric" },
          { text: count(r.agreeBeforeOnly), format: "numeric" },
          { text: r.before === null ? "not enough pairs" : pText(r.p), format: "numeric" },
        ],
      }))}
    />
  );
}
