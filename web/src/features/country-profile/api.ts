// A country's whole picture (src/areas/country_profiles/openapi.yaml: /api/v1/countries/{code}/profile).
import { call } from '@/api/client'
import type { CountryProfile } from '@/api/types'

export async function getCountryProfile(code: string, signal?: AbortSignal): Promise<CountryProfile> {
  const { data } = await call('get', '/api/v1/countries/{code}/profile', { params: { code }, signal })
  return data
}
