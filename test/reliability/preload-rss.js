// Preloaded into the CLI by the reliability tests: records the process's peak resident set size (KB) and the CPU
// time it used (ms) at exit.
const fs = require('node:fs');
process.on('exit', () => {
  const file = process.env.LINT_DEPLOY_RSS_FILE;
  if (!file) return;
  const usage = process.resourceUsage();
  fs.writeFileSync(
    file,
    JSON.stringify({ maxRSS: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }),
  );
});
