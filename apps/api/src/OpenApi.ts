/**
 * The OpenAPI 3.1 document of `/api/v1`, built from the routes the app actually serves (so it never
 * drifts) plus what route files declare with `describe` (summary, request body and query schemas,
 * which are turned into JSON Schema from their Effect Schemas).
 */
import { Schema } from "effect"
import type { Hono } from "hono"
import { version } from "./Version.ts"

/** @category models */
export interface Operation {
  readonly summary: string
  readonly tag?: string
  readonly body?: Schema.Top
  readonly query?: Schema.Top
  /** Status codes this operation answers besides 200 (e.g. 201, 404, 409). */
  readonly statuses?: ReadonlyArray<number>
}

const operations = new Map<string, Operation>()

/** Describe `METHOD /path` (Hono path syntax, e.g. `/cities/:city/slots`). @category constructors */
export const describe = (method: string, path: string, operation: Operation): void => {
  operations.set(`${method.toUpperCase()} ${path}`, operation)
}

const jsonSchema = (schema: Schema.Top): unknown => {
  try {
    const doc = Schema.toJsonSchemaDocument(schema) as { schema: unknown; definitions?: Record<string, unknown> }
    return doc.definitions && Object.keys(doc.definitions).length > 0
      ? { ...(doc.schema as object), $defs: doc.definitions }
      : doc.schema
  } catch {
    return { type: "object" }
  }
}

const statusText: Record<number, string> = {
  200: "OK",
  201: "Created",
  400: "Invalid input (error.code, error.ja, error.en, error.path)",
  401: "Not signed in",
  403: "Not allowed for this role",
  404: "Not found",
  409: "Conflict",
  422: "Refused"
}

/** @category constructors */
export const document = (app: Hono<never> | Hono, prefix = "/api/v1") => {
  const paths: Record<string, Record<string, unknown>> = {}
  const errorRef = { $ref: "#/components/schemas/Error" }
  for (const route of app.routes) {
    if (route.method === "ALL" || !route.path.startsWith(prefix)) continue
    const local = route.path.slice(prefix.length) || "/"
    const op = operations.get(`${route.method} ${local}`)
    const openPath = route.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}")
    const params = [...local.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" }
    }))
    const queryParams = op?.query ? queryParameters(op.query) : []
    const responses: Record<string, unknown> = { "200": { description: "OK" } }
    for (const s of op?.statuses ?? []) {
      responses[String(s)] =
        s >= 400
          ? { description: statusText[s] ?? "Error", content: { "application/json": { schema: errorRef } } }
          : { description: statusText[s] ?? "OK" }
    }
    responses["400"] ??= { description: statusText[400], content: { "application/json": { schema: errorRef } } }
    ;(paths[openPath] ??= {})[route.method.toLowerCase()] = {
      summary: op?.summary ?? `${route.method} ${local}`,
      ...(op?.tag ? { tags: [op.tag] } : {}),
      parameters: [...params, ...queryParams],
      ...(op?.body
        ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body) } } } }
        : {}),
      responses
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Madoguchi API",
      version,
      description:
        "マイナンバーカード窓口業務 / My Number Card counter operations. Errors: { error: { code, ja, en, path? } }."
    },
    paths,
    components: {
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "ja", "en"],
              properties: {
                code: { type: "string" },
                ja: { type: "string" },
                en: { type: "string" },
                path: { type: "string" }
              }
            }
          }
        }
      },
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "madoguchi_session" },
        bearer: { type: "http", scheme: "bearer" }
      }
    }
  }
}

const queryParameters = (schema: Schema.Top) => {
  const js = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: ReadonlyArray<string> }
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: js.required?.includes(name) ?? false,
    schema: s
  }))
}
