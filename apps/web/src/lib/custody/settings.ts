/**
 * What a city's custody settings (`GET …/custody/settings`, from the profile's `custody` section)
 * mean for the 台帳 screens: places by their names, and only the item kinds and disposal methods the
 * city uses on offer. The API still judges every event; this only keeps the choices to the city's.
 */
import { t, type Label, type Lang } from "../i18n.ts"
import { disposalMethods, itemKinds } from "./labels.ts"
import type { CustodySettings, DisposalMethod, ItemKind } from "./types.ts"

type Coded<C> = { readonly code: C } & Label

/** The place's name (`施錠保管庫`); an id the profile does not have is shown as it is. */
export const placeName = (
  L: Lang,
  settings: Pick<CustodySettings, "places">,
  id: string | null | undefined
): string => {
  if (id === null || id === undefined || id === "") return "—"
  const place = settings.places.find((p) => p.id === id)
  return place ? t(L, place.name) : id
}

/** A function from place id to name, for the formatters. */
export const placeNamer =
  (L: Lang, settings: Pick<CustodySettings, "places">) =>
  (id: string): string =>
    placeName(L, settings, id)

/** The item kinds of the city, batch included (for filters and exports). */
export const cityKinds = (settings: Pick<CustodySettings, "itemKinds">): ReadonlyArray<Coded<ItemKind>> =>
  itemKinds.filter((k) => settings.itemKinds.includes(k.code))

/** The kinds a clerk handles as physical things in this city (a batch itself never moves). */
export const cityPhysicalKinds = (settings: Pick<CustodySettings, "itemKinds">): ReadonlyArray<Coded<ItemKind>> =>
  cityKinds(settings).filter((k) => k.code !== "batch")

/** `preferred` when the city uses it, else its first physical kind. */
export const defaultKind = (settings: Pick<CustodySettings, "itemKinds">, preferred: ItemKind): ItemKind => {
  const kinds = cityPhysicalKinds(settings)
  return kinds.some((k) => k.code === preferred) ? preferred : (kinds[0]?.code ?? preferred)
}

/** The disposal methods of the city's policy. */
export const cityMethods = (settings: Pick<CustodySettings, "disposal">): ReadonlyArray<Coded<DisposalMethod>> =>
  disposalMethods.filter((m) => settings.disposal.methods.includes(m.code))

const roleLabels: Readonly<Record<string, Label>> = {
  city_staff: { ja: "市職員", en: "city staff" },
  contractor_manager: { ja: "受託者の責任者", en: "the contractor's manager" },
  contractor_operator: { ja: "受託者の従事者", en: "the contractor's operators" },
  viewer: { ja: "閲覧者", en: "viewers" }
}

/** Who may record the approval: `市職員`, `city staff`. */
export const approverText = (L: Lang, settings: Pick<CustodySettings, "disposal">): string =>
  settings.disposal.approverRoles.map((r) => t(L, roleLabels[r] ?? { ja: r, en: r })).join(L === "ja" ? "・" : ", ")

/** The city's disposal rule in one line: approval first or not, and when a witness is named. */
export const disposalPolicyText = (L: Lang, settings: Pick<CustodySettings, "disposal">): string => {
  const d = settings.disposal
  const approval = d.requiresApproval
    ? t(L, {
        ja: `廃棄・消去の前に市の承認が必要です(承認を記録できるのは ${approverText("ja", settings)})。`,
        en: `Disposal needs the city's approval first (recorded by ${approverText("en", settings)}).`
      })
    : t(L, {
        ja: "事前の承認は不要です(廃棄・消去の後で報告します)。",
        en: "No prior approval is needed (disposals are reported afterwards)."
      })
  const witness =
    d.witness === "always"
      ? t(L, { ja: "立会者を必ず記録します。", en: "Every disposal names a witness." })
      : t(L, {
          ja: "承認で立会いを求められたときは立会者を記録します。",
          en: "A witness is named when the approval asks for one."
        })
  return `${approval} ${witness}`
}
