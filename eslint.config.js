// One flat config for the whole workspace: typescript-eslint, svelte, and Nx module boundaries
// (domain imports nothing of ours; db only domain; feature libs only domain and db; apps anything).
import nx from "@nx/eslint-plugin"
import prettier from "eslint-config-prettier"
import svelte from "eslint-plugin-svelte"
import globals from "globals"
import tseslint from "typescript-eslint"

export default tseslint.config(
  {
    ignores: ["**/node_modules/**", "**/.svelte-kit/**", "**/build/**", "**/dist/**", "**/.nx/**", "**/.madoguchi/**"]
  },
  ...tseslint.configs.recommended,
  ...svelte.configs["flat/recommended"],
  prettier,
  ...svelte.configs["flat/prettier"],
  {
    languageOptions: { globals: { ...globals.node } }
  },
  {
    files: ["**/*.svelte", "**/*.svelte.ts"],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: [".svelte"] }
    }
  },
  {
    files: ["**/*.ts", "**/*.svelte", "**/*.js"],
    plugins: { "@nx": nx },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-namespace": "off",
      "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }],
      "require-yield": "off",
      // Plain same-origin paths: the app is served at the root, never under a base path.
      "svelte/no-navigation-without-resolve": "off",
      "@nx/enforce-module-boundaries": [
        "error",
        {
          enforceBuildableLibDependency: false,
          allowCircularSelfDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: "type:domain", onlyDependOnLibsWithTags: [] },
            { sourceTag: "type:db", onlyDependOnLibsWithTags: ["type:domain"] },
            { sourceTag: "type:feature", onlyDependOnLibsWithTags: ["type:domain", "type:db"] },
            { sourceTag: "type:app", onlyDependOnLibsWithTags: ["type:domain", "type:db", "type:feature", "type:app"] }
          ]
        }
      ]
    }
  }
)
