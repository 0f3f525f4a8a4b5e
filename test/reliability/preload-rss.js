// Preloaded into the CLI by bad-input.test.ts: records the process's peak resident set size (KB) at exit.
const fs = require('node:fs');
process.on('exit', () => {
  const file = process.env.LINT_DEPLOY_RSS_FILE;
  if (file) fs.writeFileSync(file, JSON.stringify({ maxRSS: process.resourceUsage().maxRSS }));
});
