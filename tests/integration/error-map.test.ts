// The one map from an error to a response (app/web/errors.server.ts) and the formAction wrapper round it.
import { describe, expect, it } from "vitest";
import { ClashError } from "~/models/sessions/errors";
import { DomainError, ForbiddenError, NotFoundError } from "~/utils/errors";
import { errorReply, formAction, throwHttpError } from "~/web/errors.server";

const form = (fields: Record<string, string>) => {
  const formData = new FormData();
  for (const [key, value] of Object.entries(fields)) formData.append(key, value);
  return formData;
};

/** What a thrown value was: the status of a Response, or the error itself. */
function thrown(fn: () => unknown): number | unknown {
  try {
    fn();
  } catch (error) {
    return error instanceof Response ? error.status : error;
  }
  throw new Error("expected a throw");
}

describe("errorReply: one map from any error to a response", () => {
  it("never treats a missing record as a form error: NotFoundError is not a DomainError and is a 404", () => {
    expect(new NotFoundError("Venue not found")).not.toBeInstanceOf(DomainError);
    expect(thrown(() => errorReply(new NotFoundError("Venue not found"), form({ name: "x" })))).toBe(404);
    expect(thrown(() => throwHttpError(new NotFoundError()))).toBe(404);
  });

  it("answers a model's refusal with 403", () => {
    expect(thrown(() => errorReply(new ForbiddenError("disclosure:read"), form({})))).toBe(403);
    expect(thrown(() => throwHttpError(new ForbiddenError("disclosure:read")))).toBe(403);
  });

  it("turns a DomainError into a GOV.UK form error (422) against its field, keeping the input but never a secret", () => {
    const reply = errorReply(new DomainError("Enter a shorter name", "name"), form({ name: "Hall", password: "hunter2" }));
    expect(reply.init?.status).toBe(422);
    expect(reply.data).toEqual({ values: { name: "Hall" }, errors: { name: ["Enter a shorter name"] } });
    const whole = errorReply(new DomainError("That browser is already signed out"), form({}));
    expect(whole.data.errors).toEqual({ "": ["That browser is already signed out"] });
  });

  it("gives a clash the sessions to link to", () => {
    const clash = new ClashError([
      {
        id: "s1",
        startsAt: new Date("2026-10-26T09:00:00Z"),
        endsAt: new Date("2026-10-26T10:00:00Z"),
        programmeName: "The play",
        venueName: "Oak School",
        teamName: "Team A",
        reason: "TEAM",
      },
    ]);
    const reply = errorReply(clash, form({ startTime: "09:00" }));
    expect(reply.init?.status).toBe(422);
    expect(reply.data.related).toEqual([{ id: "s1", text: expect.stringMatching(/^The play at Oak School \(Team A\), .*2026/) }]);
    expect(reply.data.capacityWarning).toBe(false);
  });

  it("rethrows anything unexpected (the 500 page)", () => {
    const boom = new TypeError("boom");
    expect(thrown(() => errorReply(boom, form({})))).toBe(boom);
  });
});

describe("formAction", () => {
  const context = { requestId: "test", cspNonce: "test" };
  const request = (fields: Record<string, string>) => new Request("http://localhost/x", { method: "POST", body: form(fields) });
  const args = (fields: Record<string, string>) => ({ request: request(fields), params: {}, context });

  it("runs the gate first, then the handler with the form, and maps what the handler throws", async () => {
    const seen: string[] = [];
    const action = formAction(
      async () => {
        seen.push("gate");
        return { id: "u1" };
      },
      async ({ user, formData }) => {
        seen.push(`handler ${user.id} ${formData.get("name")}`);
        if (formData.get("name") === "taken") throw new DomainError("That name is taken", "name");
        if (formData.get("name") === "gone") throw new NotFoundError();
        return { ok: true };
      },
    );
    expect(await action(args({ name: "fine" }))).toEqual({ ok: true });
    const reply = await action(args({ name: "taken" }));
    expect(reply).toMatchObject({ init: { status: 422 }, data: { errors: { name: ["That name is taken"] }, values: { name: "taken" } } });
    await expect(action(args({ name: "gone" }))).rejects.toMatchObject({ status: 404 });
    expect(seen).toEqual(["gate", "handler u1 fine", "gate", "handler u1 taken", "gate", "handler u1 gone"]);
  });

  it("does not read the form or run the handler when the gate refuses", async () => {
    let ran = false;
    const action = formAction(
      async () => {
        throw new Response("Forbidden", { status: 403 });
      },
      async () => {
        ran = true;
        return null;
      },
    );
    const req = request({ name: "x" });
    await expect(action({ request: req, params: {}, context })).rejects.toMatchObject({ status: 403 });
    expect(ran).toBe(false);
    expect(req.bodyUsed).toBe(false);
  });
});
