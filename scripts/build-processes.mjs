// Bundles the long-running processes, server.ts (the app server), scripts/worker.ts (the outbox worker) and
// scripts/replies.ts (the calendar-reply reader), with the app modules they import into build/server.js, worker.js
// and replies.js, beside the Remix build the server serves. `npm start`, `npm run worker` and `npm run replies` then
// run plain JavaScript: under tsx each start spent about 2 core-seconds compiling TypeScript (ADR 035). Packages stay
// in node_modules; `npm run dev` still runs server.ts through tsx, and one-off commands run through tsx as before.
import { build } from "esbuild";

await build({
  entryPoints: { server: "server.ts", worker: "scripts/worker.ts", replies: "scripts/replies.ts" },
  outdir: "build",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  // The app's own "~/…" imports (tsconfig paths) are bundled, not left as packages.
  alias: { "~": "./app" },
  logLevel: "warning",
});
