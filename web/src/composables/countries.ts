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

/**
 * The flag of an ISO 3166-1 alpha-2 code as the two regional-indicator symbols that emoji fonts draw
 * as a flag (decorative: always shown beside the country's name, hidden from screen readers).
 */
export function flagOf(code: string | null | undefined): string {
  if (!code || !/^[A-Za-z]{2}$/.test(code)) return ''
  return String.fromCodePoint(...[...code.toUpperCase()].map((letter) => 0x1f1e6 + letter.charCodeAt(0) - 65))
}

let flagSupport: boolean | null = null

/**
 * Whether this browser draws flag emoji as flags. Windows and many Linux desktops have no flag
 * glyphs and show the two letters in boxes instead; a flag drawn on a canvas has colour, letters
 * do not. Measured once.
 */
export function flagEmojiSupported(): boolean {
  if (flagSupport !== null) return flagSupport
  flagSupport = false
  try {
    const canvas = document.createElement('canvas')
    canvas.width = 24
    canvas.height = 24
    const context = canvas.getContext('2d', { willReadFrequently: true })
    if (!context) return flagSupport
    context.font = '18px sans-serif'
    context.textBaseline = 'top'
    context.fillText(flagOf('MA'), 0, 0)
    const pixels = context.getImageData(0, 0, 24, 24).data
    for (let i = 0; i < pixels.length; i += 4) {
      const [red, green, blue, alpha] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]]
      if (alpha > 0 && (Math.abs(red - green) > 40 || Math.abs(green - blue) > 40)) {
        flagSupport = true
        break
      }
    }
  } catch {
    // No canvas (tests, old browsers): the code badge is shown.
  }
  return flagSupport
}
