/**
 * `@madoguchi/api`: the Hono application over the libs, the runtime that composes their layers, and
 * the helpers route files share.
 */
export * as Api from "./App.ts"
export * as Auth from "./Auth.ts"
export * as Errors from "./Errors.ts"
export * as Http from "./Http.ts"
export * as OpenApi from "./OpenApi.ts"
export * as Runtime from "./Runtime.ts"
