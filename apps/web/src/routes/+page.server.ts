import type { PageServerLoad } from "./$types"

interface Health {
  version: string
  database: { kind: "pglite" | "postgres"; location: string; reachable: boolean }
  migrations: { applied: number; pending: Array<string>; current: boolean; latest: string | null }
  demo: boolean
}
interface CitySummary {
  slug: string
  cityCode: string
  name: { ja: string; en: string }
  prefecture: { ja: string; en: string }
  contract: { title: { ja: string; en: string }; from: string; to: string }
  sites: Array<{ id: string; name: { ja: string; en: string }; kind: string; windows?: number }>
}

export const load: PageServerLoad = async ({ fetch }) => {
  const [health, cities] = await Promise.all([fetch("/api/v1/health"), fetch("/api/v1/cities")])
  return {
    health: health.ok ? ((await health.json()) as Health) : null,
    cities: cities.ok ? ((await cities.json()) as { cities: Array<CitySummary> }).cities : []
  }
}
