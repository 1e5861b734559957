/** `GET …/reports/monthly?month=YYYY-MM` (the month picker of the 報告 screen) → the monthly report's screen. */
import { redirect } from "@sveltejs/kit"
import type { RequestHandler } from "./$types"

export const GET: RequestHandler = ({ params, url }) => {
  const month = url.searchParams.get("month") ?? ""
  const city = encodeURIComponent(params.city)
  redirect(303, month === "" ? `/${city}/reports` : `/${city}/reports/monthly/${encodeURIComponent(month)}`)
}
