// Records as the API answers them, for the technical-cooperation screens' tests.
import type { Action, CooperationRequest, DuplicateCandidate, Nomination, Offer, Person, Programme } from '@/api/types'

export function action(overrides: Partial<Action> = {}): Action {
  return {
    id: 7,
    action_type: 'short_training',
    action_type_name: 'Formation de courte durée au Maroc',
    domain: 'health',
    domain_name: 'Santé',
    title: 'Atelier de santé publique',
    title_fr: 'Atelier de santé publique',
    title_ar: 'ورشة الصحة العمومية',
    title_en: null,
    modality: 'bilateral',
    programme_id: null,
    programme_title: null,
    agreement_id: null,
    agreement_reference: null,
    offer_id: null,
    host_organisation_id: null,
    host_name: null,
    city: 'Rabat',
    country: 'MA',
    country_name: 'Maroc',
    start_date: '2027-03-01',
    end_date: '2027-03-12',
    language: 'fr',
    seats: 10,
    seats_filled: 3,
    status: 'open',
    next_statuses: ['selection_closed', 'cancelled'],
    quotas: [{ country: 'SN', country_name: 'Sénégal', seats: 2, filled: 2 }],
    estimated_cost: 150000,
    actual_cost: null,
    currency: 'MAD',
    sectors: [
      { code: '12110', name: 'Politique de la santé', percentage: 60 },
      { code: '12220', name: 'Soins de santé de base', percentage: 40 },
    ],
    funders: [],
    sdg_targets: ['3.8'],
    request_ids: [],
    version: 4,
    created_at: '2026-11-23T10:00:00Z',
    updated_at: '2026-11-23T10:00:00Z',
    ...overrides,
  }
}

export function person(overrides: Partial<Person> = {}): Person {
  return {
    id: 5,
    name: 'Mohamed Diallo',
    latin_name: 'Mohamed Diallo',
    arabic_name: 'محمد ديالو',
    sex: 'male',
    birth_date: '1985-04-02',
    nationality: 'SN',
    nationality_name: 'Sénégal',
    employer_organisation_id: null,
    employer_name: null,
    position: null,
    category: 'manager',
    expert: false,
    email: null,
    phone: null,
    merged_into_id: null,
    merged_records: [],
    version: 2,
    created_at: '2026-11-23T10:00:00Z',
    updated_at: '2026-11-23T10:00:00Z',
    ...overrides,
  }
}

export function candidate(p: Person, overrides: Partial<DuplicateCandidate> = {}): DuplicateCandidate {
  return { score: 0.92, name_score: 0.9, likely: true, same_birth_date: true, same_nationality: true, person: p, ...overrides }
}

export function nomination(overrides: Partial<Nomination> = {}): Nomination {
  return {
    id: 31,
    action_id: 7,
    action_title: 'Atelier de santé publique',
    action_status: 'open',
    action_start_date: '2027-03-01',
    person_id: 5,
    person_latin_name: 'Mohamed Diallo',
    person_arabic_name: 'محمد ديالو',
    country: 'SN',
    country_name: 'Sénégal',
    state: 'nominated',
    allowed_moves: [],
    nominated_at: '2026-11-23T10:00:00Z',
    state_changed_at: '2026-11-23T10:00:00Z',
    waitlisted_at: null,
    note: null,
    version: 1,
    created_at: '2026-11-23T10:00:00Z',
    updated_at: '2026-11-23T10:00:00Z',
    ...overrides,
  }
}

export const page = <T>(items: T[], total = items.length) => ({ items, total })

export function programme(overrides: Partial<Programme> = {}): Programme {
  return {
    id: 3,
    kind: 'country_programme',
    title: 'Programme Maroc–Sénégal 2026',
    title_fr: 'Programme Maroc–Sénégal 2026',
    title_ar: null,
    title_en: null,
    country: 'SN',
    country_name: 'Sénégal',
    funder_organisation_id: null,
    funder_name: null,
    start_year: 2026,
    end_year: 2028,
    agreement_number: 'AC-2025-14',
    commission_session: null,
    agreement_id: null,
    agreement_reference: null,
    version: 2,
    created_at: '2026-01-10T10:00:00Z',
    updated_at: '2026-01-10T10:00:00Z',
    ...overrides,
  }
}

export function offer(overrides: Partial<Offer> = {}): Offer {
  return {
    id: 11,
    host_organisation_id: 40,
    host_name: 'Institut national d’hygiène',
    action_type: 'short_training',
    action_type_name: 'Formation de courte durée au Maroc',
    domain: 'health',
    domain_name: 'Santé',
    title: 'Surveillance épidémiologique',
    title_fr: 'Surveillance épidémiologique',
    title_ar: null,
    title_en: null,
    description_fr: 'Deux semaines au laboratoire.',
    description_ar: null,
    description_en: null,
    level: 'intermediate',
    duration_days: 14,
    language: 'fr',
    seats_per_year: 20,
    cost_per_participant: 18000,
    currency: 'MAD',
    active: true,
    version: 5,
    created_at: '2026-01-10T10:00:00Z',
    updated_at: '2026-01-10T10:00:00Z',
    ...overrides,
  }
}

export function cooperationRequest(overrides: Partial<CooperationRequest> = {}): CooperationRequest {
  return {
    id: 21,
    country: 'SN',
    country_name: 'Sénégal',
    requesting_organisation_id: null,
    requesting_organisation_name: null,
    domain: 'health',
    domain_name: 'Santé',
    action_type: 'short_training',
    action_type_name: 'Formation de courte durée au Maroc',
    title: 'Former des épidémiologistes',
    description: 'Dix cadres du ministère de la santé.',
    people_count: 10,
    period_start: null,
    period_end: null,
    priority: 'high',
    channel: 'embassy',
    status: 'received',
    next_statuses: ['under_study', 'matched', 'declined'],
    received_on: '2026-02-01',
    matched_offers: [],
    served_by_actions: [],
    version: 1,
    created_at: '2026-02-01T10:00:00Z',
    updated_at: '2026-02-01T10:00:00Z',
    ...overrides,
  }
}
