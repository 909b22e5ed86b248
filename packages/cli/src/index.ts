export { defineConfig, type MigrateConfig } from './config/define-config.js'
