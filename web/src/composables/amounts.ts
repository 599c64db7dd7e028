// Amounts as the API gives them: decimal strings in the currency's minor unit ("1500000.00"), shown
// grouped in the interface language without ever passing through a double (Intl formats the
// string itself, digit for digit).
import { intlLocaleOf } from '@/composables/format'

export function formatAmount(amount: string | null | undefined, currency: string | null | undefined, language: string): string {
  if (!amount) return ''
  if (!/^\d+(\.\d+)?$/.test(amount)) return `${amount} ${currency ?? ''}`.trim()
  const decimals = amount.split('.')[1]?.length ?? 0
  const text = new Intl.NumberFormat(intlLocaleOf(language), { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    amount as unknown as number,
  )
  return `${text} ${currency ?? ''}`.trim()
}
