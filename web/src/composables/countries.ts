// All countries of the reference, in the interface language, loaded once per language and shared by
// every picker and table that needs country names.
import { ref, shallowRef, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { call, toProblem, type Problem } from '@/api/client'
import type { Country } from '@/api/types'

const kPageSize = 200
const cache = new Map<string, Promise<Country[]>>()

export async function fetchAllCountries(language: string): Promise<Country[]> {
  const cached = cache.get(language)
  if (cached) return cached
  const loading = (async () => {
    const all: Country[] = []
    for (let offset = 0; ; offset += kPageSize) {
      const { data } = await call('get', '/api/v1/countries', {
        query: { limit: kPageSize, offset, sort: 'name' },
      })
      all.push(...data.items)
      if (data.items.length < kPageSize || all.length >= data.total) break
    }
    return all
  })()
  cache.set(language, loading)
  loading.catch(() => cache.delete(language))
  return loading
}

export function clearCountryCache(): void {
  cache.clear()
}

export function useCountries(): { countries: Ref<Country[]>; loading: Ref<boolean>; problem: Ref<Problem | null>; reload: () => void } {
  const { locale } = useI18n()
  const countries = shallowRef<Country[]>([])
  const loading = ref(false)
  const problem = ref<Problem | null>(null)
  const load = async () => {
    loading.value = true
    problem.value = null
    try {
      countries.value = await fetchAllCountries(locale.value)
    } catch (error) {
      problem.value = toProblem(error)
    } finally {
      loading.value = false
    }
  }
  watch(locale, load, { immediate: true })
  return { countries, loading, problem, reload: load }
}
