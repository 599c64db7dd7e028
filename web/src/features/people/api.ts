// Calls of the people area (src/areas/people/openapi.yaml, "People"), typed by the contract.
import { call, type QueryOf } from '@/api/client'
import type { DuplicateCandidate, Nomination, Page, Person, PersonCreated, PersonInput } from '@/api/types'
import { versioned, type Versioned } from '@/composables/record'

export type PersonQuery = QueryOf<'/api/v1/people', 'get'>
export type DuplicateQuery = QueryOf<'/api/v1/people/duplicates', 'get'>

export async function listPeople(query: PersonQuery, signal?: AbortSignal): Promise<Page<Person>> {
  const { data } = await call('get', '/api/v1/people', { query, signal })
  return data
}

export async function getPerson(id: number | string, signal?: AbortSignal): Promise<Versioned<Person>> {
  const { data, etag } = await call('get', '/api/v1/people/{id}', { params: { id }, signal })
  return versioned(data, etag)
}

export async function createPerson(body: PersonInput): Promise<PersonCreated> {
  const { data } = await call('post', '/api/v1/people', { body })
  return data
}

export async function updatePerson(id: number, body: PersonInput, ifMatch: string): Promise<Versioned<Person>> {
  const { data, etag } = await call('patch', '/api/v1/people/{id}', { params: { id }, body, ifMatch })
  return versioned(data, etag)
}

/** Records that may be the person being typed (at least one name is needed). */
export async function findDuplicates(query: DuplicateQuery, signal?: AbortSignal): Promise<DuplicateCandidate[]> {
  const { data } = await call('get', '/api/v1/people/duplicates', { query, signal })
  return data.items
}

export async function duplicatesOf(id: number, signal?: AbortSignal): Promise<DuplicateCandidate[]> {
  const { data } = await call('get', '/api/v1/people/{id}/duplicates', { params: { id }, signal })
  return data.items
}

/** Merges `duplicateId` into the person `id` (the survivor; If-Match is the survivor's ETag). */
/** Merges `duplicateId` (at the version the user compared, `duplicateVersion`) into `id` (If-Match). */
export async function mergePerson(id: number, duplicateId: number, duplicateVersion: number, ifMatch: string): Promise<Versioned<Person>> {
  const { data, etag } = await call('post', '/api/v1/people/{id}/merge', {
    params: { id },
    body: { duplicate_id: duplicateId, duplicate_version: duplicateVersion },
    ifMatch,
  })
  return versioned(data, etag)
}

/** Undoes the merge of record `id` (If-Match is that merged record's ETag). */
export async function unmergePerson(id: number, ifMatch: string): Promise<Versioned<Person>> {
  const { data, etag } = await call('post', '/api/v1/people/{id}/unmerge', { params: { id }, ifMatch })
  return versioned(data, etag)
}

/** The person's whole history: every nomination, those of the records merged into them too. */
export async function historyOf(personId: number, signal?: AbortSignal): Promise<Nomination[]> {
  const all: Nomination[] = []
  for (let offset = 0; ; offset += 200) {
    const { data } = await call('get', '/api/v1/nominations', { query: { person_id: personId, sort: '-nominated_at', limit: 200, offset }, signal })
    all.push(...data.items)
    if (data.items.length < 200 || all.length >= data.total) return all
  }
}
