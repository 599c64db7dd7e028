/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import vuetify from 'vite-plugin-vuetify'
import { readdirSync } from 'node:fs'

const backend = process.env.TAAWUN_DEV_BACKEND ?? 'http://127.0.0.1:8080'

// Vitest's on-disk module cache keys a module by its own text, but a module with
// import.meta.glob (src/i18n/index.ts) is transformed into imports of the files the glob finds:
// a new area's words would be missed until the cache is cleared. Such a module's key also
// names those files (https://vitest.dev/config/experimental.html, "Known Issues").
function wordFiles(): string {
  const features = fileURLToPath(new URL('./src/features', import.meta.url))
  return readdirSync(features, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      try {
        return readdirSync(`${features}/${entry.name}/i18n`).map((file) => `${entry.name}/${file}`)
      } catch {
        return []
      }
    })
    .sort()
    .join(',')
}
const globCacheKey = {
  name: 'taawun-glob-cache-key',
  configureVitest({ experimental_defineCacheKeyGenerator }: { experimental_defineCacheKeyGenerator: (generate: (context: { sourceCode: string }) => string | undefined) => void }) {
    experimental_defineCacheKeyGenerator(({ sourceCode }) => (sourceCode.includes('import.meta.glob') ? wordFiles() : undefined))
  },
}

export default defineConfig({
  plugins: [
    vue(),
    // Tree-shakes Vuetify: only the components a template uses end up in the bundle.
    vuetify({ autoImport: true }),
    globCacheKey,
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/healthz': { target: backend },
      '/readyz': { target: backend },
    },
  },
  build: {
    // scripts/size-report.mjs reads the manifest to weigh the first screen.
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 700,
  },
  test: {
    environment: 'happy-dom',
    // Shared tests in tests/, each area's in src/features/<area>/tests/.
    include: ['tests/**/*.test.ts', 'src/features/*/tests/**/*.test.ts'],
    server: { deps: { inline: ['vuetify'] } },
    setupFiles: ['tests/setup.ts'],
    // A test's first mount of a screen compiles the screen and the Vuetify components it uses, inside
    // the test's time: people.test.ts spent 26-37 s transforming against 9-16 s importing on the busy
    // shared cores. Transformed modules are kept on disk between runs
    // (node_modules/.experimental-vitest-cache, keyed by each file's content and this config), so a
    // run transforms only what changed (the same file: 37 s, then 5.5 s).
    experimental: { fsModuleCache: true },
    // Tests wait for events (a request answered, an element shown: helpers.ts until()), never for a
    // duration, so this bound only stops a hung test. Vitest's default of 5 s failed four to six
    // tests when the load average was 5 to 28 on the two cores; all pass on a quiet machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
