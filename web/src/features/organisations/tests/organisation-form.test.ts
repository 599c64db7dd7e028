import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { mapFieldErrors, normaliseFieldPath } from '@/composables/fieldErrors'
import {
  conflictRows,
  emptyForm,
  formFromOrganisation,
  isFormFieldPath,
  mergeMineOntoLatest,
  patchBody,
  type OrganisationForm,
} from '@/features/organisations/form'
import type { Organisation } from '@/api/types'
import { flush, json, mockFetch, mountRoute, organisationReferenceRoutes, problem, signIn } from '../../../../tests/helpers'

const t = (key: string) => `t:${key}`
const te = (key: string) => key === 'fieldErrors.invalid_email'

function organisation(overrides: Partial<Organisation> = {}): Organisation {
  return {
    id: 7,
    kind: '10',
    kind_name: 'Gouvernement',
    name: 'Ministère des Affaires étrangères',
    name_fr: 'Ministère des Affaires étrangères',
    name_ar: null,
    name_en: null,
    acronym: 'MAE',
    country: 'SN',
    country_name: 'Sénégal',
    iati_identifier: 'SN-MAE',
    parent_id: null,
    parent_name: null,
    website: null,
    address: null,
    contacts: [{ name: 'Awa Diop', role: '', email: 'awa@example.sn', phone: '' }],
    archived: false,
    version: 3,
    created_at: '2026-11-23T10:00:00Z',
    updated_at: '2026-11-23T10:00:00Z',
    ...overrides,
  }
}

describe('field-error mapping', () => {
  it('normalises the server paths to form keys', () => {
    expect(normaliseFieldPath('contacts[0].email')).toBe('contacts.0.email')
    expect(normaliseFieldPath('/contacts/2/phone')).toBe('contacts.2.phone')
    expect(normaliseFieldPath('name_fr')).toBe('name_fr')
  })

  it('puts each error at its input, keeps unknown fields aside, and uses the server message first', () => {
    const mapped = mapFieldErrors(
      {
        status: 422,
        code: 'validation_failed',
        title: 'Invalid',
        errors: [
          { field: 'name_fr', code: 'too_long', message: '200 caractères au maximum.' },
          { field: 'contacts[1].email', code: 'invalid_email' },
          { field: 'contacts[0].fax', code: 'unknown_field', message: 'Champ inconnu.' },
          { field: 'colour', code: 'unknown_field', message: 'Champ inconnu.' },
        ],
      },
      t,
      te,
      isFormFieldPath,
    )
    expect(mapped.fields).toEqual({
      name_fr: ['200 caractères au maximum.'],
      'contacts.1.email': ['t:fieldErrors.invalid_email'],
    })
    expect(mapped.other).toEqual(['contacts.0.fax: Champ inconnu.', 'colour: Champ inconnu.'])
  })
})

describe('organisation form rules', () => {
  it('sends only the changed fields on PATCH, blank text as null', () => {
    const base = formFromOrganisation(organisation())
    const edited: OrganisationForm = { ...base, acronym: '  ', website: 'https://mae.sn', contacts: base.contacts }
    expect(patchBody(base, edited)).toEqual({ acronym: null, website: 'https://mae.sn' })
  })

  it('after a conflict, lists the fields where my input and the new version differ, and keeps my input on merge', () => {
    const base = formFromOrganisation(organisation())
    const mine = { ...base, acronym: 'MAESE', address: 'Dakar' }
    const latest = formFromOrganisation(organisation({ acronym: 'MAEC', name_en: 'Ministry of Foreign Affairs', version: 4 }))
    const rows = conflictRows(base, mine, latest)
    expect(rows).toEqual([
      { field: 'acronym', mine: 'MAESE', theirs: 'MAEC' },
      { field: 'address', mine: 'Dakar', theirs: null },
    ])
    const merged = mergeMineOntoLatest(base, mine, latest)
    expect(merged.acronym).toBe('MAESE')
    expect(merged.address).toBe('Dakar')
    expect(merged.name_en).toBe('Ministry of Foreign Affairs')
  })

  it('accepts contact paths as form fields', () => {
    expect(isFormFieldPath('contacts.3.email')).toBe(true)
    expect(isFormFieldPath('contacts.x.email')).toBe(false)
    expect(isFormFieldPath('kind')).toBe(true)
    expect(emptyForm().contacts).toEqual([])
  })
})

