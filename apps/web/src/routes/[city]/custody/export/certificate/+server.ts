/**
 * `GET …/custody/export/certificate?from&to&contractor` (the certificate form of the 台帳 screen) → the
 * API's printable disposal and erasure certificate (`GET /api/v1/cities/{city}/custody/certificate`),
 * with only the fields that were filled in.
 */
import { redirect } from "@sveltejs/kit"
import { custodyApi, queryOf } from "#lib/custody/format.ts"
import type { RequestHandler } from "./$types"

export const GET: RequestHandler = ({ params, url }) => {
  const q = url.searchParams
  redirect(
    303,
    custodyApi(params.city, "certificate") +
      queryOf({ from: q.get("from") ?? "", to: q.get("to") ?? "", contractor: (q.get("contractor") ?? "").trim() })
  )
}
