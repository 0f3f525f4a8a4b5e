// A jest reporter that records the run's real counts for .ci/run's closing line.
const fs = require('node:fs');
const path = require('node:path');

class CountReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }
  onRunComplete(_contexts, results) {
    const failedSuites = results.testResults.filter(
      (r) => r.testExecError || (r.failureMessage && r.numFailingTests === 0),
    ).length;
    const summary = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + failedSuites,
      skipped: results.numPendingTests + results.numTodoTests,
      suites: results.numTotalTestSuites,
    };
    const dir = path.join(this.rootDir, 'test-artifacts');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'jest-summary.json'), JSON.stringify(summary) + '\n');
  }
}
module.exports = CountReporter;
