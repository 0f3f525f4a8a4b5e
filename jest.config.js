const os = require('node:os');

/** @type {import('jest').Config} */
module.exports = {
  // jest's default is one worker fewer than the cores: on 2 cores that is 1, and the suite ran serially while many
  // tests wait on child processes (the CLI, openssl, the JVM, Chromium). Two workers at least; measured on
  // test/parse + test/knowledge (62 suites): the same CPU (41.4 s with -w 1, 42.7 s with -w 2).
  maxWorkers: Math.max(2, (os.availableParallelism?.() ?? os.cpus().length) - 1),
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
