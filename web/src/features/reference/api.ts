// Calls of the reference area (countries, currencies, codelists): read-only for every user.
import { call } from '@/api/client'
import type { CodelistEntry, CodelistSummary, Country, Currency, Page } from '@/api/types'

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
