import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { BackLink, Button, Details, InsetText, Panel } from "~/components/govuk";
import { formatDateTime } from "~/utils/time";

type Props = {
  what: string;
  name: string;
  backHref: string;
  backText: string;
  feed: { createdAt: string | Date } | null;
  /** Present only right after the link was made: it is never shown again (only its hash is kept). */
  urls?: { https: string; webcal: string };
};

function CopyButton({ text, label }: { text: string; label: string }) {
  const [canCopy, setCanCopy] = useState(false);
  const [copied, setCopied] = useState(false);
  // Progressive enhancement: without JavaScript (or clipboard access) the link is selected and copied by hand.
  useEffect(() => setCanCopy(typeof navigator !== "undefined" && !!navigator.clipboard), []);
  if (!canCopy) return null;
  return (
    <>
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        data-module="govuk-button"
        onClick={() => navigator.clipboard.writeText(text).then(() => setCopied(true))}
      >
        {label}
      </button>
      <span className="govuk-body govuk-!-margin-left-2" role="status">
        {copied ? "Copied" : ""}
      </span>
    </>
  );
}

/** The calendar feed page of a venue, team or user: make, replace or end the secret feed link. */
export function FeedManager({ what, name, backHref, backText, feed, urls }: Props) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={backHref}>{backText}</BackLink>
        <span className="govuk-caption-l">{name}</span>
        <h1 className="govuk-heading-l">Calendar feed</h1>
        <p className="govuk-body">
          A calendar feed shows {what} in Outlook, Google Calendar or Apple Calendar and keeps them up to date. Anyone with the link can see
          the sessions in it (never internal notes), so share it only with the people who need it.
        </p>
        {urls ? (
          <>
            <Panel title="Your feed link is ready" headingLevel={2}>
              Copy it now: for your security it will not be shown again.
            </Panel>
            <h2 className="govuk-heading-m">Subscribe</h2>
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="feed-https">
                Feed link (https)
              </label>
              <input className="govuk-input app-feed-url" id="feed-https" type="text" readOnly value={urls.https} spellCheck={false} />
            </div>
            <CopyButton text={urls.https} label="Copy the link" />
            <p className="govuk-body">
              On a Mac, iPhone or iPad:{" "}
              <a className="govuk-link app-feed-url" href={urls.webcal}>
                subscribe with Apple Calendar
              </a>
              .
            </p>
            <Details summary="How to add it to Outlook">
              In Outlook on the web or Microsoft 365, open the calendar, choose <strong>Add calendar</strong>, then{" "}
              <strong>Subscribe from web</strong>, paste the link, give it a name and choose <strong>Import</strong>. Outlook checks for
              changes every few hours.
            </Details>
            <Details summary="How to add it to Google Calendar">
              On a computer, open Google Calendar, next to <strong>Other calendars</strong> choose <strong>+</strong>, then{" "}
              <strong>From URL</strong>, paste the link and choose <strong>Add calendar</strong>. Google checks for changes about once a
              day.
            </Details>
            <Details summary="How to add it to Apple Calendar">
              Use the Apple Calendar link above, or in Calendar on a Mac choose <strong>File</strong>, then{" "}
              <strong>New Calendar Subscription</strong>, paste the link and set <strong>Auto-refresh</strong> to every hour.
            </Details>
          </>
        ) : feed ? (
          <InsetText>
            A feed link was made on {formatDateTime(new Date(feed.createdAt))}. Lost it? Make a new one: the old link stops working.
          </InsetText>
        ) : (
          <InsetText>There is no feed link yet.</InsetText>
        )}
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="create" />
          <Button variant={feed ? "secondary" : undefined}>
            {feed ? "Make a new link (the old one stops working)" : "Make a feed link"}
          </Button>
        </Form>
        {feed ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="revoke" />
            <Button variant="warning">Turn off the feed</Button>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
