/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 60000,
  // A suite that fails to load counts as a failure in .ci/run's closing line.
  reporters: ['default', '<rootDir>/test/helpers/count-reporter.js'],
};
