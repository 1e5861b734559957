/** How the 台帳 list filters: which items (held now, gone, all). Names, batch numbers and places are filtered by the API. */

/** Held by the contractor now, gone (issued, handed back, disposed of), or every item. */
export type Scope = "held" | "all" | "gone"
