import { describe, expect, it } from "vitest";
import { diaryHref, diaryQueryFrom } from "~/utils/diary-filters";

const query = (search: string) => diaryQueryFrom(new URL(`http://localhost/diary${search}`));

describe("diaryQueryFrom", () => {
  it("keeps ids (trimmed) and a known status", () => {
    expect(query("?team=%20team_1%20&venue=v-2&programme=P3&status=INVITED")).toEqual({
      team: "team_1",
      venue: "v-2",
      programme: "P3",
      status: "INVITED",
    });
  });

  it("ignores what cannot be an id or a status instead of querying it", () => {
    const long = "a".repeat(101);
    expect(query(`?team=%00&venue=${long}&programme=a%20b&status=invited`)).toEqual({
      team: undefined,
      venue: undefined,
      programme: undefined,
      status: undefined,
    });
    expect(query("?team=&status=__proto__")).toEqual({ team: undefined, venue: undefined, programme: undefined, status: undefined });
  });

  it("reads no filters from a bare URL", () => {
    expect(query("")).toEqual({ team: undefined, venue: undefined, programme: undefined, status: undefined });
  });
});

describe("diaryHref", () => {
  it("keeps the filters that are set, and leaves the path bare without any", () => {
    expect(diaryHref("/diary", { team: "t1", venue: undefined }, { week: "2027-03-29", page: "" })).toBe("/diary?team=t1&week=2027-03-29");
    expect(diaryHref("/diary", {})).toBe("/diary");
  });
});
