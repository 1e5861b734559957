/**
 * The 台帳 screens in a real browser: every custody screen of every city loads and passes axe; a
 * delivery box of cards is received (with its slip count) and reconciles; it is handed over from one
 * clerk to another and the 預り証 names both and the count; an event that contradicts the ledger is
 * refused with every contradiction listed and the form kept; a disposal follows each city's rule
 * (Koganei: none without the city's approval; Kanazawa: method and witness, on the certificate); the
 * same form sent twice is recorded once; only the city's item kinds, places (by name) and disposal
 * methods are offered, with its disposal rule; the list filters by holder and pages with the API's
 * cursor; the chain verifies (and a wrong copy of an anchor is caught); Ota's two-week rule lists a
 * notice delivered three weeks ago as overdue; the lent-materials list downloads as CSV.
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

/** Click a submit button and wait for the page the form answers with. */
const submit = async (page: Page, selector: string) => {
  await Promise.all([page.waitForEvent("framenavigated"), page.click(selector)])
  await page.waitForLoadState("load")
}

/** A date `days` before today in Japan. */
const daysAgo = (days: number): string => {
  const [y, m, d] = tokyoToday().split("-").map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10)
}

const SCREENS = [
  "custody",
  "custody/record",
  "custody/deadlines",
  "custody/reconciliation",
  "custody/chain",
  "custody/export"
]

