/**
 * `GET …/custody/export/ledger?from&to&kind&format` (the export form of the 台帳 screen) → the API's
 * 台帳 download (`GET /api/v1/cities/{city}/custody/ledger`), with only the filters that were filled in
 * (an empty date field would otherwise reach the API as an invalid date).
 */
import { redirect } from "@sveltejs/kit"
import { custodyApi, queryOf } from "#lib/custody/format.ts"
import type { RequestHandler } from "./$types"

export const GET: RequestHandler = ({ params, url }) => {
  const q = url.searchParams
  const format = q.get("format") === "xlsx" ? "xlsx" : "csv"
  redirect(
    303,
    custodyApi(params.city, "ledger") +
      queryOf({ from: q.get("from") ?? "", to: q.get("to") ?? "", kind: q.getAll("kind"), format })
  )
}
