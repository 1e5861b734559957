/**
 * 出力・証明書 / Exports: the 台帳 as CSV or XLSX for the city (who held what, where, when), filtered by
 * period and item kind — Kawanishi's list of lent materials is the ledger of `lent_material` — and the
 * end-of-contract disposal and erasure certificate (a printable page of the API). Forms and links only.
 */

/** Server-rendered forms and links: the page needs no script. */
export const csr = false
