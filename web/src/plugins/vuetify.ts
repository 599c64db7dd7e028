import 'vuetify/styles'
import { createVuetify } from 'vuetify'
import { createVueI18nAdapter } from 'vuetify/locale/adapters/vue-i18n'
import { aliases, mdi } from 'vuetify/iconsets/mdi-svg'
import { useI18n } from 'vue-i18n'
import type { AppI18n } from '@/i18n'

// Colours chosen for WCAG AA on white: primary #00623a (Moroccan green, 7.5:1), secondary #b3202a (6.2:1).
export function createAppVuetify(i18n: AppI18n) {
  return createVuetify({
    locale: {
      // The adapter is typed for any message schema; ours is stricter, hence the cast.
      adapter: createVueI18nAdapter({ i18n: i18n as unknown as Parameters<typeof createVueI18nAdapter>[0]['i18n'], useI18n }),
      rtl: { ar: true, fr: false, en: false },
    },
    icons: { defaultSet: 'mdi', aliases, sets: { mdi } },
    theme: {
      defaultTheme: 'taawun',
      themes: {
        taawun: {
          dark: false,
          colors: {
            primary: '#00623a',
            secondary: '#b3202a',
            background: '#f6f7f5',
            surface: '#ffffff',
            error: '#b00020',
            warning: '#8a5300',
            info: '#0b5394',
            success: '#1b5e20',
          },
        },
      },
    },
    defaults: {
      VTextField: { variant: 'outlined', density: 'comfortable' },
      VTextarea: { variant: 'outlined', density: 'comfortable' },
      VSelect: { variant: 'outlined', density: 'comfortable' },
      VAutocomplete: { variant: 'outlined', density: 'comfortable' },
      VBtn: { rounded: 'md' },
    },
  })
}
