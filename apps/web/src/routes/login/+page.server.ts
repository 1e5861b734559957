import { fail, redirect } from "@sveltejs/kit"
import type { Actions, PageServerLoad } from "./$types"

interface ApiError {
  error: { code: string; ja: string; en: string }
}

export const load: PageServerLoad = async ({ fetch, url }) => {
  const res = await fetch("/api/v1/cities")
  const cities = res.ok
    ? ((await res.json()) as { cities: Array<{ slug: string; name: { ja: string; en: string } }> }).cities
    : []
  return { cities, selected: url.searchParams.get("city") ?? "" }
}

export const actions: Actions = {
  default: async ({ request, fetch, cookies, url }) => {
    const form = await request.formData()
    const city = String(form.get("city") ?? "")
    const login = String(form.get("login") ?? "")
    const password = String(form.get("password") ?? "")
    const res = await fetch("/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ city, login, password })
    })
    if (!res.ok) {
      const body = (await res.json()) as ApiError
      return fail(res.status, { city, login, error: body.error })
    }
    const { token, expiresInSeconds } = (await res.json()) as { token: string; expiresInSeconds: number }
    cookies.set("madoguchi_session", token, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: url.protocol === "https:",
      maxAge: expiresInSeconds
    })
    redirect(303, `/${encodeURIComponent(city)}`)
  }
}
