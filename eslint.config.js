// ESLint (flat config). Errors are for real problems and for the layering (decision 039):
// routes → models → domain. Style is Prettier's job (`npm run format`), not the linter's.
import js from "@eslint/js";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "public/build/**",
      "node_modules/**",
      ".cache/**",
      "test-results/**",
      "bench/.tmp/**",
      "data/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{js,mjs,cjs,ts,tsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/no-explicit-any": "warn",
      "@typescript-eslint/consistent-type-imports": ["warn", { fixStyle: "inline-type-imports" }],
      "no-empty": ["error", { allowEmptyCatch: true }],
    },
  },
  {
    files: ["**/*.tsx"],
    plugins: { react, "react-hooks": reactHooks },
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      "react/prop-types": "off",
      "react/no-unescaped-entities": "off",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  // ── No source file in app/ over 400 lines (decision 051): split by responsibility instead. ──
  {
    files: ["app/**/*.{js,ts,tsx}"],
    rules: { "max-lines": ["error", { max: 400, skipBlankLines: false, skipComments: false }] },
  },
  // ── Layering (decision 039) ──
  {
    files: ["app/routes/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "~/utils/db.server",
              message: "Routes call a model page/command function; the database belongs to app/models.",
            },
            { name: "@prisma/client", message: "Routes do not use Prisma; call a model function." },
            {
              name: "@remix-run/react",
              importNames: ["useActionData"],
              message:
                "Read the action's result with useActionResult<typeof action>() from ~/components/use-action-result (decision 051).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/*", "!~/domain", "!~/domain/**", "../*", "app/*"],
              message: "app/domain is pure: it imports only from app/domain (and plain libraries).",
            },
            {
              group: ["@prisma/client", "@remix-run/*", "react", "react-dom"],
              message: "app/domain has no I/O and no UI.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/models/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/components", "~/components/*", "~/routes", "~/routes/*", "**/components/*", "**/routes/*"],
              message: "Models do not import components or routes; put shared types in app/domain or the model.",
            },
          ],
        },
      ],
    },
  },
);
