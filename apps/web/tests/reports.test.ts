/**
 * The 報告 screen in a real browser: every city's screen and entry form loads and passes axe; a
 * phone call typed in and sent with Enter is counted in today's figures and listed, with its content
 * and answer, in today's daily report; a void takes it out again; text holding a 個人番号 is refused
 * with the API's message and the typed fields are kept; a report is submitted (frozen) from its
 * screen, the API's refusal shown first when a required narrative is empty.
 */
import type { Page } from "playwright-core"
import { afterAll, assert, beforeAll, describe, it } from "vitest"
import { axe, CITIES, start, tokyoToday, type Harness } from "./harness.ts"

let h: Harness

beforeAll(async () => {
  h = await start()
})

afterAll(async () => {
  await h?.stop()
})

/** Today's figure of a daily-report section on the 報告 screen. */
const todayCount = async (page: Page, label: string): Promise<number> =>
  Number(await page.locator("section.today tr", { hasText: label }).locator("td.num").textContent())

describe("reports screen", () => {
  it("loads for every city with each entry form, and every state passes axe", async () => {
    const page = await h.page()
    for (const city of CITIES) {
      const res = await page.goto(`${h.base}/${city}/reports`)
      assert.strictEqual(res?.status(), 200, city)
      assert.strictEqual(await page.locator("h1").count(), 1)
      assert.deepStrictEqual(await axe(page), [], city)
    }
    for (const kind of ["counter_visit", "phone_call", "complaint", "outreach_session"]) {
      const res = await page.goto(`${h.base}/ota/reports?kind=${kind}`)
      assert.strictEqual(res?.status(), 200, kind)
      assert.strictEqual(await page.locator("form.activity input[name=kind]").inputValue(), kind)
      assert.strictEqual(await page.locator("#date").inputValue(), tokyoToday())
      assert.deepStrictEqual(await axe(page), [], kind)
    }
  })

  it("counts a phone call in today's daily report, and a void takes it out", async () => {
    const page = await h.page()
    await page.goto(`${h.base}/kawanishi/reports?kind=phone_call`)
    const before = await todayCount(page, "電話対応")
    await page.selectOption("#category", "required_documents")
    await page.fill("#content", "更新に必要な書類を知りたい")
    await page.fill("#answer", "カードと交付通知書を案内")
    await Promise.all([page.waitForURL(/\/record/), page.press("#answer", "Enter")])
    assert.include(await page.locator(".done[role=status]").textContent(), "記録しました")
    assert.strictEqual(await todayCount(page, "電話対応"), before + 1)
    // The next entry starts empty, on the same kind, with the topic just used.
    assert.strictEqual(await page.locator("#content").inputValue(), "")
    assert.strictEqual(await page.locator("#category").inputValue(), "required_documents")
    assert.deepStrictEqual(await axe(page), [])

    await page.locator("section.today a", { hasText: "本日の日報を開く" }).click()
    await page.waitForURL(new RegExp(`/kawanishi/reports/daily/${tokyoToday()}`))
    const calls = await page.locator("table.list", { hasText: "通話ごとの内容と回答" }).textContent()
    assert.include(calls, "更新に必要な書類を知りたい")
    assert.include(calls, "カードと交付通知書を案内")
    assert.include(await page.locator("p.downloads").textContent(), "Shift_JIS")
    assert.deepStrictEqual(await axe(page), [])
    await page.goBack()

    await page.goto(`${h.base}/kawanishi/reports?kind=phone_call`)
    await page.fill("#content", "間違えて記録する電話")
    await page.fill("#answer", "取り消す")
    await Promise.all([page.waitForURL(/\/record/), page.click("form.activity button[type=submit]")])
    assert.strictEqual(await todayCount(page, "電話対応"), before + 2)
    await page.fill("#void-reason", "入力誤り")
    await Promise.all([page.waitForURL(/\/void/), page.click("form.void button")])
    assert.include(await page.locator("[role=status]").textContent(), "取り消しました")
    assert.strictEqual(await todayCount(page, "電話対応"), before + 1)
  })

  it("refuses a phone note holding a 個人番号 with the API's message, keeping what was typed", async () => {
    const page = await h.page()
    await page.goto(`${h.base}/kawanishi/reports?kind=phone_call`)
    const before = await todayCount(page, "電話対応")
    // A 12-digit number with a valid check digit: the guard's own sample, typed where it must be refused.
    await page.fill("#content", "番号 1234 5678 9018 の確認")
    await page.fill("#answer", "窓口へ案内")
    await Promise.all([page.waitForURL(/\/record/), page.press("#answer", "Enter")])
    const alert = await page.locator("[role=alert]").textContent()
    assert.include(alert, "個人番号")
    assert.strictEqual(await page.locator("#answer").inputValue(), "窓口へ案内")
    assert.strictEqual(await todayCount(page, "電話対応"), before)
    assert.deepStrictEqual(await axe(page), [])
  })

  it("records a counter visit refused for a missing document", async () => {
    const page = await h.page("en")
    await page.goto(`${h.base}/kanazawa/reports?kind=counter_visit`)
    const before = await todayCount(page, "Counter work")
    await page.selectOption("#procedure", "card_issuance")
    await page.check("input[name=outcome][value=refused]")
    await page.selectOption("#reason", "missing_document")
    await page.locator("details summary", { hasText: "Documents missing" }).click()
    await page.check("input[name=missingDocuments][value=issuance_notice]")
    await Promise.all([page.waitForURL(/\/record/), page.click("form.activity button[type=submit]")])
    assert.include(await page.locator(".done[role=status]").textContent(), "Recorded")
    assert.strictEqual(await todayCount(page, "Counter work"), before + 1)

    // Refused without a reason: the API says what is missing.
    await page.check("input[name=outcome][value=second_visit]")
    await page.selectOption("#reason", "")
    await Promise.all([page.waitForURL(/\/record/), page.click("form.activity button[type=submit]")])
    assert.include(await page.locator("[role=alert]").textContent(), "needs a reason")
    assert.isTrue(await page.locator("input[name=outcome][value=second_visit]").isChecked())
  })

  it("submits a closed month's report: the API's refusal first, then frozen as version 1", async () => {
    const page = await h.page()
    // Kanazawa's monthly report requires its improvements narrative (profiles/kanazawa.yaml).
    const res = await page.goto(`${h.base}/kanazawa/reports/monthly/2026-01`)
    assert.strictEqual(res?.status(), 200)
    assert.include(await page.locator("p.meta").textContent(), "確定(未提出)")
    await Promise.all([page.waitForURL(/\/submit/), page.click("section.submit button[type=submit]")])
    assert.include(await page.locator("section.submit [role=alert]").textContent(), "記入が必要な項目が空です")
    assert.deepStrictEqual(await axe(page), [])

    await page.locator("section.submit textarea").first().fill("予約枠の見直しを提案します。")
    await Promise.all([page.waitForURL(/\/submit/), page.click("section.submit button[type=submit]")])
    assert.include(await page.locator("[role=status]").textContent(), "提出しました(第1版)")
    assert.include(await page.locator("p.meta").textContent(), "提出済")
    assert.include(await page.locator(".narrative").first().textContent(), "予約枠の見直しを提案します。")
    // A correction needs a reason: the field is there, required.
    assert.isTrue(await page.locator("section.submit #reason").evaluate((e) => (e as HTMLInputElement).required))

    await page.goto(`${h.base}/kanazawa/reports`)
    assert.include(await page.locator("#due-heading + p").textContent(), "提出済 1")
  })

  it("lists the reports due: overdue ones first and highlighted, the rest on request", async () => {
    const page = await h.page("en")
    // Kawanishi's daily report is due the next business day; nothing is submitted since 2026-10-01.
    await page.goto(`${h.base}/kawanishi/reports`)
    const overdue = page.locator("table.due tbody tr.overdue")
    const shown = await overdue.count()
    assert.isAbove(shown, 0)
    assert.include(await overdue.first().textContent(), "overdue")
    assert.include(await page.locator("table.due tbody tr").first().getAttribute("class"), "overdue")
    const more = page.locator("a", { hasText: /^Show all/ })
    if ((await more.count()) > 0) {
      await Promise.all([page.waitForURL(/due=all/), more.click()])
      assert.isAbove(await page.locator("table.due tbody tr.overdue").count(), shown)
    }
    // Koganei's reports have no deadline (the monthly one goes with the invoice): never overdue.
    await page.goto(`${h.base}/koganei/reports`)
    assert.strictEqual(await page.locator("table.due tbody tr.overdue").count(), 0)
    assert.include(await page.locator("table.due").textContent(), "with that month's invoice")
  })
})
