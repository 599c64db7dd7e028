// The programme form's model: its fields as typed, and each as the request body carries it.
import type { Programme, ProgrammeKind } from '@/api/types'
import type { FieldErrors } from '@/composables/fieldErrors'
import { numberText, textOrNull, wholeNumber, type FormModel } from '@/composables/recordForm'

export interface ProgrammeForm {
  kind: ProgrammeKind
  title_fr: string
  title_ar: string
  title_en: string
  country: string | null
  funder_organisation_id: number | null
  start_year: string
  end_year: string
  agreement_number: string
  commission_session: string
}

export type ProgrammeField = keyof ProgrammeForm & string

/** Limits of the contract (ProgrammeCreate). */
export const kProgrammeLimits = { title: 300, agreementNumber: 100, commissionSession: 200, firstYear: 1990, lastYear: 2100 }

export const programmeModel: FormModel<ProgrammeForm> = {
  fields: ['kind', 'title_fr', 'title_ar', 'title_en', 'country', 'funder_organisation_id', 'start_year', 'end_year', 'agreement_number', 'commission_session'],
  empty: () => ({
    kind: 'country_programme',
    title_fr: '',
    title_ar: '',
    title_en: '',
    country: null,
    funder_organisation_id: null,
    start_year: String(new Date().getFullYear()),
    end_year: '',
    agreement_number: '',
    commission_session: '',
  }),
  wire(form, field) {
    switch (field) {
      case 'kind':
      case 'country':
      case 'funder_organisation_id':
        return form[field]
      case 'start_year':
      case 'end_year':
        return wholeNumber(form[field])
      default:
        return textOrNull(form[field])
    }
  },
}

export function formFromProgramme(programme: Programme): ProgrammeForm {
  return {
    kind: programme.kind,
    title_fr: programme.title_fr ?? '',
    title_ar: programme.title_ar ?? '',
    title_en: programme.title_en ?? '',
    country: programme.country,
    funder_organisation_id: programme.funder_organisation_id,
    start_year: numberText(programme.start_year),
    end_year: numberText(programme.end_year),
    agreement_number: programme.agreement_number ?? '',
    commission_session: programme.commission_session ?? '',
  }
}

type Translate = (key: string, params?: Record<string, unknown>) => string

/** What the server would refuse, said before sending (the server checks it all again). */
export function checkProgramme(form: ProgrammeForm, t: Translate): FieldErrors {
  const problems: FieldErrors = {}
  if (!form.title_fr.trim() && !form.title_ar.trim() && !form.title_en.trim()) problems.title_fr = [t('programmes.oneTitleRequired')]
  if (!form.start_year.trim()) problems.start_year = [t('validation.required')]
  if (form.kind === 'country_programme' && !form.country) problems.country = [t('programmes.countryRequired')]
  if (form.kind === 'triangular' && !form.funder_organisation_id) problems.funder_organisation_id = [t('programmes.funderRequired')]
  const start = wholeNumber(form.start_year)
  const end = wholeNumber(form.end_year)
  if (start !== null && end !== null && end < start) problems.end_year = [t('programmes.endBeforeStart')]
  return problems
}
