export const handle = { title: "Privacy" };

export default function Privacy() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">How Outreach uses information</h1>
        <p className="govuk-body">
          Outreach holds the names and work contact details of staff who use it and of the school and venue contacts it invites, the names
          and licence details of adults who attend training, and counts of pupils reached. It never holds the name of a child.
        </p>
        <p className="govuk-body">
          Records of what young people disclose after a session are encrypted and can be read only by designated safeguarding leads. Every
          time one is read or changed, the service records who did it and when.
        </p>
        <p className="govuk-body">
          Outreach uses two cookies that are essential for the service to work: one keeps you signed in and one shows a message after you
          save something. It uses no analytics or tracking cookies.
        </p>
      </div>
    </div>
  );
}
