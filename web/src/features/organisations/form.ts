// The organisation form's model, and the pure rules around it: each field as the request body
// carries it, what the user changed, their input laid onto a newer version after a 412 conflict.
import type { Organisation, OrganisationContactInput, OrganisationPatch } from '@/api/types'
import type { FieldErrors } from '@/composables/fieldErrors'
import { conflictRowsOf, mergeMineOntoLatestOf, type ConflictRow } from '@/composables/formDiff'
import { patchBodyOf, textOrNull, type FormModel } from '@/composables/recordForm'

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

function contactBody(contact: ContactForm): OrganisationContactInput {
  return { name: contact.name.trim(), role: textOrNull(contact.role), email: textOrNull(contact.email), phone: textOrNull(contact.phone) }
}

/** A value as the request body carries it (blank text is no value, as on the server). */
export function wireValue(form: OrganisationForm, field: FormField): unknown {
  switch (field) {
    case 'kind':
    case 'country':
    case 'parent_id':
      return form[field]
    case 'contacts':
      return form.contacts.map(contactBody)
    default:
      return textOrNull(form[field])
  }
}

/** The model the shared record form runs (composables/recordForm). A caller who may not see the
 *  contacts reads none and cannot add any, so they never count as changed nor go in an edit. */
export const organisationModel: FormModel<OrganisationForm> = { fields: kFormFields, wire: wireValue, empty: emptyForm }

/** Only what the user changed: the server keeps the rest, and two people can edit different fields. */
export function patchBody(base: OrganisationForm, current: OrganisationForm): OrganisationPatch {
  return patchBodyOf(kFormFields, wireValue, base, current) as OrganisationPatch
}

/** After a 412: the fields the user changed where the newer version holds something else. */
export function conflictRows(base: OrganisationForm, mine: OrganisationForm, latest: OrganisationForm): ConflictRow[] {
  return conflictRowsOf(kFormFields, wireValue, base, mine, latest)
}

/** The newer version with the user's own changes laid on top: what "keep my input" loads. */
export function mergeMineOntoLatest(base: OrganisationForm, mine: OrganisationForm, latest: OrganisationForm): OrganisationForm {
  return mergeMineOntoLatestOf(kFormFields, wireValue, base, mine, latest)
}

/** Form keys accepted for server field errors: top-level fields and contacts.N.(name|role|email|phone). */
export function isFormFieldPath(path: string): boolean {
  if ((kFormFields as string[]).includes(path)) return true
  return /^contacts\.\d+\.(name|role|email|phone)$/.test(path)
}

type Translate = (key: string) => string

/** One name at least, in any language (the inputs' rules check the rest). */
export function checkOrganisation(form: OrganisationForm, t: Translate): FieldErrors {
  return !form.name_fr.trim() && !form.name_ar.trim() && !form.name_en.trim() ? { name_fr: [t('fieldErrors.one_name_required')] } : {}
}
