import { RemixBrowser } from "@remix-run/react";
import { StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

/**
 * RemixBrowser's first render waits (suspends) while it decodes the page's data from the HTML. React 18 answers a
 * click, key or input on a page it has not yet hydrated by hydrating at once, synchronously, and a synchronous render
 * that waits fails: "Root did not complete" (error #345), leaving the page without JavaScript. Seen in the journeys
 * when a click came between hydrateRoot and React's first render, which happens in a later task. So the decoding is
 * started and waited for before hydrating: RemixBrowser throws its decoding promise before it uses any hook, and keeps
 * the result for its real render (tests/e2e/hydration.spec.ts).
 */
async function pageDataDecoded() {
  try {
    RemixBrowser({});
  } catch (thrown) {
    if (thrown instanceof Promise) await thrown;
  }
}

// Hydrated at default priority, in one task, rather than inside startTransition (time-sliced across many tasks): our
// pages hydrate in a few milliseconds.
pageDataDecoded().then(() =>
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  ),
);
