// The offer form's model: its fields as typed, and each as the request body carries it.
import type { Offer, OfferLanguage, OfferLevel } from '@/api/types'
import type { FieldErrors } from '@/composables/fieldErrors'
import { numberText, textOrNull, wholeNumber, type FormModel } from '@/composables/recordForm'

export interface OfferForm {
  host_organisation_id: number | null
  action_type: string | null
  domain: string | null
  title_fr: string
  title_ar: string
  title_en: string
  description_fr: string
  description_ar: string
  description_en: string
  level: OfferLevel | null
  duration_days: string
  language: OfferLanguage | null
  seats_per_year: string
  cost_per_participant: string
  currency: string | null
}

/** Limits of the contract (OfferCreate). */
export const kOfferLimits = { title: 300, description: 5000, durationDays: 730, seats: 10000 }

export const offerModel: FormModel<OfferForm> = {
  fields: [
    'host_organisation_id',
    'action_type',
    'domain',
    'title_fr',
    'title_ar',
    'title_en',
    'description_fr',
    'description_ar',
    'description_en',
    'level',
    'duration_days',
    'language',
    'seats_per_year',
    'cost_per_participant',
    'currency',
  ],
  empty: () => ({
    host_organisation_id: null,
    action_type: null,
    domain: null,
    title_fr: '',
    title_ar: '',
    title_en: '',
    description_fr: '',
    description_ar: '',
    description_en: '',
    level: null,
    duration_days: '',
    language: null,
    seats_per_year: '',
    cost_per_participant: '',
    currency: null,
  }),
  wire(form, field) {
    switch (field) {
      case 'host_organisation_id':
      case 'action_type':
      case 'domain':
      case 'level':
      case 'language':
      case 'currency':
        return form[field]
      case 'duration_days':
      case 'seats_per_year':
      case 'cost_per_participant':
        return wholeNumber(form[field])
      default:
        return textOrNull(form[field])
    }
  },
}

export function formFromOffer(offer: Offer): OfferForm {
  return {
    host_organisation_id: offer.host_organisation_id,
    action_type: offer.action_type,
    domain: offer.domain,
    title_fr: offer.title_fr ?? '',
    title_ar: offer.title_ar ?? '',
    title_en: offer.title_en ?? '',
    description_fr: offer.description_fr ?? '',
    description_ar: offer.description_ar ?? '',
    description_en: offer.description_en ?? '',
    level: offer.level,
    duration_days: numberText(offer.duration_days),
    language: offer.language,
    seats_per_year: numberText(offer.seats_per_year),
    cost_per_participant: numberText(offer.cost_per_participant),
    currency: offer.currency,
  }
}

type Translate = (key: string, params?: Record<string, unknown>) => string

/** What the server would refuse, said before sending (the server checks it all again). */
export function checkOffer(form: OfferForm, t: Translate): FieldErrors {
  const problems: FieldErrors = {}
  for (const key of ['host_organisation_id', 'action_type', 'domain'] as const) if (!form[key]) problems[key] = [t('validation.required')]
  if (!form.title_fr.trim() && !form.title_ar.trim() && !form.title_en.trim()) problems.title_fr = [t('offers.oneTitleRequired')]
  if (form.cost_per_participant.trim() && !form.currency) problems.currency = [t('offers.currencyRequired')]
  return problems
}
