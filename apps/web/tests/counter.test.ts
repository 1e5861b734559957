/**
 * The counter screens in a real browser (受付判定, 予約, 番号札 and its call display, the public
 * booking page): every city's screens load and pass axe; a proxy without a reason is refused and,
 * with a reason but no papers, the printed slip lists what to bring (without JavaScript); a phone
 * booking lowers its slot's seats by one and a second submit of the same form books nothing more;
 * a resident books and cancels on the public page; a called ticket appears on the call display.
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

const SCREENS = ["check", "reservations", "queue", "queue/display", "book"] as const

/** A page without JavaScript (forms post and the server renders the answer), in its own context. */
const noScriptPage = async (): Promise<Page> => {
  const browser = (await h.page()).context().browser()!
  const context = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { "x-forwarded-proto": "http" }
  })
  return context.newPage()
}

/** `date` plus `days`. */
const addDays = (date: string, days: number): string => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

interface ApiSlot {
  id: string
  site: string
  date: string
  start: string
  end: string
  remaining: number
  procedures: Array<string>
}

/** A slot of the next two weeks with seats left for the asking page's session (the `nth` such). */
const firstFreeSlot = async (page: Page, city: string, procedure: string, nth = 0): Promise<ApiSlot> => {
  const today = tokyoToday()
  const res = await page.request.get(
    `${h.base}/api/v1/cities/${city}/slots?from=${today}&to=${addDays(today, 13)}&procedure=${procedure}`
  )
  assert.strictEqual(res.status(), 200)
  const { slots } = (await res.json()) as { slots: Array<ApiSlot> }
  const free = slots.filter((s) => s.remaining > 1).sort((a, b) => a.start.localeCompare(b.start))
  assert.isAbove(free.length, nth, `a free ${procedure} slot in ${city}`)
  return free[nth]!
}

/**
 * Sign in as the city's demo manager (bookings then go in as phone bookings). The sign-in page's
 * fields are controlled by Svelte, which empties a field typed into before hydration: wait for it.
 */
const signIn = async (page: Page, city: string) => {
  await page.goto(`${h.base}/login?city=${city}`, { waitUntil: "networkidle" })
  await page.fill("#login", "demo")
  await page.fill("#password", "demo")
  await Promise.all([page.waitForURL(`${h.base}/${city}`), page.click("button[type=submit]")])
}

describe("counter screens", () => {
  it("load for every city and pass axe, in Japanese and in English", async () => {
    const page = await h.page()
    for (const city of CITIES) {
      for (const screen of SCREENS) {
        const res = await page.goto(`${h.base}/${city}/${screen}`)
        assert.strictEqual(res?.status(), 200, `${city}/${screen}`)
        assert.deepStrictEqual(await axe(page), [], `${city}/${screen}`)
      }
    }
    const en = await h.page("en")
    for (const screen of SCREENS) {
      await en.goto(`${h.base}/kawanishi/${screen}`)
      assert.strictEqual(await en.getAttribute("html", "lang"), "en")
      assert.deepStrictEqual(await axe(en), [], `en kawanishi/${screen}`)
    }
  })

  it("the city page links the public booking page", async () => {
    const page = await h.page()
    await page.goto(`${h.base}/koganei`)
    await Promise.all([page.waitForURL(`${h.base}/koganei/book`), page.locator("a[href='/koganei/book']").click()])
    assert.include(await page.locator("h1").textContent(), "小金井市")
  })
})

