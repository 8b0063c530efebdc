import { useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { RootData } from "~/root";
import { can, type Permission } from "~/utils/permissions";

/** Whether the signed-in reader holds a permission (the permission table decides; the server checks again). */
function useCan(permission: Permission): boolean {
  const root = useRouteLoaderData<RootData>("root");
  return can(root?.user?.roles ?? [], permission);
}

/**
 * A link to a page that needs a permission: a link for readers who may open it, plain text for the rest, so no page
 * offers a link that answers 403.
 */
export function PermittedLink({
  permission,
  href,
  className = "govuk-link",
  children,
}: {
  permission: Permission;
  href: string;
  className?: string;
  children: ReactNode;
}) {
  return useCan(permission) ? (
    <a className={className} href={href}>
      {children}
    </a>
  ) : (
    <>{children}</>
  );
}
