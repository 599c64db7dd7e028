// Calls of the evaluations area (src/areas/evaluations/openapi.yaml, "evaluations"), typed by the contract.
import { call, isApiError } from '@/api/client'
import type { Evaluation, EvaluationInput, EvaluationSummary } from '@/api/types'

export interface VersionedEvaluation {
  /** Null when none was recorded yet (404). */
  record: Evaluation | null
  /** The nomination's ETag (what a PUT sends back), when the answer carried it. */
  etag: string | null
}

export async function getEvaluation(nominationId: number, signal?: AbortSignal): Promise<VersionedEvaluation> {
  try {
    const { data, etag } = await call('get', '/api/v1/nominations/{id}/evaluation', { params: { id: nominationId }, signal })
    return { record: data, etag }
  } catch (error) {
    if (isApiError(error) && error.status === 404) return { record: null, etag: null }
    throw error
  }
}

export async function putEvaluation(nominationId: number, body: EvaluationInput, ifMatch: string): Promise<VersionedEvaluation> {
  const { data, etag } = await call('put', '/api/v1/nominations/{id}/evaluation', { params: { id: nominationId }, body, ifMatch })
  return { record: data, etag }
}

export async function evaluationSummary(actionId: number, signal?: AbortSignal): Promise<EvaluationSummary> {
  return (await call('get', '/api/v1/actions/{id}/evaluations', { params: { id: actionId }, signal })).data
}

/** The four questions, in the order the form asks them. */
export const kScores = ['overall', 'content', 'organisation', 'usefulness'] as const
export type ScoreName = (typeof kScores)[number]
