import { ForbiddenError, NotFoundError } from "~/utils/errors";

/**
 * Errors every page answers the same way, in loaders and actions alike: a record that is missing or out of the
 * user's scope is a 404, a model that refused the user (no permission) a 403. Anything else is rethrown.
 */
export function throwHttpError(error: unknown): never {
  if (error instanceof NotFoundError) throw new Response(error.message, { status: 404, statusText: "Not Found" });
  if (error instanceof ForbiddenError) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  throw error;
}
