// The one map from an error to a response, and the wrapper that puts it round every form action.
import { data, type ActionFunctionArgs } from "@remix-run/node";
import { CapacityWarning, ClashError, TeamDayFullError, type ClashingSession } from "~/models/sessions/errors";
import { requireUserWith, type SessionUser } from "~/utils/auth.server";
import { DomainError, ForbiddenError, NotFoundError } from "~/utils/errors";
import type { Permission } from "~/utils/permissions";
import { formatDateTime } from "~/utils/time";
import { formFailure, type FormReply } from "./forms.server";

/** A booking rule's error names the sessions it clashes with, so the page can link to them. */
export type RelatedSession = { id: string; text: string };
export type ErrorReply = FormReply & { related?: RelatedSession[]; capacityWarning?: boolean };

/**
 * Errors every page answers the same way, in loaders and actions alike: a record that is missing or out of the
 * user's scope is a 404, a model that refused the user (no permission) a 403. Anything else is rethrown.
 */
export function throwHttpError(error: unknown): never {
  if (error instanceof NotFoundError) throw new Response(error.message, { status: 404, statusText: "Not Found" });
  if (error instanceof ForbiddenError) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  throw error;
}

const describe = (s: ClashingSession): RelatedSession => ({
  id: s.id,
  text: `${s.programmeName} at ${s.venueName} (${s.teamName}), ${formatDateTime(s.startsAt)}`,
});

/**
 * Any error from an action as its response: 404 and 403 are thrown (throwHttpError); a DomainError (a rule the user
 * broke) becomes a GOV.UK form error, 422 with the user's input kept, against its field; clashes carry the sessions
 * to link to. Anything else is unexpected and rethrown (the 500 page).
 */
export function errorReply(error: unknown, formData: FormData) {
  if (!(error instanceof DomainError)) throwHttpError(error);
  const reply = formFailure(formData, { [error.field ?? ""]: [error.message] }, 422);
  if (!(error instanceof ClashError || error instanceof TeamDayFullError || error instanceof CapacityWarning)) {
    return data<ErrorReply>(reply.data, { status: 422 });
  }
  const related =
    error instanceof ClashError
      ? error.clashes.map(describe)
      : error instanceof TeamDayFullError
        ? error.sessions.map(describe)
        : undefined;
  return data<ErrorReply>({ ...reply.data, related, capacityWarning: error instanceof CapacityWarning }, { status: 422 });
}

type FormActionArgs<U> = ActionFunctionArgs & { user: U; formData: FormData };

/**
 * A form action: checks the permission (or runs `gate`, for pages reached before signing in fully), reads the form,
 * runs `handler`, and turns whatever it throws into a response with errorReply. Replaces a try/catch in each action.
 *
 *   export const action = (@__PURE__ annotation) formAction("venue:manage", async ({ user, formData, request }) => { ... });
 *
 * Every route marks the call with a pure annotation comment (see any route). It matters: the browser build keeps a route's client exports and tree-shakes the rest, and only a call
 * marked pure can be dropped (this module is empty in the browser, so a kept call fails as "not a function").
 */
export function formAction<T>(
  permission: Permission,
  handler: (args: FormActionArgs<SessionUser>) => Promise<T>,
): (args: ActionFunctionArgs) => Promise<T | ReturnType<typeof errorReply>>;
export function formAction<T, U>(
  gate: (args: ActionFunctionArgs) => Promise<U>,
  handler: (args: FormActionArgs<U>) => Promise<T>,
): (args: ActionFunctionArgs) => Promise<T | ReturnType<typeof errorReply>>;
export function formAction<T, U>(
  gate: Permission | ((args: ActionFunctionArgs) => Promise<U>),
  handler: (args: FormActionArgs<U | SessionUser>) => Promise<T>,
) {
  return async (args: ActionFunctionArgs) => {
    const user = typeof gate === "string" ? await requireUserWith(args.request, gate) : await gate(args);
    const formData = await args.request.formData();
    try {
      return await handler({ ...args, user, formData });
    } catch (error) {
      return errorReply(error, formData);
    }
  };
}