describe("受付判定 / counter check", () => {
  it("refuses a proxy without a reason; with a reason, the printed slip lists what to bring (no JavaScript)", async () => {
    const page = await noScriptPage()
    await page.goto(`${h.base}/kawanishi/check`)
    assert.strictEqual(await page.inputValue("#f-visitDate"), tokyoToday(), "today by default")
    await page.selectOption("#f-procedure", "card_issuance")
    await page.fill("#f-birth", "1960-05-10")
    await page.check("input[name='attendee.kind'][value='proxy']")
    await page.selectOption("#f-relation", "spouse")
    await page.check("#f-doc-applicant-issuance_notice")
    await page.check("#f-doc-attendee-drivers_license")
    await Promise.all([page.waitForLoadState("load"), page.click("button.big")])

    const result = page.locator("section.result")
    assert.include(await result.locator(".decision").textContent(), "手続できません")
    assert.include(await result.locator("ul.reasons").textContent(), "やむを得ない理由が必要です")
    assert.include(await result.locator("ul.reasons").textContent(), "根拠")
    // The form keeps what was entered.
    assert.strictEqual(await page.inputValue("#f-birth"), "1960-05-10")
    assert.isTrue(await page.isChecked("#f-doc-attendee-drivers_license"))

    await page.selectOption("#f-reason", "hospitalized")
    await Promise.all([page.waitForLoadState("load"), page.click("button.big")])
    assert.include(await result.locator(".decision").textContent(), "手続できません")
    const missing = await result.locator("ol.missing").textContent()
    assert.include(missing, "診断書", "evidence of the reason")
    assert.include(missing, "A群2点", "the applicant's identity documents, as alternatives")
    assert.include(missing, "または")
    assert.include(await result.locator("ul.seen").textContent(), "運転免許証")

    await page.emulateMedia({ media: "print" })
    assert.isFalse(await page.locator("form.check").isVisible(), "the form is not printed")
    assert.isTrue(await result.locator("ol.missing").isVisible(), "the slip is")
    assert.include(await result.locator("h2").textContent(), "川西市")
    await page.context().close()
  })

  it("allows the applicant in person with a valid card, in English, and shows the API's refusal of a bad date", async () => {
    const page = await h.page("en")
    await page.goto(`${h.base}/ota/check`)
    await page.selectOption("#f-procedure", "cert_renewal")
    await page.fill("#f-birth", "1990-04-01")
    await page.selectOption("#f-applicant-card-status", "valid")
    await page.fill("#f-applicant-card-expiresOn", addDays(tokyoToday(), 2000))
    await page.fill("#f-applicant-card-signatureCert-expiresOn", addDays(tokyoToday(), 60))
    await page.fill("#f-applicant-card-authCert-expiresOn", addDays(tokyoToday(), 60))
    await page.check("#f-doc-applicant-my_number_card")
    await page.click("button.big")
    await page.locator("section.result .decision").waitFor()
    assert.include(await page.locator("section.result .decision").textContent(), "allowed")

    await page.fill("#f-birth", addDays(tokyoToday(), 1))
    await page.click("button.big")
    await page.locator("section.result .error").waitFor()
    assert.include(await page.locator("section.result .error").textContent(), "birth date")
  })
})

