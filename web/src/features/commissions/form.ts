// The session form's model (what the shared record form runs, composables/recordForm), the
// decision form's, and the small rules the screens share: the session's ordinal ("7e session"),
// the implementation rate as shown, what the server would refuse said before sending.
import type { CommissionDecision, CommissionDecisionStatus, JointCommission } from '@/api/types'
import type { FieldErrors } from '@/composables/fieldErrors'
import { textOrNull, wholeNumber, numberText, type FormModel } from '@/composables/recordForm'

export interface SessionForm {
  country: string | null
  number: string
  partner_organisation_id: number | null
  city: string
  host_country: string | null
  start_on: string
  end_on: string
  moroccan_chair_name: string
  moroccan_chair_title: string
  partner_chair_name: string
  partner_chair_title: string
  summary_fr: string
  summary_ar: string
  summary_en: string
  agreement_ids: number[]
}
export type SessionFormField = keyof SessionForm & string

export const kSessionFormFields: SessionFormField[] = [
  'country',
  'number',
  'partner_organisation_id',
  'city',
  'host_country',
  'start_on',
  'end_on',
  'moroccan_chair_name',
  'moroccan_chair_title',
  'partner_chair_name',
  'partner_chair_title',
  'summary_fr',
  'summary_ar',
  'summary_en',
  'agreement_ids',
]

export const kCommissionLimits = { name: 200, place: 200, summary: 5000, text: 3000, comment: 2000, number: 999 }

export function emptySessionForm(): SessionForm {
  return {
    country: null,
    number: '',
    partner_organisation_id: null,
    city: '',
    host_country: null,
    start_on: '',
    end_on: '',
    moroccan_chair_name: '',
    moroccan_chair_title: '',
    partner_chair_name: '',
    partner_chair_title: '',
    summary_fr: '',
    summary_ar: '',
    summary_en: '',
    agreement_ids: [],
  }
}

export function formFromSession(s: JointCommission): SessionForm {
  return {
    country: s.country,
    number: numberText(s.number),
    partner_organisation_id: s.partner_organisation_id,
    city: s.city ?? '',
    host_country: s.host_country,
    start_on: s.start_on,
    end_on: s.end_on,
    moroccan_chair_name: s.moroccan_chair_name ?? '',
    moroccan_chair_title: s.moroccan_chair_title ?? '',
    partner_chair_name: s.partner_chair_name ?? '',
    partner_chair_title: s.partner_chair_title ?? '',
    summary_fr: s.summary_fr ?? '',
    summary_ar: s.summary_ar ?? '',
    summary_en: s.summary_en ?? '',
    agreement_ids: [...s.agreement_ids],
  }
}

export function sessionWireValue(form: SessionForm, field: SessionFormField): unknown {
  switch (field) {
    case 'country':
    case 'host_country':
    case 'partner_organisation_id':
      return form[field]
    case 'number':
      return wholeNumber(form.number)
    case 'agreement_ids':
      return [...form.agreement_ids]
    default:
      return textOrNull(form[field] as string)
  }
}

export const sessionModel: FormModel<SessionForm> = { fields: kSessionFormFields, wire: sessionWireValue, empty: emptySessionForm }

type Translate = (key: string, params?: Record<string, unknown>) => string

export function checkSession(f: SessionForm, t: Translate): FieldErrors {
  const problems: FieldErrors = {}
  if (!f.country) problems.country = [t('validation.required')]
  const number = wholeNumber(f.number)
  if (!f.number.trim()) problems.number = [t('validation.required')]
  else if (number === null || number < 1 || number > kCommissionLimits.number) problems.number = [t('commissions.numberRange')]
  if (!f.start_on) problems.start_on = [t('validation.required')]
  if (f.start_on && f.end_on && f.end_on < f.start_on) problems.end_on = [t('commissions.endBeforeStart')]
  return problems
}

/** agreement_ids.2 (an unknown agreement) is shown at the agreements input. */
export function sessionErrorKey(path: string): string | null {
  if ((kSessionFormFields as string[]).includes(path)) return path
  if (/^agreement_ids\.\d+$/.test(path)) return 'agreement_ids'
  return null
}

