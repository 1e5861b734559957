import { redirect } from "@sveltejs/kit"
import type { Actions } from "./$types"

export const actions: Actions = {
  default: async ({ fetch, cookies }) => {
    await fetch("/api/v1/auth/logout", { method: "POST" })
    cookies.delete("madoguchi_session", { path: "/" })
    redirect(303, "/login")
  }
}
