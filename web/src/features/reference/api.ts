// Calls of the reference area (countries, currencies, codelists, action types, cooperation domains): read-only for every user.
import { call } from '@/api/client'
import type { ActionType, CodelistEntry, CodelistSummary, CooperationDomain, Country, Currency, Page } from '@/api/types'

export interface CountryFilter {
  q?: string
  region?: string | null
  ldc?: 'true' | 'false' | null
}

const kPage = 200

/** Every country matching the filter (a few hundred at most, so all pages are read). */
export async function matchingCountries(filter: CountryFilter, signal?: AbortSignal): Promise<Country[]> {
  const all: Country[] = []
  for (let offset = 0; ; offset += kPage) {
    const { data } = await call('get', '/api/v1/countries', {
      query: {
        q: filter.q || undefined,
        region: filter.region ?? undefined,
        ldc: filter.ldc ?? undefined,
        sort: 'name',
        limit: kPage,
        offset,
      },
      signal,
    })
    all.push(...data.items)
    if (data.items.length < kPage || all.length >= data.total) return all
  }
}

export async function listCurrencies(query: { q?: string; limit: number; offset: number }, signal?: AbortSignal): Promise<Page<Currency>> {
  const { data } = await call('get', '/api/v1/currencies', { query: { ...query, q: query.q || undefined }, signal })
  return data
}

export async function listCodelists(): Promise<Page<CodelistSummary>> {
  const { data } = await call('get', '/api/v1/codelists')
  return data
}

export async function listCodelistEntries(
  name: string,
  query: { q?: string; category?: string | null; limit: number; offset: number },
  signal?: AbortSignal,
): Promise<Page<CodelistEntry>> {
  const { data } = await call('get', '/api/v1/codelists/{name}', {
    params: { name },
    query: { ...query, q: query.q || undefined, category: query.category ?? undefined },
    signal,
  })
  return data
}

/** Every action type matching q (eleven at most: the API does not page them). */
export async function listActionTypes(query: { q?: string }, signal?: AbortSignal): Promise<ActionType[]> {
  const { data } = await call('get', '/api/v1/action-types', { query: { q: query.q || undefined }, signal })
  return data.items
}

/** Every cooperation domain matching q, in the agency's order (a short list: the API does not page them). */
export async function listCooperationDomains(query: { q?: string }, signal?: AbortSignal): Promise<CooperationDomain[]> {
  const { data } = await call('get', '/api/v1/cooperation-domains', { query: { q: query.q || undefined, sort: 'position' }, signal })
  return data.items
}
