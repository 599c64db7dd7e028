// One snackbar for the whole app: short confirmations after an action ("Changes saved.").
import { reactive } from 'vue'

export const notice = reactive({ open: false, text: '', color: 'success' as 'success' | 'error' | 'info' })

export function notify(text: string, color: 'success' | 'error' | 'info' = 'success'): void {
  notice.text = text
  notice.color = color
  notice.open = true
}
