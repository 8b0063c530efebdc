// Fails the build when a package that belongs on the server reaches the JavaScript sent to browsers. Form schemas
// (zod) are parsed on the server only (app/forms/*.server.ts): in the browser bundle they were 450 KB that 73 of 124
// pages downloaded, parsed and ran for nothing (ADR 036). A page imports one by keeping a schema in its route module
// or by taking a label from a schema module; this names the pages and the package so the import can be moved.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const BUILD = "public/build";
// A string each package's code keeps after minification (its own type names).
const SERVER_ONLY = [{ name: "zod", marker: '"$ZodType"' }];

const manifestFile = readdirSync(BUILD).find((f) => /^manifest-.*\.js$/.test(f));
if (!manifestFile) {
  console.error(`No ${BUILD}/manifest-*.js: run remix build first`);
  process.exit(1);
}
const manifest = JSON.parse(
  readFileSync(path.join(BUILD, manifestFile), "utf8")
    .replace(/^window\.__remixManifest=/, "")
    .replace(/;\s*$/, ""),
);
const readModule = (url) => readFileSync(path.join(BUILD, url.replace(/^\/build\//, "")), "utf8");

const problems = [];
for (const { name, marker } of SERVER_ONLY) {
  const pages = Object.values(manifest.routes)
    .filter((route) => [route.module, ...(route.imports ?? [])].some((url) => readModule(url).includes(marker)))
    .map((route) => route.id);
  if (pages.length) problems.push(`${name} is in the browser bundle of ${pages.length} page(s): ${pages.join(", ")}`);
}
if (problems.length) {
  console.error(problems.join("\n"));
  console.error("Keep form schemas in app/forms/*.server.ts and the labels pages show in app/forms/*.ts (no zod).");
  process.exit(1);
}
