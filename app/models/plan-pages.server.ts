// What the tour planner's pages need beyond tour-plans.server.ts: the new-plan form's choices and defaults, a plan's
// page (a version with its view), and the coordinator's changes to a version turned into a re-plan.
import { db } from "~/utils/db.server";
import type { Actor, RequestMeta } from "~/utils/audit.server";
import { SCHOOL_KINDS } from "~/forms/reference";
import type { PlanRequestForm } from "~/forms/plans.server";
import { addDays, daysBetween, isoWeekday, todayInLondon } from "~/utils/time";
import { planView } from "./tour-planner/plan-view";
import type { PinnedSession } from "./tour-planner/types";
import { DEFAULT_DAY_END, DEFAULT_DAY_START, defaultPlanSchools, getPlanVersion, replan, requestPlan } from "./tour-plans.server";

/** At most this many schools outside the default list are offered to add (narrow by programme for more). */
export const OTHER_SCHOOLS_LIMIT = 500;

/** The term a plan is for by default: the council-wide term running today, else the next one to start. */
async function currentOrNextTerm(today: string) {
  return db.term.findFirst({
    where: { venueId: null, endDate: { gte: today } },
    orderBy: { startDate: "asc" },
    select: { name: true, startDate: true, endDate: true, academicYear: { select: { name: true } } },
  });
}

const ageRange = (s: { statutoryLowAge: number | null; statutoryHighAge: number | null }) =>
  s.statutoryLowAge !== null && s.statutoryHighAge !== null ? `ages ${s.statutoryLowAge}–${s.statutoryHighAge}` : null;

/**
 * The new-plan form: programmes and teams to choose from, the programme's default schools (ticked) and the other open
 * schools (to add), the current or next term as the range, and the team limits as defaults.
 */
export async function newPlanPage(programmeId: string | undefined, now = new Date()) {
  const [programmes, teams, term] = await Promise.all([
    db.programme.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.team.findMany({
      where: { archivedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true, sessionsPerDay: true, workingWeekdays: true },
    }),
    currentOrNextTerm(todayInLondon(now)),
  ]);
  const programme = programmes.find((p) => p.id === programmeId) ?? programmes[0];
  const suggested = programme ? await defaultPlanSchools(programme.id, now) : [];
  const others = await db.venue.findMany({
    where: { kind: { in: [...SCHOOL_KINDS] }, status: "OPEN", archivedAt: null, id: { notIn: suggested.map((s) => s.id) } },
    orderBy: { name: "asc" },
    take: OTHER_SCHOOLS_LIMIT,
    select: { id: true, name: true, postcode: true, statutoryLowAge: true, statutoryHighAge: true },
  });
  const describe = (s: { postcode: string | null; statutoryLowAge: number | null; statutoryHighAge: number | null }) =>
    [s.postcode, ageRange(s)].filter(Boolean).join(", ");
  const today = todayInLondon(now);
  return {
    programmes,
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    programmeId: programme?.id ?? "",
    term: term ? `${term.name} term ${term.academicYear.name}` : null,
    suggested: suggested.map((s) => ({ id: s.id, name: s.name, detail: describe(s) })),
    others: others.map((s) => ({ id: s.id, name: s.name, detail: describe(s) })),
    defaults: {
      programmeId: programme?.id ?? "",
      teamIds: teams.length === 1 ? [teams[0].id] : [],
      from: term ? (term.startDate > today ? term.startDate : today) : today,
      to: term?.endDate ?? "",
      venueIds: suggested.map((s) => s.id),
      sessionsPerDay: Math.max(1, ...teams.map((t) => t.sessionsPerDay)),
      dayStart: DEFAULT_DAY_START,
      dayEnd: DEFAULT_DAY_END,
      workingWeekdays: [1, 2, 3, 4, 5],
    },
  };
}

/** A plan's page: the version asked for (default: the newest) with everything the page shows worked out; null if none. */
export async function planPage(planId: string, versionId?: string) {
  const chosen = await db.tourPlanVersion.findFirst({
    where: { planId, ...(versionId ? { id: versionId } : {}) },
    orderBy: { number: "desc" },
    select: { id: true },
  });
  if (!chosen) return null;
  const version = await getPlanVersion(chosen.id);
  const names = Object.fromEntries(version.input.schools.map((s) => [s.venueId, s.name]));
  return {
    version: { ...version, input: undefined, result: undefined },
    result: version.result,
    excludedDates: version.input.excludedDates,
    pinned: version.input.pinned.map((p) => ({ ...p, name: names[p.venueId] ?? p.venueId })),
    removed: version.input.removed.map((r) => ({ ...r, name: names[r.venueId] ?? r.venueId })),
    view: version.result ? planView(version.input, version.result) : null,
  };
}

export type PlanChange =
  { kind: "pin"; session: PinnedSession } | { kind: "remove"; venueId: string; date: string } | { kind: "leave-out"; date: string };

/**
 * Pin a session, take a visit out or leave a date out: a new version planned from this one (replan). A pin on the
 * visit taken out, or on the date left out, goes: the coordinator's latest word wins.
 */
export async function changePlan(actor: Actor, versionId: string, change: PlanChange, meta: RequestMeta, now = new Date()) {
  const kept = (await getPlanVersion(versionId)).input.pinned;
  switch (change.kind) {
    case "pin": {
      const same = (p: PinnedSession) =>
        p.venueId === change.session.venueId && p.date === change.session.date && p.startTime === change.session.startTime;
      return replan(actor, versionId, { pins: kept.some(same) ? kept : [...kept, change.session] }, meta, now);
    }
    case "remove": {
      const pins = kept.filter((p) => !(p.venueId === change.venueId && p.date === change.date));
      return replan(actor, versionId, { pins, removals: [{ venueId: change.venueId, date: change.date }] }, meta, now);
    }
    case "leave-out":
      return replan(actor, versionId, { pins: kept.filter((p) => p.date !== change.date), excludedDates: [change.date] }, meta, now);
  }
}

/**
 * Ask for a plan from the form: the teams' working weekdays for this plan become dates left out (every day in the
 * range on another weekday), on top of the dates the coordinator listed.
 */
export async function askForPlan(actor: Actor, form: PlanRequestForm, meta: RequestMeta, now = new Date()) {
  const { workingWeekdays, excludedDates, ...request } = form;
  const offDays: string[] = [];
  for (let i = 0; i <= daysBetween(form.from, form.to); i++) {
    const date = addDays(form.from, i);
    if (!workingWeekdays.includes(isoWeekday(date))) offDays.push(date);
  }
  return requestPlan(actor, { ...request, excludedDates: [...new Set([...excludedDates, ...offDays])].sort() }, meta, now);
}

/** Whether the version belongs to the plan (a form posted to one plan's page acts on that plan's versions only). */
export async function isVersionOfPlan(planId: string, versionId: string) {
  return (await db.tourPlanVersion.count({ where: { id: versionId, planId } })) === 1;
}
