/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  // marked ships ES modules only: let swc turn it into CommonJS like the sources (esbuild does it for dist/).
  transformIgnorePatterns: ['/node_modules/(?!marked/)'],
  testTimeout: 60000,
  // A suite that fails to load counts as a failure in .ci/run's closing line.
  reporters: ['default', '<rootDir>/test/helpers/count-reporter.js'],
};
