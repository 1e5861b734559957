import { error } from "@sveltejs/kit"
import type { LayoutServerLoad } from "./$types"

export interface CityProfileSummary {
  slug: string
  cityCode: string
  name: { ja: string; en: string }
  prefecture: { ja: string; en: string }
  contract: { title: { ja: string; en: string }; from: string; to: string }
  sites: Array<{
    id: string
    name: { ja: string; en: string }
    kind: string
    windows?: number
    procedures?: Array<string>
  }>
}

export const load: LayoutServerLoad = async ({ params, fetch }) => {
  const res = await fetch(`/api/v1/cities/${encodeURIComponent(params.city)}`)
  if (res.status === 404) error(404, "City not found / 市が見つかりません")
  if (!res.ok) error(res.status, "The API failed / API エラー")
  return { city: (await res.json()) as CityProfileSummary }
}
