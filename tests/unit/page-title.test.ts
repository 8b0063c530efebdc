import type { UIMatch } from "@remix-run/react";
import { describe, expect, it } from "vitest";
import { pageTitle } from "~/utils/page-title";

const match = (title: string, data: unknown = null) => ({ id: "r", pathname: "/", params: {}, data, handle: { title } }) as UIMatch;

describe("pageTitle", () => {
  it("names the page and the service", () => {
    expect(pageTitle([match("Find free dates")], null)).toBe("Find free dates – Outreach");
  });

  it("starts with Error: when a posted form came back with errors", () => {
    expect(pageTitle([match("Sign in")], { "routes/sign-in": { values: {}, errors: { email: ["Enter your email address"] } } })).toBe(
      "Error: Sign in – Outreach",
    );
    expect(pageTitle([match("Sign in")], { "routes/sign-in": { values: {}, errors: {} } })).toBe("Sign in – Outreach");
  });

  it("starts with Error: when a GET form's reply in the loader data has errors", () => {
    expect(pageTitle([match("Find free dates", { reply: { values: {}, errors: { date: ["Enter the date"] } } })], null)).toBe(
      "Error: Find free dates – Outreach",
    );
    expect(pageTitle([match("Find free dates", { reply: { values: {}, errors: {} } })], null)).toBe("Find free dates – Outreach");
    expect(pageTitle([match("Find free dates", { reply: undefined })], null)).toBe("Find free dates – Outreach");
  });
});
