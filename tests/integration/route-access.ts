// The expected answer of EVERY route module for every role, for GET (its loader) and POST (its action).
// tests/integration/route-matrix.test.ts checks it; tests/integration/no-get-changes-state.test.ts and
// tests/integration/fuzz-actions.test.ts reuse it. A route module missing here fails those tests.
//
// How to read an entry
//   key       the route file without "routes/" and extension: app/routes/venues.$venueId.edit.tsx → "venues.$venueId.edit"
//   get/post  six statuses in the column order   anonymous FACILITATOR COORDINATOR MANAGER LEAD ADMIN
//             or ONE status for every role (e.g. "405" for a route without an action).
//   params    (f) => URL params from the fixture made once per test file (tests/setup/route-fixture.ts: f.venue,
//             f.session, f.tokens.invitation, f.users.FACILITATOR, …); may be async. An action that SUCCEEDS with an
//             empty form (a one-button action: cancel, send, revoke) must get a record of its own, or it changes the
//             shared fixture for every other route: async (f) => ({ sessionId: (await f.freshSession()).id }).
//   search    optional query string for GET, e.g. "?page=2".
//   form      optional fields for POST (default: none).
//   valid     optional: (f) => a form the action ACCEPTS. The fuzz test then also changes one field at a time from
//             it, which reaches the model (without it, random forms rarely get past validation).
//
// The same table drives three tests: route-matrix (statuses), no-get-changes-state (every GET with 200/302/… leaves
// the database as it was) and fuzz-actions (the right-most role whose POST is 400/422 gets hostile forms).
//
// What the statuses mean (each request is a fresh signed-in browser of a user holding just that role):
//   200  the loader answers (a page or a download); a page with no loader is 200 too
//   302  anonymous → redirect to /sign-in; or the route redirects (e.g. sign-out, signed-in user on /sign-in)
//   400  POST by a user who MAY use the action: the empty/minimal form fails validation BEFORE anything changes.
//        This is the point of the matrix: the permission check (403) comes before validation (400).
//   403  signed in but the role may not do this (requireUserWith)
//   404  the record doesn't exist or is out of the user's scope (e.g. another team's session for a facilitator)
//   405  no loader (GET) / no action (POST) in the module
//   422  a domain rule refused the minimal form
const ALL_ROLES_200 = "302 200 200 200 200 200";
const ADMIN_ONLY = "302 403 403 403 403 200";

export type RouteAccess = {
  params?: (f: import("../setup/route-fixture").RouteFixture) => Record<string, string> | Promise<Record<string, string>>;
  search?: string;
  form?: Record<string, string | string[]>;
  valid?: (f: import("../setup/route-fixture").RouteFixture) => Record<string, string | string[]>;
  get: string;
  post: string;
};

export const ROUTE_ACCESS: Record<string, RouteAccess> = {
  root: { get: "200", post: "405" },
  $: { get: "404", post: "405" },
  _index: { get: ALL_ROLES_200, post: "405" },
  accessibility: { get: "200", post: "405" },
  privacy: { get: "200", post: "405" },
  healthz: { get: "200", post: "405" },
  "sign-in": { get: "200 302 302 302 302 302", post: "400" },
  "sign-out": { get: "302", post: "302" },
  "admin._index": { get: ADMIN_ONLY, post: "405" },
  "admin.audit": { get: "302 403 403 403 200 200", post: "405" },
  "admin.users._index": { get: ADMIN_ONLY, post: "405" },
  "admin.users.new": { get: ADMIN_ONLY, post: "302 403 403 403 403 400",
    valid: () => ({ name: "Nia Newuser", email: "nia@example.test", roles: ["COORDINATOR"], password: "a-long-enough-password" }) },
  "admin.users.$userId": { params: (f) => ({ userId: f.users.FACILITATOR.id }), get: ADMIN_ONLY, post: "302 403 403 403 403 400",
    valid: () => ({ intent: "update", name: "Fran Facilitator", roles: ["FACILITATOR"] }) },
};
