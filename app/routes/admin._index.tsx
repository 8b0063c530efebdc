import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUserWith } from "~/utils/auth.server";

export const handle = { title: "Administration" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "user:manage");
  return null;
}

export default function Admin() {
  return (
    <>
      <h1 className="govuk-heading-l">Administration</h1>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link govuk-link--no-visited-state" href="/admin/users">
            Users and roles
          </a>
          : add users, change their roles, deactivate them
        </li>
        <li>
          <a className="govuk-link govuk-link--no-visited-state" href="/admin/audit">
            Audit log
          </a>
          : sign-ins, changes and access to records
        </li>
        <li>
          <a className="govuk-link govuk-link--no-visited-state" href="/admin/replies">
            Replies not processed
          </a>
          : email to the reply addresses that matched no invitation or was refused
        </li>
      </ul>
    </>
  );
}
