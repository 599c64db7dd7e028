// Action types and cooperation domains: short reference lists, loaded once per language and shared
// by every filter, form and table that names them (actions, offers, requests).
import { computed, onMounted, shallowRef, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { call } from '@/api/client'
import type { ActionType, CooperationDomain } from '@/api/types'

export function cachedPerKey<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let loading = cache.get(key)
  if (!loading) {
    loading = load()
    cache.set(key, loading)
    loading.catch(() => cache.delete(key))
  }
  return loading
}

const typeCache = new Map<string, Promise<ActionType[]>>()
const domainCache = new Map<string, Promise<CooperationDomain[]>>()

export function actionTypes(language: string): Promise<ActionType[]> {
  return cachedPerKey(typeCache, language, async () => (await call('get', '/api/v1/action-types')).data.items)
}

export function cooperationDomains(language: string): Promise<CooperationDomain[]> {
  return cachedPerKey(domainCache, language, async () => (await call('get', '/api/v1/cooperation-domains', { query: { sort: 'position' } })).data.items)
}

export function clearReferenceListCache(): void {
  typeCache.clear()
  domainCache.clear()
}

/** Both lists as select items ({ value: code, title: name }), in the interface language. */
export function useTypesAndDomains() {
  const { locale } = useI18n()
  const types = shallowRef<ActionType[]>([])
  const domains = shallowRef<CooperationDomain[]>([])
  async function load() {
    const [typeList, domainList] = await Promise.allSettled([actionTypes(locale.value), cooperationDomains(locale.value)])
    types.value = typeList.status === 'fulfilled' ? typeList.value : []
    domains.value = domainList.status === 'fulfilled' ? domainList.value : []
  }
  watch(locale, load)
  onMounted(load)
  /** The name of an action type or domain code, for fields holding one. */
  function nameOf(field: string, code: unknown): string | undefined {
    if (field === 'action_type') return types.value.find((type) => type.code === code)?.name
    if (field === 'domain') return domains.value.find((domain) => domain.code === code)?.name
    return undefined
  }
  return {
    types,
    domains,
    nameOf,
    typeItems: computed(() => types.value.map((type) => ({ value: type.code, title: type.name }))),
    domainItems: computed(() => domains.value.map((domain) => ({ value: domain.code, title: domain.name }))),
  }
}
