/** `GET …/reports/daily?date=YYYY-MM-DD` (the date picker of the 報告 screen) → the daily report's screen. */
import { redirect } from "@sveltejs/kit"
import type { RequestHandler } from "./$types"

export const GET: RequestHandler = ({ params, url }) => {
  const date = url.searchParams.get("date") ?? ""
  const city = encodeURIComponent(params.city)
  redirect(303, date === "" ? `/${city}/reports` : `/${city}/reports/daily/${encodeURIComponent(date)}`)
}