describe("予約 / reservations", () => {
  it("books a caller's slot once: seats drop by one, and the same form sent again books nothing more", async () => {
    const page = await h.page()
    await signIn(page, "kawanishi")
    const slot = await firstFreeSlot(page, "kawanishi", "card_issuance")
    const view = `${h.base}/kawanishi/reservations?date=${slot.date}&site=${slot.site}&channel=phone`
    await page.goto(view)
    const time = `${slot.start.slice(11, 16)}–${slot.end.slice(11, 16)}`
    const row = page.locator("table.slots tbody tr", { has: page.locator(`th:text-is("${time}")`) })
    const before = Number((await row.locator("td.left").textContent())?.trim())
    assert.isAbove(before, 1)

    await page.selectOption("#b-slot", slot.id)
    await page.selectOption("#b-procedure", "card_issuance")
    await page.fill("#b-name", "ヤマダ タロウ")
    await page.fill("#b-contact", "072-740-1111")
    await page.fill("#pc-birth", "1985-07-07")
    const form = page.locator("form[action*='/book']")
    const entries = await form.evaluate((el) =>
      [...new FormData(el as HTMLFormElement).entries()].map(([k, v]) => [k, String(v)] as const)
    )
    const action = await form.evaluate((el) => (el as HTMLFormElement).action)
    await page.click("button.big")
    await page.locator("#booked-heading").waitFor()
    assert.include(await page.locator("#booked-heading").textContent(), "予約しました")
    const id = (await page.locator("p.number strong").textContent())!.trim()
    assert.match(id, /^[0-7][0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}$/)
    assert.include(await page.locator("section.done ol.missing").textContent(), "交付通知書", "what to bring")

    // The same form again (a double click, a retried post): the API replays the first booking.
    const again = await page.evaluate(
      async ({ entries, action }) => {
        const body = new FormData()
        for (const [k, v] of entries) body.append(k, v)
        const res = await fetch(action, { method: "POST", body, headers: { "x-sveltekit-action": "true" } })
        return res.text()
      },
      { entries, action }
    )
    assert.include(again, id.replace("-", ""), "the same reservation, by its code")

    // A caller reads the number out: staff find the booking by it, the day opened with it marked.
    await page.goto(`${h.base}/kawanishi/reservations`)
    await page.fill("#r-code", id.toLowerCase())
    await page.locator("form.find button").click()
    await page.waitForURL(/found=/)
    assert.include(await page.locator("tr.found").textContent(), id)
    await page.fill("#r-code", "00000-00000")
    await page.locator("form.find button").click()
    await page.locator("form.find + .error").waitFor()

    await page.goto(view)
    const after = Number((await row.locator("td.left").textContent())?.trim())
    assert.strictEqual(after, before - 1, "one seat taken, not two")
    const booked = page.locator("table.list tbody tr", { hasText: "ヤマダ タロウ" })
    assert.strictEqual(await booked.count(), 1)
    assert.include(await booked.textContent(), "電話")

    // Check-in is for the reservation's day only: today it joins the queue, any other day the API says why not.
    await booked.locator("button", { hasText: "受付" }).click()
    if (slot.date === tokyoToday()) {
      await page.locator("p.done .ticket").waitFor()
    } else {
      await page.locator(".error", { hasText: "本日は" }).waitFor()
    }

    // Cancel it from the day's list: the seat is free again.
    await booked.locator("button", { hasText: "キャンセル" }).click()
    await page.locator("p.done").waitFor()
    await page.goto(view)
    assert.strictEqual(Number((await row.locator("td.left").textContent())?.trim()), before)
  })

  it("shows the API's refusal of a contact that is neither a phone number nor an e-mail, keeping what was typed", async () => {
    const page = await h.page()
    await signIn(page, "kawanishi")
    const slot = await firstFreeSlot(page, "kawanishi", "card_issuance")
    await page.goto(`${h.base}/kawanishi/reservations?date=${slot.date}&site=${slot.site}&slot=${slot.id}`)
    await page.fill("#b-name", "ヤマダ ハナコ")
    await page.fill("#b-contact", "not a contact")
    await page.click("button.big")
    await page.locator(".book .error").waitFor()
    assert.include(await page.locator(".book .error").textContent(), "連絡先")
    assert.strictEqual(await page.inputValue("#b-contact"), "not a contact")
  })

  it("puts a caller on the waitlist of a full slot; a cancellation offers the seat and staff accept it", async () => {
    const page = await h.page()
    await signIn(page, "kawanishi")
    const slot = await firstFreeSlot(page, "kawanishi", "card_issuance", 3)
    const view = `${h.base}/kawanishi/reservations?date=${slot.date}&site=${slot.site}`
    await page.goto(`${view}&slot=${slot.id}`)
    await page.fill("#b-name", "タナカ イチロウ")
    await page.fill("#b-contact", "072-740-2222")
    await page.fill("#b-seats", String(slot.remaining))
    await page.click("button.big")
    await page.locator("#booked-heading").waitFor()

    await page.goto(`${view}&slot=${slot.id}`)
    await page.fill("#b-name", "サトウ ジロウ")
    await page.fill("#b-contact", "072-740-3333")
    await page.locator("button", { hasText: "キャンセル待ちに登録" }).click()
    await page.locator("p.done", { hasText: "キャンセル待ちに登録しました" }).waitFor()
    const entry = (await page.locator("p.done strong").first().textContent())!.trim()
    assert.match(entry, /^[0-9a-f-]{36}$/)

    await page.goto(view)
    await page
      .locator("table.list tbody tr", { hasText: "タナカ イチロウ" })
      .locator("button", { hasText: "キャンセル" })
      .click()
    await page.locator("p.done").waitFor()

    // Looked up by its number, and listed with the day's waitlist, where staff accept the seat offered.
    await page.goto(`${view}&waitlist=${entry}`)
    assert.include(await page.locator("#waitlist-heading + form + p").textContent(), "空きのご案内中")
    const waiting = page.locator("table.waiting tbody tr", { hasText: "サトウ ジロウ" })
    assert.include(await waiting.textContent(), "072-740-3333")
    assert.include(await waiting.textContent(), "空きのご案内中")
    await waiting.locator("button", { hasText: "空き枠で予約する" }).click()
    await page.locator("p.done").waitFor()
    await page.goto(view)
    const offered = page.locator("section[aria-labelledby=list-heading] table.list tbody tr", {
      hasText: "サトウ ジロウ"
    })
    assert.include(await offered.textContent(), "予約確定")
    assert.include(
      await page.locator("table.waiting tbody tr", { hasText: "サトウ ジロウ" }).textContent(),
      "予約に切替済み"
    )
  })
})