describe("custody screens", () => {
  it("load for every city and pass axe", async () => {
    const page = await h.page()
    for (const city of CITIES) {
      for (const screen of SCREENS) {
        const res = await page.goto(`${h.base}/${city}/${screen}`)
        assert.strictEqual(res?.status(), 200, `${city}/${screen}`)
        assert.strictEqual(await page.locator("h1").count(), 1, `${city}/${screen}`)
        assert.deepStrictEqual(await axe(page), [], `${city}/${screen}`)
      }
    }
  })

  it("offers a form for every event kind, in Japanese and English", async () => {
    const page = await h.page()
    await page.goto(`${h.base}/ota/custody/record`)
    const kinds = await page.locator("nav.kinds a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))
    assert.strictEqual(kinds.length, 18)
    for (const href of kinds) {
      const res = await page.goto(`${h.base}/ota/custody/record${href}`)
      assert.strictEqual(res?.status(), 200, href)
      assert.strictEqual(await page.locator("form.event button[type=submit]").count(), 1, href)
    }
    // The forms that differ the most, checked by axe.
    for (const kind of ["handed_over", "issued", "disposal_done", "counted", "disposal_approved"]) {
      await page.goto(`${h.base}/ota/custody/record?event=${kind}`)
      assert.deepStrictEqual(await axe(page), [], kind)
    }
    const en = await h.page("en")
    await en.goto(`${h.base}/koganei/custody/record?event=disposal_done`)
    assert.include(await en.locator("h2#form-heading").textContent(), "Disposed of")
    assert.deepStrictEqual(await axe(en), [])
  })

  it("receives a box of cards, hands it over with a receipt, and keeps the history", async () => {
    const page = await h.page()
    await page.goto(`${h.base}/ota/custody/record?event=received`)
    await page.fill("#person-from-name", "市民課 太田")
    await page.fill("#person-from-title", "市民課")
    await page.fill("#person-to-name", "受託 一郎")
    await page.selectOption("#place", "backoffice")
    await page.fill("#batch-reference", "BOX-W1")
    await page.fill("#batch-declared", "3")
    await page.fill("#new-lines", "C-W1\nC-W2\nC-W3")
    await submit(page, "form.event button[type=submit]")
    const done = page.locator(".done[role=status]")
    assert.include(await done.textContent(), "記録しました")
    assert.include(await done.textContent(), "3 件")
    assert.strictEqual(await done.locator("a", { hasText: "預り証" }).count(), 1)
    assert.deepStrictEqual(await axe(page), [])

    // The box adds up against its slip.
    await page.goto(`${h.base}/ota/custody/reconciliation?batch=BOX-W1`)
    const row = page.locator("table.batches tbody tr", { hasText: "BOX-W1" })
    assert.include(await row.textContent(), "一致")
    assert.include(await page.locator("#batch-heading + p").textContent(), "登録 3 = 交付 0 + 在庫 3")

    // The list, filtered by the box, shows the three cards with their holder.
    await page.goto(`${h.base}/ota/custody?batch=BOX-W1`)
    const items = page.locator("table.items tbody tr")
    assert.strictEqual(await items.count(), 3)
    assert.include(await items.first().textContent(), "受託 一郎")
    assert.include(await items.first().textContent(), "バックヤード作業台") // the place by its name

    // Pick them and hand them over: the form comes filled with the cards and the clerk's name.
    await page
      .locator("table.items input[name=item]")
      .evaluateAll((boxes) => boxes.forEach((b) => ((b as HTMLInputElement).checked = true)))
    await page.selectOption("#pick-event", "handed_over")
    await Promise.all([page.waitForURL(/event=handed_over/), page.click("form.pick button[type=submit]")])
    assert.strictEqual(await page.locator("#items-lines").inputValue(), "C-W1\nC-W2\nC-W3")
    assert.strictEqual(await page.locator("#person-from-name").inputValue(), "受託 一郎")
    assert.strictEqual(await page.locator("table.picked tbody tr").count(), 3)
    await page.fill("#person-to-name", "受託 二郎")
    await submit(page, "form.event button[type=submit]")
    assert.include(await page.locator(".done[role=status]").textContent(), "引継ぎ")

    // The 預り証 names both persons and the count, to be signed by both.
    await Promise.all([page.waitForURL(/\/custody\/receipts\//), page.click(".done a:has-text('預り証')")])
    const receipt = await page.locator("body").textContent()
    assert.include(receipt, "預り証")
    assert.include(receipt, "受託 一郎")
    assert.include(receipt, "受託 二郎")
    assert.include(receipt, "C-W2")
    assert.match(receipt ?? "", /合計\(マイナンバーカード 3\)\s*3/)

    // The list filtered by holder: part of the name as typed (spaces ignored), answered by the API.
    await page.goto(`${h.base}/ota/custody?holder=${encodeURIComponent("受託二郎")}`)
    assert.strictEqual(await page.locator("table.items tbody tr").count(), 3)
    assert.include(await page.locator("table.items tbody").textContent(), "受託 二郎")

    // The card's history: received, then handed over, with who and where.
    await page.goto(`${h.base}/ota/custody?reference=C-W1&scope=all`)
    await Promise.all([page.waitForURL(/\/custody\/items\//), page.click("table.items a:has-text('C-W1')")])
    const history = page.locator("table.entries tbody tr")
    assert.strictEqual(await history.count(), 2)
    assert.include(await history.nth(0).textContent(), "受託 一郎・受託者 → 受託 二郎・受託者")
    assert.include(await history.nth(1).textContent(), "市民課 太田(市民課)・市 → 受託 一郎・受託者")
    assert.include(await history.nth(1).textContent(), "バックヤード作業台")
    assert.include(await page.locator("table.holdings").textContent(), "受託 二郎")
    assert.deepStrictEqual(await axe(page), [])
  })

  it("refuses an event that contradicts the ledger, listing every contradiction and keeping the form", async () => {
    const page = await h.page()
    await page.goto(`${h.base}/kanazawa/custody/record?event=received`)
    await page.fill("#person-from-name", "市民課 金沢")
    await page.fill("#person-to-name", "受託 三郎")
    await page.selectOption("#place", "cabinet")
    await page.fill("#new-lines", "K-R1")
    await submit(page, "form.event button[type=submit]")
    assert.include(await page.locator(".done[role=status]").textContent(), "記録しました")

    // Handing over more than is held, by someone who does not hold it, plus a card never received.
    await page.goto(`${h.base}/kanazawa/custody/record?event=handed_over`)
    await page.fill("#person-from-name", "受託 四郎")
    await page.fill("#person-to-name", "受託 五郎")
    await page.fill("#items-lines", "K-R1\nK-R9")
    const res = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.click("form.event button[type=submit]")
    ])
    assert.strictEqual(res[0].status(), 409)
    await page.waitForLoadState("load")
    const alert = page.locator("[role=alert]")
    assert.include(await alert.textContent(), "矛盾する点が 2 件")
    assert.include(await alert.textContent(), "受託 三郎 で、受託 四郎 さんではありません")
    assert.include(await alert.textContent(), "K-R9 は台帳にありません")
    assert.strictEqual(await alert.locator("li").count(), 2)
    assert.strictEqual(await alert.locator("li a", { hasText: "この品目の履歴" }).count(), 1)
    assert.strictEqual(await page.locator("#items-lines").inputValue(), "K-R1\nK-R9")
    assert.strictEqual(await page.locator("#person-to-name").inputValue(), "受託 五郎")
    assert.deepStrictEqual(await axe(page), [])

    // A twelve-digit number is never taken as a management number.
    await page.goto(`${h.base}/kanazawa/custody/record?event=stored`)
    await page.fill("#person-by-name", "受託 三郎")
    await page.selectOption("#place", "cabinet")
    await page.fill("#items-lines", "123456789018")
    await submit(page, "form.event button[type=submit]")
    assert.include(await page.locator("[role=alert]").textContent(), "個人番号と区別できない")
  })

  it("disposes only as the city's rules say: Koganei asks for an approval by city staff, Kanazawa records method and witness", async () => {
    const page = await h.page()
    const receiveMedia = async (city: string, reference: string, place: string) => {
      await page.goto(`${h.base}/${city}/custody/record?event=received`)
      await page.fill("#person-from-name", "情報政策課 職員")
      await page.fill("#person-to-name", "受託 八郎")
      await page.selectOption("#place", place)
      await page.selectOption("select[name='bundle.0.kind']", "storage_media")
      await page.fill("input[name='bundle.0.quantity']", "1")
      await page.fill("input[name='bundle.0.reference']", reference)
      await page.fill("input[name='bundle.0.description']", "USBメモリ(市貸与)")
      await submit(page, "form.event button[type=submit]")
      assert.include(await page.locator(".done[role=status]").textContent(), "記録しました")
    }
    const dispose = async (city: string, event: string, reference: string, fill: () => Promise<void>) => {
      await page.goto(`${h.base}/${city}/custody/record?event=${event}&itemKind=storage_media&items=${reference}`)
      await fill()
      await submit(page, "form.event button[type=submit]")
    }

    await receiveMedia("koganei", "USB-1", "case")
    // Koganei 特記事項 第17条2: no disposal without the city's prior approval.
    await dispose("koganei", "disposal_done", "USB-1", async () => {
      await page.fill("#person-by-name", "受託 八郎")
      await page.selectOption("#method", "physical_destruction")
    })
    assert.include(await page.locator("[role=alert]").textContent(), "廃棄の承認がありません")
    await dispose("koganei", "disposal_requested", "USB-1", async () => {
      await page.fill("#person-by-name", "受託 八郎")
      await page.selectOption("#method", "physical_destruction")
      await page.fill("#plannedOn", tokyoToday())
      await page.fill("#reason", "契約終了に伴う廃棄")
    })
    assert.include(await page.locator(".done[role=status]").textContent(), "廃棄申請")
    // The demo account is the contractor's manager: only city staff may record the approval.
    await dispose("koganei", "disposal_approved", "USB-1", async () => {
      await page.fill("#person-approver-name", "市民課長")
    })
    assert.include(await page.locator("[role=alert]").textContent(), "廃棄の承認を記録できるのは city_staff")

    // Kanazawa (seeds/003 17(6)) destroys or erases and reports afterwards: method and witness on record.
    await receiveMedia("kanazawa", "USB-K1", "cabinet")
    await dispose("kanazawa", "disposal_done", "USB-K1", async () => {
      await page.fill("#person-by-name", "受託 八郎")
      await page.fill("#person-witness-name", "市民課 立会")
      await page.selectOption("#method", "data_erasure")
    })
    assert.include(await page.locator(".done[role=status]").textContent(), "廃棄・消去")
    await page.goto(`${h.base}/kanazawa/custody?reference=USB-K1&scope=gone`)
    assert.include(await page.locator("table.items").textContent(), "廃棄・消去済")
    await page.goto(`${h.base}/kanazawa/custody/export`)
    await Promise.all([page.waitForURL(/\/custody\/certificate/), page.click("a:has-text('証明書を開く')")])
    const certificate = await page.locator("body").textContent()
    assert.include(certificate, "USB-K1")
    assert.include(certificate, "市民課 立会")
  })

  it("offers only the city's kinds, places (by name) and disposal methods, and states its disposal rule", async () => {
    const page = await h.page()
    const options = (selector: string) =>
      page.locator(`${selector} option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
    // Koganei holds no cards (seeds/004): none offered; its three places, by name.
    await page.goto(`${h.base}/koganei/custody/record?event=received`)
    assert.notInclude(await options("#new-kind"), "card")
    assert.include(await options("#new-kind"), "pin_setting_request")
    assert.deepStrictEqual(await options("#place"), ["", "venue", "case", "transit"])
    assert.include(await page.locator("#place").textContent(), "施錠ケース(会場)")
    await page.goto(`${h.base}/koganei/custody/record?event=disposal_done`)
    assert.deepStrictEqual(await options("#method"), [
      "shredding",
      "dissolution",
      "physical_destruction",
      "data_erasure"
    ])
    assert.include(await page.locator("p.policy").textContent(), "市の承認が必要")
    assert.deepStrictEqual(await axe(page), [])
    // Ota shreds or dissolves only; Kanazawa reports afterwards without a prior approval.
    await page.goto(`${h.base}/ota/custody/record?event=disposal_requested`)
    assert.deepStrictEqual(await options("#method"), ["shredding", "dissolution"])
    await page.goto(`${h.base}/kanazawa/custody/record?event=disposal_done`)
    assert.include(await page.locator("p.policy").textContent(), "事前の承認は不要")
    // The list's filters: Ota's kinds (no storage media) and places by name.
    await page.goto(`${h.base}/ota/custody`)
    assert.notInclude(await options("#f-kind"), "storage_media")
    assert.include(await page.locator("#f-place").textContent(), "施錠保管庫(市民課バックヤード)")
    // An item address that is no item id is a plain 404.
    const res = await page.goto(`${h.base}/ota/custody/items/not-an-id`)
    assert.strictEqual(res?.status(), 404)
  })

  it("pages a long list with the API's cursor: the next page starts where the first ended", async () => {
    const page = await h.page()
    const cards = Array.from({ length: 205 }, (_, i) => `LONG-${String(i).padStart(3, "0")}`)
    const posted = await page.request.post(`${h.base}/api/v1/cities/kawanishi/custody/events`, {
      headers: { origin: h.base },
      data: {
        kind: "received",
        from: { name: "市民課 川西", organization: "city" },
        to: { name: "受託 九郎", organization: "contractor" },
        place: "cabinet",
        newItems: [
          { kind: "batch", reference: "LONG-BOX", declaredCount: cards.length },
          ...cards.map((reference) => ({ kind: "card", reference, batch: { reference: "LONG-BOX" } }))
        ]
      }
    })
    assert.strictEqual(posted.status(), 201)
    await page.goto(`${h.base}/kawanishi/custody?batch=LONG-BOX`)
    const rows = page.locator("table.items tbody tr")
    assert.strictEqual(await rows.count(), 200)
    const first = await page.locator("table.items tbody a").evaluateAll((as) => as.map((a) => a.textContent ?? ""))
    await Promise.all([page.waitForURL(/after=/), page.click("a:has-text('次の品目へ')")])
    assert.strictEqual(await rows.count(), 5)
    const rest = await page.locator("table.items tbody a").evaluateAll((as) => as.map((a) => a.textContent ?? ""))
    const seen = [...first, ...rest].map((text) => /LONG-\d{3}/.exec(text)?.[0])
    assert.deepStrictEqual([...new Set(seen)].sort(), cards)
    assert.strictEqual(await page.locator("a:has-text('次の品目へ')").count(), 0)
    assert.deepStrictEqual(await axe(page), [])
  })

  it("records a form sent twice only once (idempotency key per form)", async () => {
    const page = await h.page()
    const checked = async () => {
      await page.goto(`${h.base}/koganei/custody/chain`)
      assert.include(await page.locator(".verdict").textContent(), "OK")
      return Number(/検証した記録\s*(\d+)/.exec((await page.locator(".verdict dl").textContent()) ?? "")?.[1])
    }
    const before = await checked()
    await page.goto(`${h.base}/koganei/custody/record?event=received`)
    await page.selectOption("#person-from-organization", "resident")
    await page.fill("#person-to-name", "受託 六郎")
    await page.selectOption("#place", "venue")
    await page.selectOption("select[name='bundle.0.kind']", "pin_setting_request")
    await page.fill("input[name='bundle.0.quantity']", "4")
    const form = await page
      .locator("form.event")
      .evaluate((f) => Object.fromEntries(new FormData(f as HTMLFormElement).entries() as Iterable<[string, string]>))
    const action = `${h.base}/koganei/custody/record?event=received&/record`
    const send = () => page.request.post(action, { form, headers: { origin: h.base, accept: "text/html" } })
    const first = await (await send()).text()
    assert.include(first, "記録しました")
    const second = await (await send()).text()
    assert.include(second, "記録済みです")
    assert.strictEqual(await checked(), before + 1)
  })

  it("verifies the chain, and checks the city's copy of today's anchor", async () => {
    const page = await h.page()
    await page.goto(`${h.base}/ota/custody/chain`)
    const verdict = page.locator(".verdict")
    assert.include(await verdict.textContent(), "OK")
    assert.include(await verdict.textContent(), "改ざんは見つかりません")
    const anchor = ((await page.locator(".anchor .hash").textContent()) ?? "").trim()
    assert.match(anchor, /^102059 \d{4}-\d{2}-\d{2} #\d+ [0-9a-f]{8}( [0-9a-f]{8}){7}$/)
    assert.deepStrictEqual(await axe(page), [])

    // The anchor as printed checks out; a copy with one digit changed is a broken link.
    await page.fill("#anchors", anchor)
    await Promise.all([page.waitForURL(/anchors=/), page.click("form.anchors button")])
    assert.include(await verdict.textContent(), "OK")
    assert.match((await verdict.locator("dl").textContent()) ?? "", /うち入力 1/)
    const last = anchor.slice(-1) === "0" ? "1" : "0"
    await page.fill("#anchors", anchor.slice(0, -1) + last)
    await Promise.all([page.waitForURL(/anchors=/), page.click("form.anchors button")])
    assert.include(await verdict.textContent(), "異常")
    assert.include(await verdict.textContent(), "最初に壊れている記録")
  })

  it("lists Ota's notices not handed to the city within two weeks as overdue", async () => {
    const page = await h.page()
    await page.goto(`${h.base}/ota/custody/record?event=created`)
    await page.fill("#occurredDate", daysAgo(20))
    await page.fill("#occurredTime", "10:00")
    await page.fill("#person-by-name", "受託 一郎")
    await page.selectOption("#place", "backoffice")
    await page.selectOption("#new-kind", "issuance_notice")
    await page.fill("#new-lines", "N-W1")
    await submit(page, "form.event button[type=submit]")
    assert.include(await page.locator(".done[role=status]").textContent(), "記録しました")

    await page.goto(`${h.base}/ota/custody/deadlines`)
    const row = page.locator("table.deadlines tbody tr.overdue", { hasText: "N-W1" })
    assert.strictEqual(await row.count(), 1)
    assert.include(await row.textContent(), "2週間以内")
    assert.include(await row.textContent(), daysAgo(6)) // due 14 days after delivery
    assert.strictEqual((await row.locator("td.num").first().textContent())?.trim(), "6")
    assert.deepStrictEqual(await axe(page), [])
  })

  it("downloads the list of lent materials and the ledger, and opens the certificate", async () => {
    const page = await h.page()
    await page.goto(`${h.base}/kawanishi/custody/record?event=received`)
    await page.fill("#person-from-name", "市民課 川西")
    await page.fill("#person-to-name", "受託 七郎")
    await page.selectOption("#place", "backoffice")
    await page.selectOption("select[name='bundle.0.kind']", "lent_material")
    await page.fill("input[name='bundle.0.quantity']", "1")
    await page.fill("input[name='bundle.0.description']", "窓口対応マニュアル")
    await submit(page, "form.event button[type=submit]")
    assert.include(await page.locator(".done[role=status]").textContent(), "記録しました")

    await page.goto(`${h.base}/kawanishi/custody/export`)
    const csvHref = await page.locator("a", { hasText: "貸与物 CSV" }).getAttribute("href")
    const csv = await page.request.get(`${h.base}${csvHref}`)
    assert.strictEqual(csv.status(), 200)
    assert.include(csv.headers()["content-type"], "text/csv")
    assert.include(await csv.text(), "窓口対応マニュアル")

    const xlsx = await page.request.get(
      `${h.base}/kawanishi/custody/export/ledger?from=&to=&kind=lent_material&format=xlsx`
    )
    assert.strictEqual(xlsx.status(), 200)
    assert.include(xlsx.headers()["content-type"], "spreadsheetml")

    await Promise.all([
      page.waitForURL(/\/custody\/certificate/),
      page.click("form[action$='/export/certificate'] button")
    ])
    assert.include(await page.locator("body").textContent(), "証明書")
  })
})
