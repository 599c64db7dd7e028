import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { h } from 'vue'
import { mount } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import { VApp } from 'vuetify/components'
import { configureClient } from '@/api/client'
import { applyDocumentLanguage, currentLanguage, setLanguage, storedLanguage } from '@/i18n'
import { createAppRouter } from '@/router'
import LoginView from '@/features/auth/LoginView.vue'
import { createTestPlugins, flush } from './helpers'

describe('language switch and right-to-left', () => {
  beforeEach(() => {
    configureClient({ language: currentLanguage })
  })
  afterEach(() => {
    document.body.innerHTML = ''
    applyDocumentLanguage('fr')
  })

  it('switches vue-i18n, Vuetify and <html> to Arabic, right to left, and remembers it', async () => {
    const { i18n, vuetify } = createTestPlugins('fr')
    const router = createAppRouter(createMemoryHistory())
    await router.push('/login')
    const wrapper = mount({ render: () => h(VApp, () => h(LoginView)) }, { global: { plugins: [i18n, vuetify, router] }, attachTo: document.body })
    await flush()

    expect(wrapper.text()).toContain('Connexion')
    expect(wrapper.find('.v-application').classes()).toContain('v-locale--is-ltr')

    setLanguage('ar')
    await flush()

    expect(document.documentElement.getAttribute('dir')).toBe('rtl')
    expect(document.documentElement.getAttribute('lang')).toBe('ar')
    expect(wrapper.find('.v-application').classes()).toContain('v-locale--is-rtl')
    expect(wrapper.text()).toContain('تسجيل الدخول')
    expect(wrapper.find('label').text()).toBe('اسم المستخدم')
    expect(localStorage.getItem('taawun.lang')).toBe('ar')
    expect(storedLanguage()).toBe('ar')
    expect(currentLanguage()).toBe('ar')

    setLanguage('en')
    await flush()
    expect(document.documentElement.getAttribute('dir')).toBe('ltr')
    expect(wrapper.find('.v-application').classes()).toContain('v-locale--is-ltr')
    expect(wrapper.text()).toContain('Sign in')
    wrapper.unmount()
  })

  it('falls back to French for an unknown stored language', () => {
    localStorage.setItem('taawun.lang', 'de')
    expect(storedLanguage()).toBe('fr')
  })
})
