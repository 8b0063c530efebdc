import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const NO_ZOD = {
  name: "zod",
  allowTypeImports: true,
  message: "Form schemas live in app/forms/*.server.ts, so zod never reaches the browser.",
};

export default tseslint.config(
  { ignores: ["build/**", "public/**", "node_modules/**", "app/db/generated/**", "playwright-report/**", "test-results/**", ".cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-control-regex": "off",
    },
  },
  // Layers run one way: routes → web (form replies, error map) → forms (zod schemas) → models → utils.
  {
    files: ["app/utils/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/models/*", "~/components/*", "~/web/*", "~/routes/*", "~/forms/*", "../*"],
              message: "app/utils is the bottom layer: it imports neither models, forms, components, web helpers nor routes.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/models/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/components/*", "~/web/*", "~/routes/*"],
              message: "Models know nothing of the web: no components, web helpers or routes.",
            },
          ],
        },
      ],
    },
  },
  // zod stays out of the browser (ADR 036): schemas live in app/forms/*.server.ts; what pages show of a form (choices,
  // labels, field order) in app/forms/*.ts. scripts/check-browser-bundle.mjs checks the built bundle as well.
  {
    files: ["app/routes/**/*.{ts,tsx}", "app/forms/**/*.ts", "app/root.tsx", "app/entry.client.tsx"],
    ignores: ["app/forms/**/*.server.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [NO_ZOD] }] },
  },
  // Components run in the browser, where Remix replaces every *.server module with an empty one: a value imported
  // from one would be undefined there (and defined on the server), so components import none (types are fine).
  {
    files: ["app/components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [NO_ZOD],
          patterns: [
            {
              group: ["**/*.server", "**/*.server.ts"],
              allowTypeImports: true,
              message: "Components run in the browser, where *.server modules are empty: pass the value in from the route.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
);
