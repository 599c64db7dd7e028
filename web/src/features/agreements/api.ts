// Calls of the agreements area (src/areas/agreements/openapi.yaml: /api/v1/agreements), typed by the contract.
import { call, type QueryOf } from '@/api/client'
import { importQuery, sheetTypeOf, type ImportStep } from '@/api/sheets'
import type { Agreement, AgreementContributions, AgreementCreate, AgreementUpdate, CodelistEntry, Page, RecordImportReport } from '@/api/types'
import { versioned, type Versioned } from '@/composables/record'

export type AgreementQuery = QueryOf<'/api/v1/agreements', 'get'>

export async function listAgreements(query: AgreementQuery, signal?: AbortSignal): Promise<Page<Agreement>> {
  const { data } = await call('get', '/api/v1/agreements', { query, signal })
  return data
}

export async function getAgreement(id: number | string): Promise<Versioned<Agreement>> {
  const { data, etag } = await call('get', '/api/v1/agreements/{id}', { params: { id } })
  return versioned(data, etag)
}

export async function createAgreement(body: AgreementCreate): Promise<Versioned<Agreement>> {
  const { data, etag } = await call('post', '/api/v1/agreements', { body })
  return versioned(data, etag)
}

export async function updateAgreement(id: number, body: AgreementUpdate, ifMatch: string): Promise<Versioned<Agreement>> {
  const { data, etag } = await call('patch', '/api/v1/agreements/{id}', { params: { id }, body, ifMatch })
  return versioned(data, etag)
}

/** One party's money, as PUT /api/v1/agreements/{id}/contributions takes it. */
export type Contribution = AgreementContributions['parties'][number]

/** The parties' money only (finance): one entry per party, in the agreement's order. */
export async function updateContributions(id: number, parties: Contribution[], ifMatch: string): Promise<Versioned<Agreement>> {
  const { data, etag } = await call('put', '/api/v1/agreements/{id}/contributions', { params: { id }, body: { parties }, ifMatch })
  return versioned(data, etag)
}

/** Agreements whose title or reference matches q: the parent picker's choices. */
export async function searchAgreements(q: string, signal?: AbortSignal): Promise<Agreement[]> {
  const { data } = await call('get', '/api/v1/agreements', { query: { q: q || undefined, limit: 20, sort: 'title' }, signal })
  return data.items
}

/** DAC 5-digit purpose codes matching q (the Sector codelist has hundreds: searched on the server). */
export async function searchSectors(q: string, signal?: AbortSignal): Promise<CodelistEntry[]> {
  const { data } = await call('get', '/api/v1/codelists/{name}', { params: { name: 'Sector' }, query: { q: q || undefined, limit: 30 }, signal })
  return data.items
}

/** Checks (dry run) or writes the agreements of a file; a problem of the file as a whole is thrown (422). */
export async function importAgreements(file: File, step: ImportStep): Promise<RecordImportReport> {
  const { data } = await call('post', '/api/v1/agreements/import', { query: importQuery(step), file: { data: file, type: sheetTypeOf(file) } })
  return data
}
