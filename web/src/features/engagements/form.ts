// The engagement form's model (what the shared record form runs, composables/recordForm): each
// field as the request body carries it (the amount as a decimal string, never a number: a double
// would lose centimes; dates to the year, month or day as typed), what is refused before sending,
// and where a server field path is shown (notifications[1].notified_on at that row's date).
import type { BeneficiaryGroup, Engagement, EngagementKind, EngagementNotificationDraft, EngagementTheme } from '@/api/types'
import type { FieldErrors } from '@/composables/fieldErrors'
import { textOrNull, type FormModel } from '@/composables/recordForm'
import { endsBeforeStart, isPartialDate } from './dates'

export interface NotificationRow {
  organisation_id: number | null
  /** The organisation's name as last read, so that the picker shows it before any search. */
  name: string
  notified_on: string
  reference: string
  note: string
}

export interface EngagementForm {
  organisation_id: number | null
  kind: EngagementKind | null
  title_fr: string
  title_ar: string
  title_en: string
  description_fr: string
  description_ar: string
  description_en: string
  starts_on: string
  ends_on: string
  renewed_on: string
  themes: EngagementTheme[]
  sdgs: number[]
  beneficiary_groups: BeneficiaryGroup[]
  beneficiary_countries: string[]
  amount: string
  currency: string | null
  notifications: NotificationRow[]
}

export type EngagementFormField = keyof EngagementForm & string

export const kEngagementFormFields: EngagementFormField[] = [
  'organisation_id',
  'kind',
  'title_fr',
  'title_ar',
  'title_en',
  'description_fr',
  'description_ar',
  'description_en',
  'starts_on',
  'ends_on',
  'renewed_on',
  'themes',
  'sdgs',
  'beneficiary_groups',
  'beneficiary_countries',
  'amount',
  'currency',
  'notifications',
]

/** Limits of the contract (EngagementCreate). */
export const kEngagementLimits = { title: 300, description: 5000, reference: 100, note: 500, notifications: 20 }

export function emptyNotification(): NotificationRow {
  return { organisation_id: null, name: '', notified_on: '', reference: '', note: '' }
}

export function emptyEngagementForm(): EngagementForm {
  return {
    organisation_id: null,
    kind: null,
    title_fr: '',
    title_ar: '',
    title_en: '',
    description_fr: '',
    description_ar: '',
    description_en: '',
    starts_on: '',
    ends_on: '',
    renewed_on: '',
    themes: [],
    sdgs: [],
    beneficiary_groups: [],
    beneficiary_countries: [],
    amount: '',
    currency: null,
    notifications: [],
  }
}

export function formFromEngagement(e: Engagement): EngagementForm {
  return {
    organisation_id: e.organisation_id,
    kind: e.kind,
    title_fr: e.title_fr ?? '',
    title_ar: e.title_ar ?? '',
    title_en: e.title_en ?? '',
    description_fr: e.description_fr ?? '',
    description_ar: e.description_ar ?? '',
    description_en: e.description_en ?? '',
    starts_on: e.starts_on ?? '',
    ends_on: e.ends_on ?? '',
    renewed_on: e.renewed_on ?? '',
    themes: [...e.themes],
    sdgs: [...e.sdgs],
    beneficiary_groups: [...e.beneficiary_groups],
    beneficiary_countries: [...e.beneficiary_countries],
    amount: e.amount ?? '',
    currency: e.currency,
    notifications: (e.notifications ?? []).map((n) => ({
      organisation_id: n.organisation_id,
      name: n.organisation ?? '',
      notified_on: n.notified_on ?? '',
      reference: n.reference ?? '',
      note: n.note ?? '',
    })),
  }
}

export function notificationWire(row: NotificationRow): EngagementNotificationDraft {
  return {
    organisation_id: row.organisation_id,
    notified_on: textOrNull(row.notified_on),
    reference: textOrNull(row.reference),
    note: textOrNull(row.note),
  }
}

/** A value as the request body carries it. */
export function engagementWireValue(form: EngagementForm, field: EngagementFormField): unknown {
  switch (field) {
    case 'organisation_id':
    case 'kind':
    case 'currency':
      return form[field]
    case 'themes':
    case 'sdgs':
    case 'beneficiary_groups':
    case 'beneficiary_countries':
      return [...form[field]]
    case 'notifications':
      // Sent whole: the list replaces the notifications.
      return form.notifications.map(notificationWire)
    default:
      return textOrNull(form[field] as string)
  }
}

export const engagementModel: FormModel<EngagementForm> = { fields: kEngagementFormFields, wire: engagementWireValue, empty: emptyEngagementForm }

type Translate = (key: string, params?: Record<string, unknown>) => string

/** What the server would refuse, said before sending (the server checks it all again). */
export function checkEngagement(f: EngagementForm, t: Translate): FieldErrors {
  const problems: FieldErrors = {}
  if (!f.organisation_id) problems.organisation_id = [t('validation.required')]
  if (!f.kind) problems.kind = [t('validation.required')]
  if (!f.title_fr.trim() && !f.title_ar.trim() && !f.title_en.trim()) problems.title_fr = [t('engagements.oneTitleRequired')]
  for (const name of ['starts_on', 'ends_on', 'renewed_on'] as const) {
    const value = f[name].trim()
    if (value && !isPartialDate(value)) problems[name] = [t('engagements.dateHint')]
  }
  const starts = f.starts_on.trim()
  const ends = f.ends_on.trim()
  if (!problems.starts_on && !problems.ends_on && starts && ends && endsBeforeStart(starts, ends)) problems.ends_on = [t('engagements.endsBeforeStart')]
  if (f.amount.trim() && !f.currency) problems.currency = [t('engagements.currencyRequired')]
  f.notifications.forEach((row, index) => {
    if (!row.organisation_id && !row.note.trim()) problems[`notifications.${index}`] = [t('engagements.notificationBodyRequired')]
    if (row.notified_on.trim() && !isPartialDate(row.notified_on.trim())) problems[`notifications.${index}.notified_on`] = [t('engagements.dateHint')]
  })
  return problems
}

/** The errors an edit at `path` settles besides its own. */
export function engagementAlsoClears(path: string): string[] {
  const row = /^notifications\.(\d+)\./.exec(path)
  if (row) return ['notifications', `notifications.${row[1]}`]
  if (path === 'amount') return ['currency']
  return path.startsWith('title_') ? ['title_fr'] : []
}

const kNotificationFields = ['organisation_id', 'notified_on', 'reference', 'note']

/**
 * Where a server field error is shown: top-level inputs, a notification row's inputs
 * (notifications.1.notified_on), the row itself (its organisation: required, unknown), and the
 * lists' items at their select (themes.1, sdgs.0, beneficiary_countries.2 at the list).
 */
export function engagementErrorKey(path: string): string | null {
  if ((kEngagementFormFields as string[]).includes(path)) return path
  const notification = /^notifications\.(\d+)(?:\.([a-z_]+))?$/.exec(path)
  if (notification) {
    if (!notification[2] || notification[2] === 'organisation_id') return `notifications.${notification[1]}`
    return kNotificationFields.includes(notification[2]) ? `notifications.${notification[1]}.${notification[2]}` : null
  }
  if (/^(themes|sdgs|beneficiary_groups|beneficiary_countries)\.\d+$/.test(path)) return path.split('.')[0]
  return null
}
