// The action form's model and the pure rules around it: request bodies, the running totals of the
// sector and funder editors, what the user changed (PATCH sends only that), and which server field
// paths the form can show at an input (sectors[1].code → "sectors.1.code").
import type { Action, ActionInput } from '@/api/types'
import { wholeNumber } from '@/composables/recordForm'
import { changedFieldsOf, conflictRowsOf, copyOf, mergeMineOntoLatestOf, type ConflictRow } from '@/composables/formDiff'

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

function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value)
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

function text(value: string): string | null {
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
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
      return text(form[field] as string)
  }
}

export function createActionBody(form: ActionForm): ActionInput {
  const body: Record<string, unknown> = {}
  for (const field of kActionFormFields) {
    const value = actionWireValue(form, field)
    if (value === null || (Array.isArray(value) && value.length === 0)) continue
    body[field] = value
  }
  return body as ActionInput
}

export function changedActionFields(base: ActionForm, current: ActionForm): ActionFormField[] {
  return changedFieldsOf(kActionFormFields, actionWireValue, base, current)
}

export function patchActionBody(base: ActionForm, current: ActionForm): ActionInput {
  const body: Record<string, unknown> = {}
  for (const field of changedActionFields(base, current)) body[field] = actionWireValue(current, field)
  return body as ActionInput
}

export function actionConflictRows(base: ActionForm, mine: ActionForm, latest: ActionForm): ConflictRow[] {
  return conflictRowsOf(kActionFormFields, actionWireValue, base, mine, latest)
}

export function mergeActionOntoLatest(base: ActionForm, mine: ActionForm, latest: ActionForm): ActionForm {
  return mergeMineOntoLatestOf(kActionFormFields, actionWireValue, base, mine, latest)
}

export function cloneActionForm(form: ActionForm): ActionForm {
  return copyOf(form)
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
