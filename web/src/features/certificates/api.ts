// Calls of the certificates area (src/areas/certificates/openapi.yaml, "certificates"), typed by the contract.
import { buildQuery, call, fillPath, isApiError } from '@/api/client'
import type { Certificate, CertificateVerification, Nomination } from '@/api/types'

export type CertificateLanguage = 'fr' | 'ar'
export const kCertificateLanguages: readonly CertificateLanguage[] = ['fr', 'ar']

/** The nomination's certificate, or null when none was issued (404). */
export async function certificateOf(nominationId: number, signal?: AbortSignal): Promise<Certificate | null> {
  try {
    return (await call('get', '/api/v1/nominations/{id}/certificate', { params: { id: nominationId }, signal })).data
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null
    throw error
  }
}

/** Issues the certificate (the same one again when it exists: the server answers 200). */
export async function issueCertificate(nominationId: number): Promise<Certificate> {
  return (await call('post', '/api/v1/nominations/{id}/certificate', { params: { id: nominationId } })).data
}

/** The PDF: a plain link, so that the browser saves it under the server's file name. */
export function certificatePdfUrl(nominationId: number, lang: CertificateLanguage): string {
  return fillPath('/api/v1/nominations/{id}/certificate.pdf', { id: nominationId }) + buildQuery({ lang })
}

/** Public: no session needed; 404 for an unknown code, 429 when this address tried too many. */
export async function verifyCertificate(code: string, signal?: AbortSignal): Promise<CertificateVerification> {
  return (await call('get', '/api/v1/certificates/{code}', { params: { code }, signal, skipAuthRedirect: true })).data
}

/** The code as printed (XXXX-XXXX-XXXX) from what a person typed: case, spaces and dashes do not matter. */
export function normaliseCode(typed: string): string {
  const bare = typed.toUpperCase().replace(/[^0-9A-Z]/g, '')
  return bare.length === 12 ? `${bare.slice(0, 4)}-${bare.slice(4, 8)}-${bare.slice(8)}` : bare
}

export interface PersonCertificate {
  nomination: Nomination
  certificate: Certificate | null
}

/**
 * A person's certificates, through their completed nominations (records merged into the person
 * included): the API has no list of certificates, so each completed nomination's is read; a person
 * completes few actions.
 */
export async function certificatesOfPerson(personId: number, signal?: AbortSignal): Promise<PersonCertificate[]> {
  const { data } = await call('get', '/api/v1/nominations', { query: { person_id: personId, state: 'completed', sort: '-nominated_at', limit: 200 }, signal })
  return Promise.all(data.items.map(async (nomination) => ({ nomination, certificate: await certificateOf(nomination.id, signal) })))
}
