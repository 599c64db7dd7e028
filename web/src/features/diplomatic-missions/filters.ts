// The list's filters applied to the map's points, so that the map shows what the list lists:
// kind, status, sending and receiving state, a country covered (where the mission sits or in its
// jurisdiction), from Wikidata or added by staff, and the search words in the city or the states'
// names (the server searches more fields: its address, head of mission; the map's words are the
// ones it shows).
import type { DiplomaticMissionPoint } from '@/api/types'

export interface MapFilters {
  q?: string
  kind?: string
  status?: string
  sending_country?: string
  receiving_country?: string
  covers?: string
  wikidata?: string
}

/** Lower case, without accents: "Rabat" meets "rabat", "Sénégal" meets "senegal". */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

export function matchesFilters(point: DiplomaticMissionPoint, f: MapFilters, countryNames: Map<string, string>): boolean {
  if (f.kind && point.kind !== f.kind) return false
  if (f.status && point.status !== f.status) return false
  if (f.sending_country && point.sending !== f.sending_country) return false
  if (f.receiving_country && point.receiving !== f.receiving_country) return false
  if (f.covers && point.receiving !== f.covers && !point.jurisdiction.split(' ').includes(f.covers)) return false
  if (f.wikidata && point.wikidata !== (f.wikidata === 'true')) return false
  if (f.q) {
    const haystack = folded(
      [point.city ?? '', point.sending ? countryNames.get(point.sending) ?? '' : '', point.receiving ? countryNames.get(point.receiving) ?? '' : ''].join(' '),
    )
    if (!folded(f.q).split(/\s+/).filter(Boolean).every((word) => haystack.includes(word))) return false
  }
  return true
}
