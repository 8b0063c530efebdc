import { RemixBrowser } from "@remix-run/react";
import { StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

// Hydrated at default priority, in one task, rather than inside startTransition (time-sliced across many tasks): a
// click or keypress landing between those slices makes React 18 finish hydrating synchronously, and that path once
// threw "Root did not complete" (error #345) in the browser tests. Our pages hydrate in a few milliseconds.
hydrateRoot(
  document,
  <StrictMode>
    <RemixBrowser />
  </StrictMode>,
);
