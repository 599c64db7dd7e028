// The agreement form's model (what the shared record form runs, composables/recordForm) and the
// rules around it: each field as the request body carries it (amounts as decimal strings, never
// numbers: a double would lose centimes), the status moves the life cycle allows, what is refused
// before sending, and where a server field path is shown (parties[2].amount at that row's amount).
import type { Agreement, AgreementKind, AgreementModality, AgreementPartyDraft, AgreementPartyRole, AgreementStatus } from '@/api/types'
import { kAgreementStatuses } from '@/api/types'
import type { FieldErrors } from '@/composables/fieldErrors'
import { numberText, textOrNull, wholeNumber, type FormModel } from '@/composables/recordForm'

export interface PartyRow {
  /** A party is a country or an organisation, never both. */
  type: 'country' | 'organisation'
  country: string | null
  organisation_id: number | null
  /** The organisation's name as last read, so that the picker shows it before any search. */
  name: string
  roles: AgreementPartyRole[]
  amount: string
  currency: string | null
  in_kind: string
  in_kind_value: string
}

export interface AgreementForm {
  kind: AgreementKind | null
  modality: AgreementModality
  status: AgreementStatus
  title_fr: string
  title_ar: string
  title_en: string
  summary_fr: string
  summary_ar: string
  summary_en: string
  reference: string
  signature_place: string
  signed_on: string
  in_force_on: string
  expires_on: string
  renewal: 'none' | 'tacit'
  renewal_months: string
  notice_days: string
  parent_agreement_id: number | null
  parent_relation: 'amends' | 'replaces' | null
  domains: string[]
  sectors: string[]
  parties: PartyRow[]
}

export type AgreementFormField = keyof AgreementForm & string

export const kAgreementFormFields: AgreementFormField[] = [
  'kind',
  'modality',
  'status',
  'title_fr',
  'title_ar',
  'title_en',
  'summary_fr',
  'summary_ar',
  'summary_en',
  'reference',
  'signature_place',
  'signed_on',
  'in_force_on',
  'expires_on',
  'renewal',
  'renewal_months',
  'notice_days',
  'parent_agreement_id',
  'parent_relation',
  'domains',
  'sectors',
  'parties',
]

/** Limits of the contract (AgreementCreate). */
export const kAgreementLimits = { title: 300, summary: 5000, reference: 100, place: 200, inKind: 500, parties: 30, domains: 20, sectors: 20, renewalMonths: 120, noticeDays: 730 }

/** What the status select offers: any status for a new agreement (it is recorded as it stands),
 *  else the stored status and the moves the server says are open from it (its next_statuses:
 *  the life cycle is the server's, never copied here). */
export function statusChoices(stored: { status: AgreementStatus; next_statuses: AgreementStatus[] } | null): AgreementStatus[] {
  return stored === null ? [...kAgreementStatuses] : [stored.status, ...stored.next_statuses]
}

export function emptyParty(type: PartyRow['type'] = 'country'): PartyRow {
  return { type, country: null, organisation_id: null, name: '', roles: [], amount: '', currency: null, in_kind: '', in_kind_value: '' }
}

export function emptyAgreementForm(): AgreementForm {
  return {
    kind: null,
    modality: 'bilateral',
    status: 'draft',
    title_fr: '',
    title_ar: '',
    title_en: '',
    summary_fr: '',
    summary_ar: '',
    summary_en: '',
    reference: '',
    signature_place: '',
    signed_on: '',
    in_force_on: '',
    expires_on: '',
    renewal: 'none',
    renewal_months: '',
    notice_days: '',
    parent_agreement_id: null,
    parent_relation: null,
    domains: [],
    sectors: [],
    parties: [],
  }
}

export function formFromAgreement(agreement: Agreement): AgreementForm {
  return {
    kind: agreement.kind,
    modality: agreement.modality,
    status: agreement.status,
    title_fr: agreement.title_fr ?? '',
    title_ar: agreement.title_ar ?? '',
    title_en: agreement.title_en ?? '',
    summary_fr: agreement.summary_fr ?? '',
    summary_ar: agreement.summary_ar ?? '',
    summary_en: agreement.summary_en ?? '',
    reference: agreement.reference ?? '',
    signature_place: agreement.signature_place ?? '',
    signed_on: agreement.signed_on ?? '',
    in_force_on: agreement.in_force_on ?? '',
    expires_on: agreement.expires_on ?? '',
    renewal: agreement.renewal,
    renewal_months: numberText(agreement.renewal_months),
    notice_days: numberText(agreement.notice_days),
    parent_agreement_id: agreement.parent_agreement_id,
    parent_relation: agreement.parent_relation,
    domains: [...agreement.domains],
    sectors: [...agreement.sectors],
    parties: (agreement.parties ?? []).map((party) => ({
      type: party.organisation_id !== null ? 'organisation' : 'country',
      country: party.country,
      organisation_id: party.organisation_id,
      name: party.name,
      roles: [...party.roles],
      amount: party.amount ?? '',
      currency: party.currency,
      in_kind: party.in_kind ?? '',
      in_kind_value: party.in_kind_value ?? '',
    })),
  }
}

