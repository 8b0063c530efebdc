// Fuzz-style: random and hostile form values posted to EVERY route action (from the route manifest), as a user the
// expectation table (./route-access.ts) says may use it. Each answer must be a deliberate one (never a 500 or a
// thrown error); a 400/422 carries GOV.UK form errors and leaves every already-saved row exactly as it was.
// Deterministic: FUZZ_SEED=<n> replays a run; FUZZ_CASES=<n> sets the number of random cases per action.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ALL_ROLES, createRouteFixture, HOSTILE_NAME, type AccessRole, type RouteFixture } from "../setup/route-fixture";
import { browserCookie, callRoute, expectedStatuses } from "../setup/route-calls";
import { differences, snapshot } from "../setup/db-digest";
import { appRoutes } from "../setup/route-manifest";
import { ROUTE_ACCESS } from "./route-access";

const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const CASES = Number(process.env.FUZZ_CASES ?? 12);

/** mulberry32: a small seeded PRNG so a failing case can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE_VALUES = [
  "",
  " ",
  "\t\n",
  "a".repeat(100_000),
  "x".repeat(256),
  "\u0000",
  "abc\u0000def",
  "\u0001\u0007\b\u001b[31m",
  "line\r\nInjected-Header: 1",
  "Zoë Ångström 😀 ١٢٣ 𝕏",
  "\u202Eevil\u202C",
  "\uFFFD\uFFFF",
  "\uD800",
  "' OR 1=1 --",
  '\'; DROP TABLE "User"; --',
  '" OR ""="',
  HOSTILE_NAME,
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "{{7*7}}",
  "${7*7}",
  "=cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "-1",
  "0",
  "1.5",
  "1e309",
  "NaN",
  "Infinity",
  "9".repeat(400),
  "-9007199254740993",
  "2026-02-30",
  "2026-13-01",
  "0000-00-00",
  "31/12/2026",
  "25:61",
  "true",
  "on",
  "null",
  "undefined",
  '{"a":1}',
  "[]",
  "__proto__",
  "constructor",
  "../../etc/passwd",
  "a@b",
  "@",
  `${"a".repeat(300)}@example.test`,
  "FACILITATOR",
  "ADMIN",
  "LEAD",
  "CANCELLED",
  "Y10",
];
const HOSTILE_NAMES = ["__proto__", "constructor", "a[b]", "roles[0]", "x".repeat(500), ""];

/** Field names and literal values the route's own source mentions (its form inputs and zod schema). */
function fieldsOf(file: string): { names: string[]; values: string[] } {
  const source = readFileSync(path.join("app", file), "utf8");
  const names = new Set<string>(["intent"]);
  for (const m of source.matchAll(/\bname=\{?["'`]([\w.[\]-]+)["'`]/g)) names.add(m[1]);
  for (const m of source.matchAll(/formData\.get(?:All)?\(["'`]([\w.[\]-]+)["'`]\)/g)) names.add(m[1]);
  for (const m of source.matchAll(/^\s+(\w+): (?:z\.|\w+Field\b)/gm)) names.add(m[1]);
  const values = new Set<string>();
  for (const m of source.matchAll(/\bvalue=["']([\w-]+)["']/g)) values.add(m[1]);
  for (const m of source.matchAll(/z\.literal\(["']([\w-]+)["']\)/g)) values.add(m[1]);
  return { names: [...names], values: [...values] };
}

type Kind = "random" | "empty" | "duplicated" | "file" | "mutated";
type Fields = Record<string, string | string[]>;

function randomForm(rand: () => number, names: string[], values: string[], kind: Kind, valid: Fields | undefined): FormData {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const value = () => (values.length && rand() < 0.3 ? pick(values) : pick(HOSTILE_VALUES));
  const form = new FormData();
  if (kind === "empty") return form;
  if (kind === "mutated" && valid) {
    // A form the action accepts, with one field made hostile, missing, duplicated or a file.
    const target = pick([...new Set([...Object.keys(valid), ...names])]);
    const change = pick(["hostile", "hostile", "hostile", "missing", "duplicated", "file"] as const);
    for (const [name, v] of Object.entries(valid)) {
      if (name === target && change !== "duplicated") continue;
      for (const one of Array.isArray(v) ? v : [v]) form.append(name, one);
    }
    if (change === "file") form.append(target, new File([value()], "evil.csv", { type: "text/csv" }));
    else if (change !== "missing") form.append(target, value());
    return form;
  }
  for (const name of names) {
    if (kind === "random" && rand() < 0.25) continue; // missing
    const copies = kind === "duplicated" || rand() < 0.15 ? 2 + Math.floor(rand() * 2) : 1;
    for (let i = 0; i < copies; i++) {
      if (kind === "file" || rand() < 0.05) form.append(name, new File([value()], "evil.csv", { type: "text/csv" }));
      else form.append(name, value());
    }
  }
  if (rand() < 0.3) form.append(pick(HOSTILE_NAMES), value());
  return form;
}

const ACCEPTED = new Set([200, 201, 204, 302, 303, 400, 401, 403, 404, 409, 413, 422, 429]);
const SUCCESS = (status: number) => status < 400;

let f: RouteFixture;
beforeAll(async () => {
  f = await createRouteFixture();
});

const routes = await appRoutes();

describe(`fuzzing every action (seed ${SEED}; empty, duplicated, file, ${CASES} random and, with a valid form, ${CASES} one-field mutations each)`, () => {
  for (const route of routes) {
    const access = ROUTE_ACCESS[route.key];
    it(`POST ${route.pattern} (${route.key})`, async () => {
      if (!access) expect.fail(`Add "${route.key}" to tests/integration/route-access.ts (see route-matrix.test.ts)`);
      const mod = await route.load();
      if (!mod.action) return;
      const expected = expectedStatuses(access.post, route.key);
      // The most privileged column that may use the action (validation answers 400/422 to it).
      const role = [...ALL_ROLES].reverse().find((r: AccessRole) => expected[r] === 400 || expected[r] === 422);
      if (!role) return; // no one gets as far as validation with a minimal form (e.g. sign-out): nothing to fuzz
      const { names, values } = fieldsOf(route.file);
      const rand = prng(SEED ^ [...route.key].reduce((h, c) => Math.imul(h, 31) + c.charCodeAt(0), 7));
      const valid = access.valid?.(f);
      const kinds: Kind[] = [
        "empty",
        "duplicated",
        "file",
        ...Array<Kind>(CASES).fill("random"),
        ...Array<Kind>(valid ? CASES : 0).fill("mutated"),
      ];
      // A signed-in browser and URL params (which may create a record) made before the snapshot, again after a success.
      let cookie: string | undefined;
      let fixed = access;
      let before: Awaited<ReturnType<typeof snapshot>> = {};
      const reset = async () => {
        cookie = await browserCookie(f, role);
        const params = { ...(await access.params?.(f)) };
        fixed = { ...access, params: () => params };
        before = await snapshot();
      };
      await reset();
      for (const [i, kind] of kinds.entries()) {
        const form = randomForm(rand, names, values, kind, valid);
        const label = `${route.pattern} as ${role}, case ${i} (${kind}; FUZZ_SEED=${SEED}): ${JSON.stringify([...form.entries()].map(([k, v]) => [k, typeof v === "string" ? v.slice(0, 40) : "<file>"]))}`;
        let call;
        try {
          call = await callRoute(route, mod, fixed, f, "POST", cookie, form);
        } catch (error) {
          throw new Error(`${label} threw (a 500): ${(error as Error).stack}`);
        }
        expect(ACCEPTED.has(call.status), `${label} answered ${call.status}`).toBe(true);
        if (call.status === 400 || call.status === 422) {
          const errors = (call.data as { errors?: Record<string, string[]> } | null)?.errors ?? {};
          expect(
            Object.values(errors).flat().length,
            `${label}: a ${call.status} must carry form errors for the error summary`,
          ).toBeGreaterThan(0);
        }
        if (SUCCESS(call.status))
          await reset(); // the input was valid: saving it is right
        else expect(differences(before, await snapshot()), `${label} answered ${call.status} but changed saved data`).toEqual([]);
      }
    });
  }
});
