// Calls of the programmes area (src/areas/programmes/openapi.yaml, "catalogue": /api/v1/programmes), typed by the contract.
import { call, type QueryOf } from '@/api/client'
import type { Action, Page, Programme, ProgrammeCreate, ProgrammeUpdate } from '@/api/types'
import { versioned, type Versioned } from '@/composables/record'

export type ProgrammeQuery = QueryOf<'/api/v1/programmes', 'get'>

export async function listProgrammes(query: ProgrammeQuery, signal?: AbortSignal): Promise<Page<Programme>> {
  const { data } = await call('get', '/api/v1/programmes', { query, signal })
  return data
}

export async function getProgramme(id: number | string): Promise<Versioned<Programme>> {
  const { data, etag } = await call('get', '/api/v1/programmes/{id}', { params: { id } })
  return versioned(data, etag)
}

export async function createProgramme(body: ProgrammeCreate): Promise<Versioned<Programme>> {
  const { data, etag } = await call('post', '/api/v1/programmes', { body })
  return versioned(data, etag)
}

export async function updateProgramme(id: number, body: ProgrammeUpdate, ifMatch: string): Promise<Versioned<Programme>> {
  const { data, etag } = await call('patch', '/api/v1/programmes/{id}', { params: { id }, body, ifMatch })
  return versioned(data, etag)
}

/** The actions carried out under a programme (a page, latest first). */
export async function programmeActions(id: number, query: { limit: number; offset: number }, signal?: AbortSignal): Promise<Page<Action>> {
  const { data } = await call('get', '/api/v1/actions', { query: { programme_id: id, sort: '-start_date', ...query }, signal })
  return data
}
