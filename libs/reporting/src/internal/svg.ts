/**
 * Small SVG charts for the print page: horizontal bars for a breakdown, vertical bars for days or
 * waiting buckets. Plain SVG text (no script, no external fonts), sized for an A4 column.
 */
const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

/** @category models */
export interface Bar {
  readonly label: string
  readonly value: number
}

/** Horizontal bars, one line per item. @category constructors */
export const horizontalBars = (title: string, bars: ReadonlyArray<Bar>): string => {
  const width = 640
  const labelWidth = 200
  const line = 22
  const height = 30 + bars.length * line
  const max = Math.max(1, ...bars.map((b) => b.value))
  const rows = bars
    .map((b, i) => {
      const y = 26 + i * line
      const w = Math.round(((width - labelWidth - 60) * b.value) / max)
      return (
        `<text x="${labelWidth - 6}" y="${y + 13}" text-anchor="end" font-size="11">${escape(b.label)}</text>` +
        `<rect x="${labelWidth}" y="${y}" width="${w}" height="16" fill="#2f6f9f"/>` +
        `<text x="${labelWidth + w + 4}" y="${y + 13}" font-size="11">${b.value.toLocaleString("ja-JP")}</text>`
      )
    })
    .join("")
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escape(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<text x="0" y="14" font-size="12" font-weight="bold">${escape(title)}</text>${rows}</svg>`
  )
}

/** Vertical bars (a day per bar, or a waiting bucket per bar). @category constructors */
export const verticalBars = (title: string, bars: ReadonlyArray<Bar>): string => {
  const width = 640
  const height = 200
  const top = 24
  const bottom = 40
  const slot = bars.length === 0 ? 0 : (width - 20) / bars.length
  const max = Math.max(1, ...bars.map((b) => b.value))
  const columns = bars
    .map((b, i) => {
      const h = Math.round(((height - top - bottom) * b.value) / max)
      const x = 10 + i * slot
      const y = height - bottom - h
      return (
        `<rect x="${x + slot * 0.15}" y="${y}" width="${slot * 0.7}" height="${h}" fill="#2f6f9f"/>` +
        `<text x="${x + slot / 2}" y="${y - 3}" text-anchor="middle" font-size="9">${b.value}</text>` +
        `<text x="${x + slot / 2}" y="${height - bottom + 12}" text-anchor="middle" font-size="9">${escape(b.label)}</text>`
      )
    })
    .join("")
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escape(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<text x="0" y="14" font-size="12" font-weight="bold">${escape(title)}</text>` +
    `<line x1="10" y1="${height - bottom}" x2="${width - 10}" y2="${height - bottom}" stroke="#999"/>${columns}</svg>`
  )
}