/** A party as the body carries it: the picked side only, amounts as typed (decimal strings). */
export function partyWire(row: PartyRow): AgreementPartyDraft {
  const party: AgreementPartyDraft = row.type === 'country' ? { country: row.country } : { organisation_id: row.organisation_id }
  party.roles = [...row.roles]
  const amount = textOrNull(row.amount)
  const inKind = textOrNull(row.in_kind)
  const inKindValue = textOrNull(row.in_kind_value)
  if (amount !== null) party.amount = amount
  if (row.currency) party.currency = row.currency
  if (inKind !== null) party.in_kind = inKind
  if (inKindValue !== null) party.in_kind_value = inKindValue
  return party
}

/** A value as the request body carries it. */
export function agreementWireValue(form: AgreementForm, field: AgreementFormField): unknown {
  switch (field) {
    case 'kind':
    case 'modality':
    case 'status':
    case 'renewal':
    case 'parent_agreement_id':
    case 'parent_relation':
      return form[field]
    case 'renewal_months':
    case 'notice_days':
      // Tacit renewal only: the fields are hidden, and cleared, otherwise.
      return form.renewal === 'tacit' ? wholeNumber(form[field]) : null
    case 'domains':
    case 'sectors':
      return [...form[field]]
    case 'parties':
      // Sent whole: the list replaces the parties.
      return form.parties.map(partyWire)
    default:
      return textOrNull(form[field] as string)
  }
}

export const agreementModel: FormModel<AgreementForm> = { fields: kAgreementFormFields, wire: agreementWireValue, empty: emptyAgreementForm }

type Translate = (key: string, params?: Record<string, unknown>) => string

/** What the server would refuse, said before sending (the server checks it all again). */
export function checkAgreement(f: AgreementForm, t: Translate): FieldErrors {
  const problems: FieldErrors = {}
  if (!f.kind) problems.kind = [t('validation.required')]
  if (!f.title_fr.trim() && !f.title_ar.trim() && !f.title_en.trim()) problems.title_fr = [t('agreements.oneTitleRequired')]
  if (f.signed_on && f.in_force_on && f.in_force_on < f.signed_on) problems.in_force_on = [t('agreements.beforeSignature')]
  if (f.expires_on && (f.in_force_on || f.signed_on) && f.expires_on < (f.in_force_on || f.signed_on)) problems.expires_on = [t('agreements.expiresTooEarly')]
  if (f.renewal === 'tacit') {
    if (!f.renewal_months.trim()) problems.renewal_months = [t('validation.required')]
    if (!f.expires_on) problems.expires_on = [t('agreements.expiryForRenewal')]
  }
  f.parties.forEach((row, index) => {
    const at = `parties.${index}`
    if (row.type === 'country' ? !row.country : !row.organisation_id) problems[at] = [t('agreements.partyRequired')]
    if (!row.roles.length) problems[`${at}.roles`] = [t('validation.required')]
    if ((row.amount.trim() || row.in_kind_value.trim()) && !row.currency) problems[`${at}.currency`] = [t('agreements.currencyRequired')]
  })
  return problems
}

/** The errors an edit at `path` settles besides its own: a row's edit may settle its list's
 *  (needs_funder) and the row's own (duplicate), and any title the one-title error at title_fr. */
export function agreementAlsoClears(path: string): string[] {
  const row = /^(parties)\.(\d+)\./.exec(path)
  if (row) return ['parties', `parties.${row[2]}`]
  if (path === 'parties') return ['parties']
  if (path === 'renewal') return ['renewal_months', 'notice_days']
  return path.startsWith('title_') ? ['title_fr'] : []
}

const kPartyFields = ['country', 'organisation_id', 'roles', 'amount', 'currency', 'in_kind', 'in_kind_value']

/**
 * Where a server field error is shown: top-level inputs, a party row's inputs (parties.2.amount),
 * the row itself (parties.2: country_or_organisation, duplicate, at the row's picker), a row's
 * role (parties.2.roles.1 at the roles select), the list (parties: needs_funder) and the codes of
 * the domain and sector selects (domains.3 at domains).
 */
export function agreementErrorKey(path: string): string | null {
  if ((kAgreementFormFields as string[]).includes(path)) return path
  const party = /^parties\.(\d+)(?:\.([a-z_]+))?(?:\.\d+)?$/.exec(path)
  if (party) {
    if (!party[2]) return `parties.${party[1]}`
    if (party[2] === 'country' || party[2] === 'organisation_id') return `parties.${party[1]}`
    if (kPartyFields.includes(party[2])) return `parties.${party[1]}.${party[2]}`
    return null
  }
  if (/^(domains|sectors)\.\d+$/.test(path)) return path.split('.')[0]
  return null
}
