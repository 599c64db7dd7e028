// The person form's model (what the shared record form runs, composables/recordForm) and its
// rules: passport fields only where the form shows them, one name at least, and the query of the
// live duplicate check.
import type { Person } from '@/api/types'
import type { FieldErrors } from '@/composables/fieldErrors'
import { textOrNull, type FormModel } from '@/composables/recordForm'
import type { DuplicateQuery } from './api'

export interface PersonForm {
  latin_name: string
  arabic_name: string
  sex: 'female' | 'male' | null
  birth_date: string
  nationality: string | null
  employer_organisation_id: number | null
  position: string
  category: Person['category']
  expert: boolean
  email: string
  phone: string
  passport_number: string
  passport_expiry: string
}

export type PersonFormField = keyof PersonForm & string

export const kPersonFields: PersonFormField[] = [
  'latin_name',
  'arabic_name',
  'sex',
  'birth_date',
  'nationality',
  'employer_organisation_id',
  'position',
  'category',
  'expert',
  'email',
  'phone',
  'passport_number',
  'passport_expiry',
]
const kPassportFields: PersonFormField[] = ['passport_number', 'passport_expiry']

export const kPersonLimits = { name: 200, position: 200, email: 254, phone: 40, passport: 30 }

export function emptyPersonForm(): PersonForm {
  return {
    latin_name: '',
    arabic_name: '',
    sex: null,
    birth_date: '',
    nationality: null,
    employer_organisation_id: null,
    position: '',
    category: 'other',
    expert: false,
    email: '',
    phone: '',
    passport_number: '',
    passport_expiry: '',
  }
}

export function formFromPerson(person: Person): PersonForm {
  return {
    latin_name: person.latin_name ?? '',
    arabic_name: person.arabic_name ?? '',
    sex: person.sex ?? null,
    birth_date: person.birth_date ?? '',
    nationality: person.nationality ?? null,
    employer_organisation_id: person.employer_organisation_id ?? null,
    position: person.position ?? '',
    category: person.category,
    expert: person.expert,
    email: person.email ?? '',
    phone: person.phone ?? '',
    passport_number: person.passport_number ?? '',
    passport_expiry: person.passport_expiry ?? '',
  }
}

/** True when the API answer carries the passport fields: the caller may see (and so edit) them. */
export function hasPassport(person: Person | null): boolean {
  return person !== null && ('passport_number' in person || 'passport_expiry' in person)
}

/**
 * The model, for a form that shows the passport fields or not: hidden ones have no value on the
 * wire, so they are neither sent nor ever "changed".
 */
export function personModel(passport: () => boolean): FormModel<PersonForm> {
  return {
    fields: kPersonFields,
    empty: emptyPersonForm,
    wire(form, field) {
      if (kPassportFields.includes(field) && !passport()) return undefined
      const value = form[field]
      return typeof value === 'string' ? textOrNull(value) : value
    },
  }
}

type Translate = (key: string) => string

export function checkPerson(form: PersonForm, t: Translate): FieldErrors {
  return !form.latin_name.trim() && !form.arabic_name.trim() ? { latin_name: [t('people.oneNameRequired')] } : {}
}

const kDate = /^\d{4}-\d{2}-\d{2}$/

/**
 * What the live duplicate check sends while the officer types, or null when there is too little
 * to look for (a name of at least three letters in either script).
 */
export function duplicateQuery(form: PersonForm): DuplicateQuery | null {
  const latin = form.latin_name.trim()
  const arabic = form.arabic_name.trim()
  if (latin.length < 3 && arabic.length < 3) return null
  const query: DuplicateQuery = {}
  if (latin.length >= 3) query.latin_name = latin
  if (arabic.length >= 3) query.arabic_name = arabic
  if (kDate.test(form.birth_date)) query.birth_date = form.birth_date
  if (form.nationality) query.nationality = form.nationality
  return query
}
