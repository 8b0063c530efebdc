// Bundles server.ts and the app modules it imports into build/server.js, beside the Remix build it serves, so that
// `npm start` runs plain JavaScript: under tsx each start spent about 2 core-seconds compiling TypeScript (ADR 035).
// Packages stay in node_modules; `npm run dev` still runs server.ts through tsx.
import { build } from "esbuild";

await build({
  entryPoints: ["server.ts"],
  outfile: "build/server.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  // The app's own "~/…" imports (tsconfig paths) are bundled, not left as packages.
  alias: { "~": "./app" },
  logLevel: "warning",
});
