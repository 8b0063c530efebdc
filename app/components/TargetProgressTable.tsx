import { Table, Tag } from "~/components/govuk";
import type { TargetProgress } from "~/models/targets.server";
import { TARGET_STATUS_COLOURS } from "~/utils/target-status";
import { formatDateRange } from "~/utils/time";

const n = (value: number) => value.toLocaleString("en-GB");

/**
 * Targets with their progress: "2,950 of 4,000 (74%)", what is booked on top, and a status tag.
 * Give it the (serialised) result of targetProgress; `canManage` adds change and delete links.
 */
export function TargetProgressTable({
  targets,
  caption,
  captionClassName = "govuk-table__caption--m",
  canManage = false,
}: {
  targets: TargetProgress[];
  caption?: string;
  captionClassName?: string;
  canManage?: boolean;
}) {
  return (
    <Table
      caption={caption}
      captionClassName={captionClassName}
      head={[
        { text: "Target" },
        { text: "Period" },
        { text: "Progress" },
        { text: "With bookings" },
        { text: "Status" },
        ...(canManage ? [{ text: <span className="govuk-visually-hidden">Actions</span> }] : []),
      ]}
      rows={targets.map((t) => ({
        key: t.id,
        cells: [
          {
            header: true,
            text: (
              <>
                {t.metricLabel}
                <br />
                <span className="govuk-body-s">{t.programme ? t.programme.name : "All programmes"}</span>
              </>
            ),
          },
          { text: formatDateRange(t.fromDate, t.toDate) },
          {
            text: (
              <>
                {n(t.achieved)} of {n(t.value)} ({t.percent}%)
                {t.schoolsInArea !== null ? (
                  <>
                    <br />
                    <span className="govuk-body-s">{n(t.schoolsInArea)} open secondary schools and colleges in the area</span>
                  </>
                ) : null}
              </>
            ),
          },
          {
            text: (
              <>
                {`${n(t.pipeline)} (${n(t.booked)} booked)`}
                <br />
                <span className="govuk-body-s">{t.forecast.sentence}</span>
              </>
            ),
          },
          { text: <Tag colour={TARGET_STATUS_COLOURS[t.status]}>{t.status}</Tag> },
          ...(canManage
            ? [
                {
                  text: (
                    <ul className="govuk-summary-list__actions-list">
                      <li className="govuk-summary-list__actions-list-item">
                        <a className="govuk-link" href={`/reports/targets/${t.id}/edit`}>
                          Change
                          <span className="govuk-visually-hidden">
                            {" "}
                            {t.metricLabel} target, {formatDateRange(t.fromDate, t.toDate)}
                          </span>
                        </a>
                      </li>
                      <li className="govuk-summary-list__actions-list-item">
                        <a className="govuk-link" href={`/reports/targets/${t.id}/delete`}>
                          Delete
                          <span className="govuk-visually-hidden">
                            {" "}
                            {t.metricLabel} target, {formatDateRange(t.fromDate, t.toDate)}
                          </span>
                        </a>
                      </li>
                    </ul>
                  ),
                },
              ]
            : []),
        ],
      }))}
    />
  );
}
