/**
 * The 計画 screen in a real browser: every city's calendar and plan load and pass axe; the calendar
 * grid says why a day is closed (national holidays, the year end) and lists the hours of open days;
 * the plan's table has one row per month with the chart drawn on the server, CSV links that answer
 * CSV, and the API's refusal of a reversed range; printing hides the controls and keeps the chart.
 */
import { afterAll, assert, beforeAll, describe, it } from "vitest"
import { axe, CITIES, start, type Harness } from "./harness.ts"

let h: Harness

beforeAll(async () => {
  h = await start()
})

afterAll(async () => {
  await h?.stop()
})

describe("plan screen", () => {
  it("loads for every city and passes axe", async () => {
    const page = await h.page()
    for (const city of CITIES) {
      const res = await page.goto(`${h.base}/${city}/plan`)
      assert.strictEqual(res?.status(), 200, city)
      assert.strictEqual(await page.locator("table.month").count(), 1, city)
      assert.deepStrictEqual(await axe(page), [], city)
    }
  })

  it("shows a month of Kawanishi's calendar: holidays closed, weekdays 9:00–17:00, and the year end", async () => {
    const page = await h.page()
    await page.goto(`${h.base}/kawanishi/plan?month=2026-11&from=2026-11&to=2027-01`)
    const cell = (day: number) =>
      page.locator("table.month td", { has: page.locator(`.date > span:text-is("${day}")`) })
    assert.include(await cell(3).textContent(), "祝日") // 文化の日
    assert.include(await cell(23).textContent(), "祝日") // 勤労感謝の日
    assert.include(await cell(2).textContent(), "09:00–17:00")
    assert.include(await cell(7).textContent(), "開設なし") // Saturday
    assert.include(await page.locator("p.summary").innerText(), "開設日 19日")

    await Promise.all([page.waitForURL(/month=2026-12/), page.locator("a", { hasText: "翌月" }).click()])
    for (const day of [29, 30, 31]) assert.include(await cell(day).textContent(), "年末年始", String(day))
    assert.include(await cell(28).textContent(), "09:00–17:00")
  })

  it("plans a range of months: a row per month, the chart, CSV downloads", async () => {
    const page = await h.page("en")
    await page.goto(`${h.base}/kawanishi/plan?month=2026-11&from=2026-11&to=2027-04`)
    const rows = page.locator("table.plan tbody tr")
    assert.strictEqual(await rows.count(), 6)
    assert.include(await rows.first().locator("th").textContent(), "November 2026")
    assert.strictEqual(await page.locator("figure.chart svg[role=img] rect.demand").count(), 6)
    assert.isAbove(await page.locator("ul.findings li, p.ok").count(), 0)

    const csv = await page.locator("a", { hasText: "Months (CSV)" }).getAttribute("href")
    const res = await page.request.get(`${h.base}${csv}`)
    assert.strictEqual(res.status(), 200)
    assert.include(res.headers()["content-type"], "text/csv")
    assert.strictEqual((await res.text()).trim().split("\n").length, 7) // header + 6 months
    const days = await page.locator("a", { hasText: "Sessions (CSV)" }).getAttribute("href")
    assert.include(days, "level=days")
  })

  it("shows the API's refusal of a reversed range, and keeps the calendar", async () => {
    const page = await h.page()
    const res = await page.goto(`${h.base}/ota/plan?month=2026-11&from=2027-03&to=2026-11`)
    assert.strictEqual(res?.status(), 200)
    assert.include(
      await page.locator("#plan-heading ~ [role=alert]").textContent(),
      "開始月 2027-03 が終了月 2026-11 より後です"
    )
    assert.strictEqual(await page.locator("table.month").count(), 1)
    assert.deepStrictEqual(await axe(page), [])
  })

  it("prints the calendar, the table and the chart without the controls", async () => {
    const page = await h.page()
    await page.goto(`${h.base}/kanazawa/plan`)
    await page.emulateMedia({ media: "print" })
    assert.isFalse(await page.locator("nav").first().isVisible())
    assert.isFalse(await page.locator("form.controls").first().isVisible())
    assert.isTrue(await page.locator("table.month").isVisible())
    assert.isTrue(await page.locator("table.plan").isVisible())
    assert.isTrue(await page.locator("figure.chart svg").isVisible())
  })
})
