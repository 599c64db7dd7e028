// Calls of the alumni area (src/areas/alumni/openapi.yaml, "alumni"), typed by the contract.
import { call } from '@/api/client'
import type { FollowUp, FollowUpInput } from '@/api/types'

/** Every follow-up of a person (records merged into them included), newest first. */
export async function followUpsOf(personId: number, signal?: AbortSignal): Promise<FollowUp[]> {
  return (await call('get', '/api/v1/people/{id}/follow-ups', { params: { id: personId }, signal })).data.items
}

export async function addFollowUp(personId: number, body: FollowUpInput): Promise<FollowUp> {
  return (await call('post', '/api/v1/people/{id}/follow-ups', { params: { id: personId }, body })).data
}