/** "7e session" / "7th session" / "الدورة 7". */
export function sessionLabel(number: number, language: string, t: Translate): string {
  if (language === 'en') {
    const tens = number % 100
    const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][number % 10] ?? 'th')
    return t('commissions.sessionNumber', { ordinal: `${number}${suffix}` })
  }
  if (language === 'fr') return t('commissions.sessionNumber', { ordinal: number === 1 ? '1re' : `${number}e` })
  return t('commissions.sessionNumber', { ordinal: String(number) })
}

/** 50 → "50 %" in French, "50%" in English; null (no decision) → a dash. */
export function rateText(rate: number | null | undefined, language: string): string {
  if (rate === null || rate === undefined) return '—'
  const value = new Intl.NumberFormat(language === 'ar' ? 'ar-MA' : language, { maximumFractionDigits: 1 }).format(rate)
  return language === 'fr' ? `${value} %` : `${value}%`
}

export const kStatusColours: Record<CommissionDecisionStatus, string> = {
  planned: 'grey-darken-1',
  in_progress: 'info',
  done: 'success',
  dropped: 'grey-darken-3',
}

/** The decision dialog's form. */
export interface DecisionForm {
  text_fr: string
  text_ar: string
  text_en: string
  domain: string | null
  responsible_organisation_id: number | null
  partner_organisation_id: number | null
  partner_institution: string
  due_on: string
  status: CommissionDecisionStatus
  action_ids: number[]
  programme_ids: number[]
  request_ids: number[]
}

export function emptyDecisionForm(): DecisionForm {
  return {
    text_fr: '',
    text_ar: '',
    text_en: '',
    domain: null,
    responsible_organisation_id: null,
    partner_organisation_id: null,
    partner_institution: '',
    due_on: '',
    status: 'planned',
    action_ids: [],
    programme_ids: [],
    request_ids: [],
  }
}

export function formFromDecision(d: CommissionDecision): DecisionForm {
  return {
    text_fr: d.text_fr ?? '',
    text_ar: d.text_ar ?? '',
    text_en: d.text_en ?? '',
    domain: d.domain,
    responsible_organisation_id: d.responsible_organisation_id,
    partner_organisation_id: d.partner_organisation_id,
    partner_institution: d.partner_institution ?? '',
    due_on: d.due_on ?? '',
    status: d.status,
    action_ids: [...(d.action_ids ?? [])],
    programme_ids: [...(d.programme_ids ?? [])],
    request_ids: [...(d.request_ids ?? [])],
  }
}

/** The body of a decision: on creation with its first status; an edit leaves the status to a status change. */
export function decisionBody(f: DecisionForm, creating: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {
    text_fr: textOrNull(f.text_fr),
    text_ar: textOrNull(f.text_ar),
    text_en: textOrNull(f.text_en),
    domain: f.domain,
    responsible_organisation_id: f.responsible_organisation_id,
    partner_organisation_id: f.partner_organisation_id,
    partner_institution: f.partner_organisation_id ? null : textOrNull(f.partner_institution),
    due_on: textOrNull(f.due_on),
    action_ids: [...f.action_ids],
    programme_ids: [...f.programme_ids],
    request_ids: [...f.request_ids],
  }
  if (creating) body.status = f.status
  return body
}

export function checkDecision(f: DecisionForm, sessionStart: string, t: Translate): FieldErrors {
  const problems: FieldErrors = {}
  if (!f.text_fr.trim() && !f.text_ar.trim() && !f.text_en.trim()) problems.text_fr = [t('commissions.oneTextRequired')]
  if (!f.domain) problems.domain = [t('validation.required')]
  if (!f.responsible_organisation_id) problems.responsible_organisation_id = [t('validation.required')]
  if (f.due_on && f.due_on < sessionStart) problems.due_on = [t('commissions.dueBeforeSession')]
  return problems
}

/** action_ids.1 → action_ids: a link's error is shown at its picker. */
export function decisionErrorKey(path: string): string {
  const link = /^(action_ids|programme_ids|request_ids)\.\d+$/.exec(path)
  return link ? link[1] : path
}