describe('OrganisationFormView', () => {
  let wrapper: VueWrapper | null = null

  beforeEach(() => signIn('admin'))
  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
    document.body.innerHTML = ''
  })

  const common = {
    ...organisationReferenceRoutes,
    'GET /api/v1/organisations': () => json(200, { items: [], total: 0 }),
  }

  // Through <router-view>, as in the app, so that the leave guard has its route.
  async function mountEdit() {
    ;({ wrapper } = await mountRoute('/organisations/7/edit', 5))
    return wrapper
  }

  async function typeAcronym(value: string) {
    const input = wrapper!.find('[data-testid="field-acronym"] input')
    await input.setValue(value)
  }

  it('shows server field errors at their inputs', async () => {
    const { calls } = mockFetch({
      ...common,
      'GET /api/v1/organisations/7': () => json(200, organisation(), { ETag: '"3"' }),
      'PATCH /api/v1/organisations/7': () =>
        problem(422, 'validation_failed', {
          detail: 'Certains champs sont invalides.',
          errors: [
            { field: 'acronym', code: 'too_long', message: 'Le sigle est trop long.' },
            { field: 'contacts[0].email', code: 'invalid_email', message: 'Adresse invalide.' },
          ],
        }),
    })
    await mountEdit()
    await typeAcronym('MAE-SENEGAL')
    await wrapper!.find('form').trigger('submit')
    for (let i = 0; i < 5; i++) await flush()

    const patch = calls.find((c) => c.method === 'PATCH')!
    expect(patch.headers['If-Match']).toBe('"3"')
    expect(patch.body).toEqual({ acronym: 'MAE-SENEGAL' })
    expect(wrapper!.find('[data-testid="field-acronym"]').text()).toContain('Le sigle est trop long.')
    expect(wrapper!.find('[data-testid="field-contacts.0.email"]').text()).toContain('Adresse invalide.')
    expect(wrapper!.text()).toContain('Certains champs sont invalides.')
  })

  it('on 412 shows the conflict dialog with my value and the current one, and keeps my input on reload', async () => {
    const { calls } = mockFetch({
      ...common,
      'GET /api/v1/organisations/7': [
        () => json(200, organisation(), { ETag: '"3"' }),
        () => json(200, organisation({ acronym: 'MAEC', version: 4 }), { ETag: '"4"' }),
      ],
      'PATCH /api/v1/organisations/7': [() => problem(412, 'precondition_failed'), () => json(200, organisation({ acronym: 'MAE-SN', version: 5 }), { ETag: '"5"' })],
    })
    await mountEdit()
    await typeAcronym('MAE-SN')
    await wrapper!.find('form').trigger('submit')
    for (let i = 0; i < 8; i++) await flush()

    const dialog = document.querySelector('[data-testid="conflict-dialog"]')
    expect(dialog, 'conflict dialog').not.toBeNull()
    const row = document.querySelector('[data-testid="conflict-row-acronym"]')!
    expect(row.textContent).toContain('MAE-SN')
    expect(row.textContent).toContain('MAEC')

    ;(document.querySelector('[data-testid="conflict-keep-mine"]') as HTMLElement).click()
    for (let i = 0; i < 3; i++) await flush()
    expect((wrapper!.find('[data-testid="field-acronym"] input').element as HTMLInputElement).value).toBe('MAE-SN')

    await wrapper!.find('form').trigger('submit')
    for (let i = 0; i < 5; i++) await flush()
    const patches = calls.filter((c) => c.method === 'PATCH')
    expect(patches).toHaveLength(2)
    expect(patches[1].headers['If-Match']).toBe('"4"')
    expect(patches[1].body).toEqual({ acronym: 'MAE-SN' })
  })
})
