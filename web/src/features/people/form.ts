// The person form's model and its rules: request bodies (passport fields only where the form shows
// them), what the user changed, and the query of the live duplicate check.
import type { Person, PersonInput } from '@/api/types'
import { changedFieldsOf, conflictRowsOf, copyOf, mergeMineOntoLatestOf, type ConflictRow } from '@/composables/formDiff'
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

function text(value: string): string | null {
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

export function personWireValue(form: PersonForm, field: PersonFormField): unknown {
  const value = form[field]
  if (typeof value === 'string') return text(value)
  return value
}

function fieldsFor(options: { passport: boolean }): PersonFormField[] {
  return options.passport ? kPersonFields : kPersonFields.filter((field) => !kPassportFields.includes(field))
}

export function createPersonBody(form: PersonForm, options: { passport: boolean }): PersonInput {
  const body: Record<string, unknown> = {}
  for (const field of fieldsFor(options)) {
    const value = personWireValue(form, field)
    if (value === null) continue
    body[field] = value
  }
  return body as PersonInput
}

export function changedPersonFields(base: PersonForm, current: PersonForm, options: { passport: boolean }): PersonFormField[] {
  return changedFieldsOf(fieldsFor(options), personWireValue, base, current)
}

export function patchPersonBody(base: PersonForm, current: PersonForm, options: { passport: boolean }): PersonInput {
  const body: Record<string, unknown> = {}
  for (const field of changedPersonFields(base, current, options)) body[field] = personWireValue(current, field)
  return body as PersonInput
}

export function personConflictRows(base: PersonForm, mine: PersonForm, latest: PersonForm, options: { passport: boolean }): ConflictRow[] {
  return conflictRowsOf(fieldsFor(options), personWireValue, base, mine, latest)
}

export function mergePersonOntoLatest(base: PersonForm, mine: PersonForm, latest: PersonForm, options: { passport: boolean }): PersonForm {
  return mergeMineOntoLatestOf(fieldsFor(options), personWireValue, base, mine, latest)
}

export function clonePersonForm(form: PersonForm): PersonForm {
  return copyOf(form)
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

export function isPersonField(path: string): boolean {
  return (kPersonFields as string[]).includes(path)
}
