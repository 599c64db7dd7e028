// Calls of the diplomatic network (src/areas/diplomatic_missions/openapi.yaml: /api/v1/diplomatic-missions), typed by the contract.
import { call, type QueryOf } from '@/api/client'
import { importQuery, sheetTypeOf, type ImportStep } from '@/api/sheets'
import type { DiplomaticMission, DiplomaticMissionCreate, DiplomaticMissionPoint, DiplomaticMissionUpdate, Page, RecordImportReport } from '@/api/types'
import { versioned, type Versioned } from '@/composables/record'

export type DiplomaticMissionQuery = QueryOf<'/api/v1/diplomatic-missions', 'get'>

export async function listDiplomaticMissions(query: DiplomaticMissionQuery, signal?: AbortSignal): Promise<Page<DiplomaticMission>> {
  const { data } = await call('get', '/api/v1/diplomatic-missions', { query, signal })
  return data
}

/** Every mission, compactly, for the map (kept by the server while no mission changes). */
export async function missionsMap(signal?: AbortSignal): Promise<DiplomaticMissionPoint[]> {
  const { data } = await call('get', '/api/v1/diplomatic-missions/map', { signal })
  return data.items
}

export async function getDiplomaticMission(id: number | string): Promise<Versioned<DiplomaticMission>> {
  const { data, etag } = await call('get', '/api/v1/diplomatic-missions/{id}', { params: { id } })
  return versioned(data, etag)
}

export async function createDiplomaticMission(body: DiplomaticMissionCreate): Promise<Versioned<DiplomaticMission>> {
  const { data, etag } = await call('post', '/api/v1/diplomatic-missions', { body })
  return versioned(data, etag)
}

export async function updateDiplomaticMission(id: number, body: DiplomaticMissionUpdate, ifMatch: string): Promise<Versioned<DiplomaticMission>> {
  const { data, etag } = await call('patch', '/api/v1/diplomatic-missions/{id}', { params: { id }, body, ifMatch })
  return versioned(data, etag)
}

/** Checks (dry run) or writes the missions of a file; a problem of the file as a whole is thrown (422). */
export async function importDiplomaticMissions(file: File, step: ImportStep): Promise<RecordImportReport> {
  const { data } = await call('post', '/api/v1/diplomatic-missions/import', { query: importQuery(step), file: { data: file, type: sheetTypeOf(file) } })
  return data
}
