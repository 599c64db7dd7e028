import { createApp } from 'vue'
import App from './App.vue'
import { createAppI18n, setActiveI18n, applyDocumentLanguage, currentLanguage } from './i18n'
import { createAppVuetify } from './plugins/vuetify'
import { createAppRouter, redirectToLogin } from './router'
import { configureClient } from './api/client'
import './styles/app.css'

const i18n = createAppI18n()
setActiveI18n(i18n)
applyDocumentLanguage(currentLanguage())

const router = createAppRouter()

configureClient({
  language: currentLanguage,
  // Any 401 from the API means the session is gone: sign in again, then come back here.
  onUnauthenticated: () => redirectToLogin(router),
})

const app = createApp(App)
app.use(i18n)
app.use(createAppVuetify(i18n))
app.use(router)
void router.isReady().then(() => app.mount('#app'))
