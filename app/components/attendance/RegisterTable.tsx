import { Button, Tag } from "~/components/govuk";
import { PermittedLink } from "~/components/PermittedLink";
import { REGISTER_STATUS_LABELS, type RegisterStatus } from "~/utils/attendance";

export type RegisterRow = {
  id: string;
  status: RegisterStatus;
  person: {
    id: string;
    name: string;
    email: string | null;
    organisation: string | null;
    jobRole: string | null;
    licenceNumber: string | null;
    licensingAuthority: string | null;
    operator: { name: string } | null;
  };
  certificate: { id: string; number: string } | null;
};

/**
 * The register: a row per person with, when allowed, attended/absent radios (one form for the page) and
 * certificate or remove buttons (which submit small forms outside the table, by id).
 */
export function RegisterTable({
  entries,
  audience,
  canMark,
  canManage,
}: {
  entries: RegisterRow[];
  audience: "DRIVERS" | "STAFF";
  canMark: boolean;
  canManage: boolean;
}) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">People on the register</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Name
          </th>
          <th scope="col" className="govuk-table__header">
            {audience === "DRIVERS" ? "Licence" : "Organisation"}
          </th>
          <th scope="col" className="govuk-table__header">
            Status
          </th>
          {canMark ? (
            <th scope="col" className="govuk-table__header">
              Mark
            </th>
          ) : null}
          {canManage ? (
            <th scope="col" className="govuk-table__header">
              Certificate
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {entries.map((entry) => (
          <tr className="govuk-table__row" key={entry.id}>
            <td className="govuk-table__cell">
              <PermittedLink permission="person:read" href={`/people/${entry.person.id}`}>
                {entry.person.name}
              </PermittedLink>
            </td>
            <td className="govuk-table__cell">
              {audience === "DRIVERS"
                ? [entry.person.licenceNumber, entry.person.licensingAuthority, entry.person.operator?.name].filter(Boolean).join(", ")
                : [entry.person.organisation, entry.person.jobRole].filter(Boolean).join(", ")}
            </td>
            <td className="govuk-table__cell">
              <Tag colour={entry.status === "ATTENDED" ? "green" : entry.status === "ABSENT" ? "red" : "grey"}>
                {REGISTER_STATUS_LABELS[entry.status]}
              </Tag>
            </td>
            {canMark ? (
              <td className="govuk-table__cell">
                <fieldset className="govuk-fieldset">
                  <legend className="govuk-fieldset__legend govuk-visually-hidden">Did {entry.person.name} attend?</legend>
                  <div className="govuk-radios govuk-radios--small govuk-radios--inline" data-module="govuk-radios">
                    {(["ATTENDED", "ABSENT"] as const).map((status) => (
                      <div className="govuk-radios__item" key={status}>
                        <input
                          className="govuk-radios__input"
                          id={`status-${entry.id}-${status}`}
                          name={`status-${entry.id}`}
                          type="radio"
                          value={status}
                          defaultChecked={entry.status === status}
                        />
                        <label className="govuk-label govuk-radios__label" htmlFor={`status-${entry.id}-${status}`}>
                          {REGISTER_STATUS_LABELS[status]}
                        </label>
                      </div>
                    ))}
                  </div>
                </fieldset>
              </td>
            ) : null}
            {canManage ? (
              <td className="govuk-table__cell">
                {entry.certificate ? (
                  <>
                    <a className="govuk-link" href={`/certificates/${entry.certificate.id}`}>
                      Download<span className="govuk-visually-hidden"> certificate for {entry.person.name}</span>
                    </a>
                    {entry.person.email ? (
                      <Button
                        variant="secondary"
                        name="certificateId"
                        value={entry.certificate.id}
                        form={`email-${entry.id}`}
                        className="govuk-!-margin-bottom-0 govuk-!-margin-left-2"
                      >
                        Email<span className="govuk-visually-hidden"> certificate to {entry.person.name}</span>
                      </Button>
                    ) : null}
                  </>
                ) : entry.status === "EXPECTED" ? (
                  <Button
                    variant="secondary"
                    name="entryId"
                    value={entry.id}
                    form={`remove-${entry.id}`}
                    className="govuk-!-margin-bottom-0"
                  >
                    Remove<span className="govuk-visually-hidden"> {entry.person.name} from the register</span>
                  </Button>
                ) : (
                  "None"
                )}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
