// Calls of the organisations area (src/areas/organisations/openapi.yaml, "Organisations"), typed by the contract.
import { call, type QueryOf } from '@/api/client'
import type { CodelistEntry, Organisation, OrganisationCreate, OrganisationPatch, Page } from '@/api/types'
import { versioned, type Versioned } from '@/composables/record'

export type OrganisationQuery = QueryOf<'/api/v1/organisations', 'get'>

export async function listOrganisations(query: OrganisationQuery, signal?: AbortSignal): Promise<Page<Organisation>> {
  const { data } = await call('get', '/api/v1/organisations', { query, signal })
  return data
}

export async function getOrganisation(id: number | string): Promise<Versioned<Organisation>> {
  const { data, etag } = await call('get', '/api/v1/organisations/{id}', { params: { id } })
  return versioned(data, etag)
}

export async function createOrganisation(body: OrganisationCreate): Promise<Versioned<Organisation>> {
  const { data, etag } = await call('post', '/api/v1/organisations', { body })
  return versioned(data, etag)
}

export async function updateOrganisation(id: number, body: OrganisationPatch, ifMatch: string): Promise<Versioned<Organisation>> {
  const { data, etag } = await call('patch', '/api/v1/organisations/{id}', { params: { id }, body, ifMatch })
  return versioned(data, etag)
}

export async function setArchived(id: number, archived: boolean, ifMatch: string): Promise<Versioned<Organisation>> {
  const { data, etag } = archived
    ? await call('post', '/api/v1/organisations/{id}/archive', { params: { id }, ifMatch })
    : await call('post', '/api/v1/organisations/{id}/restore', { params: { id }, ifMatch })
  return versioned(data, etag)
}

const kindCache = new Map<string, Promise<CodelistEntry[]>>()

/** IATI OrganisationType codes, names in the interface language. */
export function organisationKinds(language: string): Promise<CodelistEntry[]> {
  let loading = kindCache.get(language)
  if (!loading) {
    loading = call('get', '/api/v1/codelists/{name}', { params: { name: 'OrganisationType' }, query: { limit: 200 } }).then(
      (response) => response.data.items.filter((entry) => !entry.withdrawn),
    )
    kindCache.set(language, loading)
    loading.catch(() => kindCache.delete(language))
  }
  return loading
}
