import type { LayoutServerLoad } from "./$types"

export const load: LayoutServerLoad = async ({ locals, fetch }) => {
  const me = await fetch("/api/v1/auth/me")
  const staff = me.ok
    ? ((await me.json()) as { staff: { displayName: string; role: string; login: string } }).staff
    : null
  return { lang: locals.lang, staff }
}