describe("ご予約 / public booking page", () => {
  it("books a free time and gives the number and what to bring; the number cancels it", async () => {
    const page = await h.page()
    const slot = await firstFreeSlot(page, "kawanishi", "card_issuance")
    await page.goto(`${h.base}/kawanishi/book`)
    await page.locator("a.choice", { hasText: "カードの交付" }).click()
    await page.waitForURL(/procedure=card_issuance/)
    const day = page.locator("details.day", { has: page.locator(`a[href*="${slot.id}"]`) })
    if ((await day.getAttribute("open")) === null) await day.locator("summary").click()
    await day.locator(`a[href*="${slot.id}"]`).click()
    await page.waitForURL(new RegExp(slot.id))
    await page.fill("#p-name", "スズキ ハナコ")
    await page.fill("#p-contact", "hanako@example.jp")
    await page.fill("#p-birth", "1950-01-20")
    await page.click("button.big")
    await page.locator("#done-heading").waitFor()
    const number = (await page.locator("p.number").textContent())!.trim()
    assert.match(number, /^[0-7][0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}$/)
    assert.include(await page.locator("section.confirmation ol.missing").textContent(), "交付通知書")

    const lookup = (contact: string) =>
      page.request.post(`${h.base}/api/v1/cities/kawanishi/reservations/lookup`, { data: { code: number, contact } })
    const stored = (await (await lookup("hanako@example.jp")).json()) as { channel: string; name?: string }
    assert.strictEqual(stored.channel, "web")
    assert.isUndefined(stored.name, "the public never sees who booked")

    // The wrong contact finds nothing; the right one, typed in lower case, finds and cancels it.
    await page.goto(`${h.base}/kawanishi/book`)
    await page.fill("#c-number", number)
    await page.fill("#c-contact", "someone@example.jp")
    await page.click("form.lookup button")
    await page.locator(".cancel [role=alert], .cancel .error").first().waitFor()
    assert.strictEqual(await page.locator("dl.found").count(), 0)
    await page.fill("#c-number", number.toLowerCase())
    await page.fill("#c-contact", "Hanako@example.jp")
    await page.click("form.lookup button")
    await page.locator("dl.found").waitFor()
    await page.locator("button", { hasText: "この予約をキャンセルする" }).click()
    await page.locator("p.done").waitFor()
    const cancelled = (await (await lookup("hanako@example.jp")).json()) as { status: string }
    assert.strictEqual(cancelled.status, "cancelled")
  })
})

