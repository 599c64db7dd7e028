// The action form's model (what the shared record form runs, composables/recordForm) and the pure
// rules around it: each field as the request body carries it, the running totals of the sector and
// funder editors, what is refused before sending, and which server field paths the form can show
// at an input (sectors[1].code → "sectors.1.code").
import type { Action } from '@/api/types'
import type { FieldErrors } from '@/composables/fieldErrors'
import { numberText, textOrNull, wholeNumber, type FormModel } from '@/composables/recordForm'

export { wholeNumber }

export interface SectorRow {
  code: string | null
  /** The sector's name as last read, so that the autocomplete shows it before any search. */
  name: string
  percentage: string
}

export interface FunderRow {
  organisation_id: number | null
  name: string
  share: string
}

export interface QuotaRow {
  country: string | null
  seats: string
}

export interface ActionForm {
  action_type: string | null
  domain: string | null
  title_fr: string
  title_ar: string
  title_en: string
  modality: 'bilateral' | 'triangular'
  host_organisation_id: number | null
  city: string
  country: string | null
  start_date: string
  end_date: string
  language: string | null
  seats: string
  estimated_cost: string
  actual_cost: string
  currency: string | null
  sectors: SectorRow[]
  funders: FunderRow[]
  quotas: QuotaRow[]
  sdg_targets: string[]
}

export type ActionFormField = keyof ActionForm & string

export const kActionFormFields: ActionFormField[] = [
  'action_type',
  'domain',
  'title_fr',
  'title_ar',
  'title_en',
  'modality',
  'host_organisation_id',
  'city',
  'country',
  'start_date',
  'end_date',
  'language',
  'seats',
  'estimated_cost',
  'actual_cost',
  'currency',
  'sectors',
  'funders',
  'quotas',
  'sdg_targets',
]

/** Limits of the contract (ActionInput). */
export const kActionLimits = { title: 300, city: 100, seats: 10000, sectors: 10, funders: 10, quotas: 60, sdgTargets: 20 }

export const kActionLanguages = ['fr', 'ar', 'en', 'es', 'pt'] as const

export function emptyActionForm(): ActionForm {
  return {
    action_type: null,
    domain: null,
    title_fr: '',
    title_ar: '',
    title_en: '',
    modality: 'bilateral',
    host_organisation_id: null,
    city: '',
    country: null,
    start_date: '',
    end_date: '',
    language: null,
    seats: '',
    estimated_cost: '',
    actual_cost: '',
    currency: null,
    sectors: [],
    funders: [],
    quotas: [],
    sdg_targets: [],
  }
}

export function formFromAction(action: Action): ActionForm {
  return {
    action_type: action.action_type,
    domain: action.domain,
    title_fr: action.title_fr ?? '',
    title_ar: action.title_ar ?? '',
    title_en: action.title_en ?? '',
    modality: action.modality,
    host_organisation_id: action.host_organisation_id ?? null,
    city: action.city ?? '',
    country: action.country ?? null,
    start_date: action.start_date ?? '',
    end_date: action.end_date ?? '',
    language: action.language ?? null,
    seats: numberText(action.seats),
    estimated_cost: numberText(action.estimated_cost),
    actual_cost: numberText(action.actual_cost),
    currency: action.currency ?? null,
    sectors: (action.sectors ?? []).map((s) => ({ code: s.code, name: s.name, percentage: String(s.percentage) })),
    funders: (action.funders ?? []).map((f) => ({ organisation_id: f.organisation_id, name: f.name, share: String(f.share) })),
    quotas: (action.quotas ?? []).map((q) => ({ country: q.country, seats: String(q.seats) })),
    sdg_targets: [...(action.sdg_targets ?? [])],
  }
}

/** Sum of the percentages typed so far (blank and invalid count as 0). */
export function percentTotal(values: string[]): number {
  return values.reduce((sum, value) => {
    const n = wholeNumber(value)
    return sum + (n !== null && Number.isFinite(n) ? n : 0)
  }, 0)
}

export function sectorTotal(form: ActionForm): number {
  return percentTotal(form.sectors.map((s) => s.percentage))
}

export function funderTotal(form: ActionForm): number {
  return percentTotal(form.funders.map((f) => f.share))
}

export function quotaTotal(form: ActionForm): number {
  return percentTotal(form.quotas.map((q) => q.seats))
}

/** A value as the request body carries it. */
export function actionWireValue(form: ActionForm, field: ActionFormField): unknown {
  switch (field) {
    case 'action_type':
    case 'domain':
    case 'host_organisation_id':
    case 'country':
    case 'language':
    case 'currency':
    case 'modality':
      return form[field]
    case 'seats':
    case 'estimated_cost':
    case 'actual_cost':
      return wholeNumber(form[field])
    case 'sectors':
      return form.sectors.map((s) => ({ code: s.code ?? '', percentage: wholeNumber(s.percentage) }))
    case 'funders':
      // Funders belong to triangular cooperation; a bilateral action has none.
      return form.modality === 'triangular' ? form.funders.map((f) => ({ organisation_id: f.organisation_id, share: wholeNumber(f.share) })) : []
    case 'quotas':
      return form.quotas.map((q) => ({ country: q.country ?? '', seats: wholeNumber(q.seats) }))
    case 'sdg_targets':
      return [...form.sdg_targets].sort()
    default:
      return textOrNull(form[field] as string)
  }
}

export const actionModel: FormModel<ActionForm> = { fields: kActionFormFields, wire: actionWireValue, empty: emptyActionForm }

type Translate = (key: string, params?: Record<string, unknown>) => string

/** What the server would refuse, said before sending (the server checks it all again). */
export function checkAction(f: ActionForm, t: Translate): FieldErrors {
  const problems: FieldErrors = {}
  if (!f.title_fr.trim() && !f.title_ar.trim() && !f.title_en.trim()) problems.title_fr = [t('actions.oneTitleRequired')]
  for (const key of ['action_type', 'domain', 'start_date', 'end_date', 'seats'] as const) {
    if (!f[key] || !String(f[key]).trim()) problems[key] = [t('validation.required')]
  }
  if (f.start_date && f.end_date && f.end_date < f.start_date) problems.end_date = [t('actions.endBeforeStart')]
  if (f.sectors.length && sectorTotal(f) !== 100) problems.sectors = [t('actions.mustReach100', { total: sectorTotal(f) })]
  if (f.modality === 'triangular') {
    if (!f.funders.length) problems.funders = [t('actions.funderRequired')]
    else if (funderTotal(f) !== 100) problems.funders = [t('actions.mustReach100', { total: funderTotal(f) })]
  }
  return problems
}

/** The errors an edit at `path` settles besides its own: a row's edit may settle its list's
 *  (totals), and any title the one-title error shown at title_fr. */
export function actionAlsoClears(path: string): string[] {
  const list = path.split('.')[0]
  return [...(list !== path ? [list] : []), ...(path.startsWith('title_') ? ['title_fr'] : [])]
}

/**
 * Where a server field error is shown: top-level inputs, the rows of the three editors
 * (sectors.1.code), and the lists themselves (sectors: "must add up to 100"). SDG target errors
 * (sdg_targets.3) are shown at the SDG input.
 */
export function actionErrorKey(path: string): string | null {
  if ((kActionFormFields as string[]).includes(path)) return path
  if (/^sectors\.\d+\.(code|percentage)$/.test(path)) return path
  if (/^funders\.\d+\.(organisation_id|share)$/.test(path)) return path
  if (/^quotas\.\d+\.(country|seats)$/.test(path)) return path
  if (/^sdg_targets\.\d+$/.test(path)) return 'sdg_targets'
  return null
}
