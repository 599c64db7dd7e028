// Route meta gives the fixed part of the trail (keys of i18n messages); a detail page adds its
// record's name at the end with setPageTitle().
import { ref } from 'vue'

export const pageTitle = ref<string | null>(null)

export function setPageTitle(title: string | null): void {
  pageTitle.value = title
}