describe("番号札 / walk-in queue", () => {
  it("issues a ticket, calls it to window 2 and the call display shows it; serve and finish clear the window", async () => {
    const display = await h.page()
    await display.goto(`${h.base}/ota/queue/display?site=honcho`)
    const console_ = await h.page()
    await console_.goto(`${h.base}/ota/queue?site=honcho&window=2`)
    await console_.locator(".machine button", { hasText: "カードの交付(受取)" }).click()
    await console_.locator(".issued .label-big").waitFor()
    const label = (await console_.locator(".issued .label-big").textContent())!.trim()
    assert.match(label, /^[A-Z]{1,2}-\d+$/)

    await console_.locator("button", { hasText: "次の方を呼出" }).click()
    await console_.waitForURL(/ticket=/)
    await console_.locator(".current .label-big").waitFor()
    const called = (await console_.locator(".current .label-big").textContent())!.trim()
    assert.match(called, /^[A-Z]{1,2}-\d+$/)

    // The display follows the queue without a reload, over its server-sent events (the dot shows them coming).
    await display.waitForFunction((l) => document.querySelector(".latest .number")?.textContent?.trim() === l, called, {
      timeout: 30_000
    })
    await display.locator("p.status", { hasText: "●" }).waitFor({ timeout: 30_000 })
    assert.include(await display.locator(".latest .window").textContent(), "2番窓口")
    assert.include(await display.locator(".latest .window").textContent(), "window 2")
    assert.deepStrictEqual(await axe(display), [])

    await console_.locator("button", { hasText: "対応開始" }).click()
    await console_.locator(".current.serving").waitFor()
    await console_.locator("form.finish button").click()
    await console_.waitForURL((u) => !u.searchParams.has("ticket"))
    assert.include(await console_.locator(".console").textContent(), "対応中の番号札はありません")
  })

  it("a called ticket marked absent is listed for staff, not on the display, and goes back in line on return", async () => {
    const console_ = await h.page()
    await console_.goto(`${h.base}/ota/queue?site=honcho&window=3`)
    await console_.locator(".machine button", { hasText: "カードの交付(受取)" }).click()
    await console_.locator(".issued .label-big").waitFor()
    await console_.locator("button", { hasText: "次の方を呼出" }).click()
    await console_.locator(".current .label-big").waitFor()
    const called = (await console_.locator(".current .label-big").textContent())!.trim()
    await console_.locator("button", { hasText: "不在" }).click()
    await console_.locator(".current.skipped").waitFor()

    // A fresh console (another window) finds the absent ticket in the list and puts it back in line.
    const other = await h.page()
    await other.goto(`${h.base}/ota/queue?site=honcho&window=4`)
    await other.locator("ul.skipped a", { hasText: called }).click()
    await other.waitForURL(/ticket=/)
    await other.locator(".current.skipped").waitFor()
    await other.locator("button", { hasText: "列に戻す" }).click()
    await other.locator(".current.waiting").waitFor()
    assert.include(await other.locator("ul.waiting").textContent(), called)
    assert.strictEqual(await other.locator("ul.skipped a", { hasText: called }).count(), 0)

    // The display's state has no ticket ids and no list of the absent.
    const shown = (await (await other.request.get(`${h.base}/api/v1/cities/ota/queue?site=honcho`)).json()) as {
      waiting: Array<Record<string, unknown>>
      skipped: Array<unknown>
    }
    assert.isTrue(shown.waiting.length > 0)
    assert.isTrue(shown.waiting.every((w) => !("id" in w)))
    assert.deepStrictEqual(shown.skipped, [])
  })
})
