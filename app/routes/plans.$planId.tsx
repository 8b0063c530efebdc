// A plan's version: progress while it runs (refreshing itself, with a cancel button), then the plan — figures, days,
// maps, unplaced schools — with the coordinator's changes (each a new version), booking and inviting.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, Button, ErrorSummary, InsetText } from "~/components/govuk";
import { PlanBookingFailures, PlanChangesSummary, PlanVersions, StopActions } from "~/components/plans/PlanPageParts";
import { PlanDaysTables, PlanFiguresList, PlanMaps, UnplacedTable } from "~/components/plans/PlanResultView";
import { PlanStatusTag } from "~/components/plans/PlanStatusTag";
import { changePlan, isVersionOfPlan, planPage } from "~/models/plan-pages.server";
import { bookPlanVersion, cancelPlanVersion, inviteAllForPlan, PlanBookingError } from "~/models/tour-plans.server";
import { requestMeta } from "~/utils/audit.server";
import { requireUserWith } from "~/utils/auth.server";
import { recordId } from "~/utils/form-fields";
import { redirectWithMessage } from "~/utils/flash.server";
import { errorReply } from "~/web/errors.server";
import { formFailure, parseForm } from "~/web/forms.server";
import { useFormReply } from "~/web/forms";
import { idParam, invariantResponse } from "~/utils/http.server";
import { can } from "~/utils/permissions";
import { formatShortDate } from "~/utils/time";
import { planVersionActionSchema } from "~/forms/plans.server";

export const handle = { title: "Tour plan" };

const RUNNING = ["QUEUED", "RUNNING"];
// Without JavaScript the page refreshes itself while the plan is being made.
export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data && RUNNING.includes(data.version.status) ? [{ httpEquiv: "refresh", content: "2" }] : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "plan:read");
  const version = recordId("").safeParse(new URL(request.url).searchParams.get("version") ?? "");
  const page = await planPage(idParam(params.planId), version.success ? version.data : undefined);
  invariantResponse(page, "Plan not found");
  return { ...page, canAct: can(user.roles, "plan:create") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUserWith(request, "plan:create");
  const planId = idParam(params.planId);
  const formData = await request.formData();
  const parsed = parseForm(formData, planVersionActionSchema);
  if (!parsed.ok) return parsed.reply;
  const v = parsed.value;
  invariantResponse(await isVersionOfPlan(planId, v.versionId), "Plan not found");
  const meta = requestMeta(request);
  try {
    switch (v.intent) {
      case "cancel":
        await cancelPlanVersion(actor, v.versionId, meta);
        return redirectWithMessage(`/plans/${planId}?version=${v.versionId}`, "Planning cancelled");
      case "book": {
        const { sessionIds } = await bookPlanVersion(actor, v.versionId, meta);
        return redirectWithMessage(`/plans/${planId}?version=${v.versionId}`, `${sessionIds.length} provisional sessions booked`);
      }
      case "invite-all": {
        const { invited, skipped } = await inviteAllForPlan(actor, v.versionId, meta);
        const notSent = skipped.map(
          (s) => `${s.venueName} (${s.reason === "NO_CONTACT" ? "no contact with an email address" : "no longer provisional"})`,
        );
        return redirectWithMessage(
          `/plans/${planId}?version=${v.versionId}`,
          `${invited.length} ${invited.length === 1 ? "invitation" : "invitations"} sent.${notSent.length ? ` Not sent: ${notSent.join("; ")}.` : ""}`,
        );
      }
      default: {
        const change =
          v.intent === "pin"
            ? { kind: "pin" as const, session: { venueId: v.venueId, teamId: v.teamId, date: v.date, startTime: v.startTime } }
            : v.intent === "remove"
              ? { kind: "remove" as const, venueId: v.venueId, date: v.date }
              : { kind: "leave-out" as const, date: v.date };
        const next = await changePlan(actor, v.versionId, change, meta);
        return redirect(`/plans/${planId}?version=${next.versionId}`);
      }
    }
  } catch (error) {
    if (error instanceof PlanBookingError)
      return data({ ...formFailure(formData, { "": [error.message] }, 422).data, failures: error.failures }, { status: 422 });
    return errorReply(error, formData);
  }
}

export default function PlanVersionPage() {
  const { version, result, view, pinned, removed, excludedDates, canAct } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const form = useFormReply(reply);
  const plan = version.plan;
  const running = RUNNING.includes(version.status);
  const booked = !!version.bookedAt;
  const hidden = <input type="hidden" name="versionId" value={version.id} />;
  return (
    <>
      <BackLink href="/plans">Back to tour plans</BackLink>
      <ErrorSummary errors={form.summary} description={form.formError} />
      {reply && "failures" in reply ? <PlanBookingFailures failures={reply.failures} /> : null}
      <span className="govuk-caption-l">
        {plan.programme.name}, {formatShortDate(plan.from)} to {formatShortDate(plan.to)}
      </span>
      <h1 className="govuk-heading-l">Tour plan</h1>
      <p className="govuk-body" id="plan-status">
        <PlanStatusTag number={version.number} status={version.status} booked={booked} />
      </p>
      <p className="govuk-body">
        Teams: {plan.teams.map((t) => t.name).join(", ")}. Target:{" "}
        {plan.target.kind === "PUPILS" ? `${plan.target.pupils.toLocaleString("en-GB")} pupils` : "every school listed, once"}.
      </p>
      {running ? (
        <>
          <p className="govuk-body" role="status">
            Making the plan: {Math.round(version.progress * 100)}% done. This page updates itself every few seconds.
          </p>
          {canAct ? (
            <Form method="post" noValidate>
              {hidden}
              <input type="hidden" name="intent" value="cancel" />
              <Button variant="warning">Cancel planning</Button>
            </Form>
          ) : null}
        </>
      ) : version.status === "FAILED" ? (
        <InsetText>Planning failed: {version.error ?? "an unexpected error"}. Ask for the plan again.</InsetText>
      ) : version.status === "CANCELLED" ? (
        <InsetText>Planning was cancelled.</InsetText>
      ) : null}
      {result && view ? (
        <>
          <h2 className="govuk-heading-m">Figures</h2>
          <PlanFiguresList figures={result.figures} />
          <PlanChangesSummary pinned={pinned} removed={removed} excludedDates={excludedDates} rejected={result.rejectedPins ?? []} />
          {canAct ? (
            booked ? (
              <Form method="post" noValidate>
                {hidden}
                <input type="hidden" name="intent" value="invite-all" />
                <p className="govuk-body">The plan's sessions are booked as provisional sessions.</p>
                <Button>Invite all</Button>
              </Form>
            ) : result.sessions.length ? (
              <Form method="post" noValidate>
                {hidden}
                <input type="hidden" name="intent" value="book" />
                <p className="govuk-body">
                  Booking creates every session of this version as a provisional booking, through the normal booking rules. If any cannot be
                  booked, none are.
                </p>
                <Button>Create provisional bookings</Button>
              </Form>
            ) : null
          ) : null}
          <h2 className="govuk-heading-m">Day by day</h2>
          <PlanDaysTables
            days={view.days}
            actions={canAct && !booked ? (day) => <StopActions day={day} versionId={version.id} /> : undefined}
          />
          <h2 className="govuk-heading-m">Maps</h2>
          <PlanMaps tour={view.tour} dayMaps={view.dayMaps} />
          <h2 className="govuk-heading-m">Schools not placed</h2>
          <UnplacedTable unplaced={result.unplaced} />
        </>
      ) : null}
      <PlanVersions planId={plan.id} current={version.id} versions={plan.versions} />
    </>
  );
}
