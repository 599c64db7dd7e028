// The organisation form's model, and the pure rules around it: building request bodies, finding
// what the user changed, merging their input onto a newer version after a 412 conflict.
import type { Organisation, OrganisationContactInput, OrganisationCreate, OrganisationPatch } from '@/api/types'

export interface ContactForm {
  name: string
  role: string
  email: string
  phone: string
}

export interface OrganisationForm {
  kind: string | null
  name_fr: string
  name_ar: string
  name_en: string
  acronym: string
  country: string | null
  iati_identifier: string
  parent_id: number | null
  website: string
  address: string
  contacts: ContactForm[]
}

export type FormField = keyof OrganisationForm

export const kTextFields = ['name_fr', 'name_ar', 'name_en', 'acronym', 'iati_identifier', 'website', 'address'] as const
export const kFormFields: FormField[] = [
  'kind',
  'name_fr',
  'name_ar',
  'name_en',
  'acronym',
  'country',
  'iati_identifier',
  'parent_id',
  'website',
  'address',
  'contacts',
]

/** Limits of the contract (Organisations → Limits). */
export const kLimits = {
  name: 200,
  acronym: 30,
  website: 300,
  address: 500,
  iati_identifier: 100,
  contacts: 20,
  contactName: 200,
  contactRole: 100,
  contactPhone: 40,
}

export const kIatiIdentifierPattern = /^[A-Za-z0-9]{2,}-[A-Za-z0-9._\-:/]+$/
export const kWebsitePattern = /^https?:\/\/[^\s/$.?#][^\s]*$/i
export const kEmailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
export const kPhonePattern = /^\+?[0-9 ().\-/]{3,40}$/

export function emptyContact(): ContactForm {
  return { name: '', role: '', email: '', phone: '' }
}

export function emptyForm(): OrganisationForm {
  return {
    kind: null,
    name_fr: '',
    name_ar: '',
    name_en: '',
    acronym: '',
    country: null,
    iati_identifier: '',
    parent_id: null,
    website: '',
    address: '',
    contacts: [],
  }
}

export function formFromOrganisation(organisation: Organisation): OrganisationForm {
  return {
    kind: organisation.kind ?? null,
    name_fr: organisation.name_fr ?? '',
    name_ar: organisation.name_ar ?? '',
    name_en: organisation.name_en ?? '',
    acronym: organisation.acronym ?? '',
    country: organisation.country ?? null,
    iati_identifier: organisation.iati_identifier ?? '',
    parent_id: organisation.parent_id ?? null,
    website: organisation.website ?? '',
    address: organisation.address ?? '',
    contacts: (organisation.contacts ?? []).map((contact) => ({
      name: contact.name ?? '',
      role: contact.role ?? '',
      email: contact.email ?? '',
      phone: contact.phone ?? '',
    })),
  }
}

export function cloneForm(form: OrganisationForm): OrganisationForm {
  return { ...form, contacts: form.contacts.map((contact) => ({ ...contact })) }
}

function text(value: string): string | null {
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

function contactBody(contact: ContactForm): OrganisationContactInput {
  return {
    name: contact.name.trim(),
    role: text(contact.role),
    email: text(contact.email),
    phone: text(contact.phone),
  }
}

/** A value as the request body carries it (blank text is no value, as on the server). */
export function wireValue(form: OrganisationForm, field: FormField): unknown {
  switch (field) {
    case 'kind':
      return form.kind
    case 'country':
      return form.country
    case 'parent_id':
      return form.parent_id
    case 'contacts':
      return form.contacts.map(contactBody)
    default:
      return text(form[field])
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** The fields whose value differs between two forms (as sent on the wire). */
export function changedFields(base: OrganisationForm, current: OrganisationForm): FormField[] {
  return kFormFields.filter((field) => !same(wireValue(base, field), wireValue(current, field)))
}

export function createBody(form: OrganisationForm, options: { includeContacts: boolean } = { includeContacts: true }): OrganisationCreate {
  const body: Record<string, unknown> = {}
  for (const field of kFormFields) {
    if (field === 'contacts' && !options.includeContacts) continue
    const value = wireValue(form, field)
    if (value === null || (Array.isArray(value) && value.length === 0)) continue
    body[field] = value
  }
  return body as OrganisationCreate
}

/** Only what the user changed: the server keeps the rest, and two people can edit different fields. */
export function patchBody(base: OrganisationForm, current: OrganisationForm, options: { includeContacts: boolean } = { includeContacts: true }): OrganisationPatch {
  const body: Record<string, unknown> = {}
  for (const field of changedFields(base, current)) {
    if (field === 'contacts' && !options.includeContacts) continue
    body[field] = wireValue(current, field)
  }
  return body as OrganisationPatch
}

export interface ConflictRow {
  field: FormField
  mine: unknown
  theirs: unknown
}

/**
 * After a 412: the fields the user changed, with their value and the newer version's value.
 * `clashes` are the rows where the other person changed the same field to something else.
 */
export function conflictRows(base: OrganisationForm, mine: OrganisationForm, latest: OrganisationForm): ConflictRow[] {
  return changedFields(base, mine)
    .filter((field) => !same(wireValue(mine, field), wireValue(latest, field)))
    .map((field) => ({ field, mine: wireValue(mine, field), theirs: wireValue(latest, field) }))
}

/** The newer version with the user's own changes laid on top: what "keep my input" loads. */
export function mergeMineOntoLatest(base: OrganisationForm, mine: OrganisationForm, latest: OrganisationForm): OrganisationForm {
  const merged = cloneForm(latest)
  const target = merged as unknown as Record<FormField, unknown>
  for (const field of changedFields(base, mine)) {
    target[field] = field === 'contacts' ? mine.contacts.map((contact) => ({ ...contact })) : mine[field]
  }
  return merged
}

/** Form keys accepted for server field errors: top-level fields and contacts.N.(name|role|email|phone). */
export function isFormFieldPath(path: string): boolean {
  if ((kFormFields as string[]).includes(path)) return true
  return /^contacts\.\d+\.(name|role|email|phone)$/.test(path)
}
