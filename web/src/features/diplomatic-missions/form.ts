// The diplomatic mission form's model (what the shared record form runs, composables/recordForm):
// each field as the request body carries it (coordinates as numbers, the jurisdiction as codes),
// what is refused before sending (the server checks it all again), and where a server field path
// is shown (jurisdiction.2 at the jurisdiction select).
import type { DiplomaticMission, DiplomaticMissionKind, DiplomaticMissionStatus } from '@/api/types'
import type { FieldErrors } from '@/composables/fieldErrors'
import { textOrNull, type FormModel } from '@/composables/recordForm'

export interface DiplomaticMissionForm {
  kind: DiplomaticMissionKind | null
  status: DiplomaticMissionStatus
  sending_country: string | null
  receiving_country: string | null
  name: string
  city: string
  address: string
  latitude: string
  longitude: string
  telephone: string
  email: string
  website: string
  head_name: string
  head_title: string
  jurisdiction: string[]
  opened_on: string
  closed_on: string
  wikidata_qid: string
}

export type DiplomaticMissionFormField = keyof DiplomaticMissionForm & string

export const kDiplomaticMissionFormFields: DiplomaticMissionFormField[] = [
  'kind',
  'status',
  'sending_country',
  'receiving_country',
  'name',
  'city',
  'address',
  'latitude',
  'longitude',
  'telephone',
  'email',
  'website',
  'head_name',
  'head_title',
  'jurisdiction',
  'opened_on',
  'closed_on',
  'wikidata_qid',
]

/** Limits of the contract (DiplomaticMissionFields). */
export const kDiplomaticMissionLimits = { name: 300, city: 200, address: 500, contact: 200, website: 500, jurisdiction: 60 }

export function emptyDiplomaticMissionForm(): DiplomaticMissionForm {
  return {
    kind: null,
    status: 'active',
    sending_country: null,
    receiving_country: null,
    name: '',
    city: '',
    address: '',
    latitude: '',
    longitude: '',
    telephone: '',
    email: '',
    website: '',
    head_name: '',
    head_title: '',
    jurisdiction: [],
    opened_on: '',
    closed_on: '',
    wikidata_qid: '',
  }
}

const coordinate = (value: number | null): string => (value === null ? '' : String(value))

export function formFromDiplomaticMission(m: DiplomaticMission): DiplomaticMissionForm {
  return {
    kind: m.kind,
    status: m.status,
    sending_country: m.sending_country,
    receiving_country: m.receiving_country,
    name: m.name ?? '',
    city: m.city ?? '',
    address: m.address ?? '',
    latitude: coordinate(m.latitude),
    longitude: coordinate(m.longitude),
    telephone: m.telephone ?? '',
    email: m.email ?? '',
    website: m.website ?? '',
    head_name: m.head_name ?? '',
    head_title: m.head_title ?? '',
    jurisdiction: [...m.jurisdiction],
    opened_on: m.opened_on ?? '',
    closed_on: m.closed_on ?? '',
    wikidata_qid: m.wikidata_qid ?? '',
  }
}

/** A decimal number typed in a field (a comma taken as the decimal point); anything else NaN, so that the form names it. */
export function decimal(value: string): number | null {
  const trimmed = String(value ?? '').trim().replace(',', '.')
  if (trimmed === '') return null
  const n = Number(trimmed)
  return Number.isFinite(n) ? n : Number.NaN
}

/** A value as the request body carries it. */
export function diplomaticMissionWireValue(form: DiplomaticMissionForm, field: DiplomaticMissionFormField): unknown {
  switch (field) {
    case 'kind':
    case 'status':
    case 'sending_country':
    case 'receiving_country':
      return form[field]
    case 'latitude':
    case 'longitude':
      return decimal(form[field])
    case 'jurisdiction':
      return [...form.jurisdiction]
    default:
      return textOrNull(form[field] as string)
  }
}

export const diplomaticMissionModel: FormModel<DiplomaticMissionForm> = {
  fields: kDiplomaticMissionFormFields,
  wire: diplomaticMissionWireValue,
  empty: emptyDiplomaticMissionForm,
}

type Translate = (key: string, params?: Record<string, unknown>) => string

/** What the server would refuse, said before sending. */
export function checkDiplomaticMission(f: DiplomaticMissionForm, t: Translate): FieldErrors {
  const problems: FieldErrors = {}
  if (!f.kind) problems.kind = [t('validation.required')]
  if (!f.sending_country) problems.sending_country = [t('validation.required')]
  if (!f.receiving_country) problems.receiving_country = [t('validation.required')]
  else if (f.sending_country && f.receiving_country === f.sending_country && f.kind !== 'permanent_mission')
    problems.receiving_country = [t('diplomaticMissions.sameAsSending')]
  const ownState = f.jurisdiction.indexOf(f.sending_country ?? '')
  if (f.sending_country && ownState >= 0) problems.jurisdiction = [t('diplomaticMissions.ownSendingState', { country: f.sending_country })]
  const latitude = decimal(f.latitude)
  const longitude = decimal(f.longitude)
  if (latitude !== null && !(latitude >= -90 && latitude <= 90)) problems.latitude = [t('diplomaticMissions.latitudeRange')]
  if (longitude !== null && !(longitude >= -180 && longitude <= 180)) problems.longitude = [t('diplomaticMissions.longitudeRange')]
  if ((latitude === null) !== (longitude === null)) problems[latitude === null ? 'latitude' : 'longitude'] = [t('diplomaticMissions.coordinatesTogether')]
  if (f.opened_on && f.closed_on && f.closed_on < f.opened_on) problems.closed_on = [t('diplomaticMissions.beforeOpening')]
  if (f.status === 'closed' && !f.closed_on) problems.closed_on = [t('validation.required')]
  if (f.website.trim() && !/^https?:\/\//.test(f.website.trim())) problems.website = [t('diplomaticMissions.websiteScheme')]
  if (f.wikidata_qid.trim() && !/^Q[1-9]\d*$/i.test(f.wikidata_qid.trim())) problems.wikidata_qid = [t('diplomaticMissions.qidFormat')]
  return problems
}

/** Where a server field error is shown: top-level inputs, and jurisdiction.2 at the jurisdiction select. */
export function diplomaticMissionErrorKey(path: string): string | null {
  if ((kDiplomaticMissionFormFields as string[]).includes(path)) return path
  if (/^jurisdiction\.\d+$/.test(path)) return 'jurisdiction'
  if (path === 'sending_organisation_id') return 'sending_country'
  if (path === 'receiving_organisation_id') return 'receiving_country'
  return null
}

/** The errors an edit settles besides its own. */
export function diplomaticMissionAlsoClears(path: string): string[] {
  if (path === 'latitude' || path === 'longitude') return ['latitude', 'longitude']
  if (path === 'sending_country') return ['jurisdiction', 'receiving_country']
  if (path === 'status') return ['closed_on']
  return []
}

/** The mission as a line of text: its own name, or kind, sending state and city. */
export function missionTitle(m: Pick<DiplomaticMission, 'name' | 'kind' | 'sending_name' | 'city'>, t: Translate): string {
  if (m.name) return m.name
  return [t(`diplomaticMissions.kind.${m.kind}`), m.sending_name].filter(Boolean).join(' — ') + (m.city ? `, ${m.city}` : '')
}
