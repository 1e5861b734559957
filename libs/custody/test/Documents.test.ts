import { assert, describe, it } from "@effect/vitest"
import * as Chain from "../src/Chain.ts"
import * as Documents from "../src/Documents.ts"
import * as LedgerExport from "../src/LedgerExport.ts"
import { cityStaff, clerk, memoryLedger, profiles } from "./fixtures.ts"

describe("Documents and the ledger export", () => {
  const ledger = memoryLedger(profiles.koganei, "2025-10-26T05:00:00.000Z")
  ledger.record({
    kind: "received",
    from: { organization: "resident" },
    to: clerk,
    place: "venue",
    newItems: [
      { kind: "id_copy", reference: "=HYPERLINK(1)", quantity: 2, description: "<script>alert(1)</script>" },
      { kind: "pin_setting_request", reference: "P-1", quantity: 3 }
    ],
    note: 'note with "quotes", commas'
  })
  const handed = ledger.record({
    kind: "transferred_to_city",
    from: clerk,
    to: cityStaff,
    items: [{ kind: "pin_setting_request", reference: "P-1" }]
  })

  it("the 預り証 escapes what clerks typed and lists both persons, the items and the ledger entry", () => {
    const html = Documents.receipt(profiles.koganei, ledger.entries[0]!, ledger.states)
    assert.include(html, "&lt;script&gt;alert(1)&lt;/script&gt;")
    assert.notInclude(html, "<script>")
    assert.include(html, "住民(氏名は記録しません)")
    assert.include(html, "本人確認書類の写し")
    assert.match(html, /合計\(本人確認書類の写し 2、暗証番号設定依頼書 3\)<\/th><th class="num">5</)
    const back = Documents.receipt(profiles.koganei, handed, ledger.states)
    assert.include(back, "受託者から市への引渡し")
    assert.include(back, "山田 花子(市民課 主事)・市")
    assert.equal((back.match(/署名・押印/g) ?? []).length, 2)
  })

  it("CSV cells that Excel would run as formulas are neutralised; quotes and commas are quoted", () => {
    const csv = LedgerExport.toCsv(LedgerExport.ledgerRows(ledger.entries, ledger.states, ledger.section))
    const lines = csv.slice(1).split("\r\n")
    assert.strictEqual(lines[0], LedgerExport.columns.map(([, h]) => h).join(","))
    assert.include(csv, "'=HYPERLINK(1)")
    assert.include(csv, '"note with ""quotes"", commas"')
    assert.strictEqual(lines.filter((l) => l.length > 0).length, 1 + 3)
  })

  it("the certificate lists disposals with request and approval, what went back, and what remains", () => {
    const html = Documents.certificate({
      profile: profiles.koganei,
      disposals: [],
      handedBack: new Map([["pin_setting_request", 3]]),
      remaining: [...ledger.states.values()],
      verification: Chain.verify(profiles.koganei.cityCode, ledger.rows),
      generatedAt: "2025-10-27T00:00:00.000Z"
    })
    assert.include(html, "この期間の廃棄・消去はありません")
    assert.include(html, '暗証番号設定依頼書</td><td class="num">3')
    assert.include(html, "未処理の個人情報等が 2 件あります")
    assert.include(html, "台帳の検証: 正常")
  })
})
