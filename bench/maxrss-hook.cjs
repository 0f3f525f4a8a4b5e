'use strict';
// Preloaded by bench/bench.mjs when GNU time is missing: writes this process's peak RSS (KB) at exit.
const file = process.env.LINT_DEPLOY_BENCH_RSS;
if (file) process.on('exit', () => require('node:fs').writeFileSync(file, `${process.resourceUsage().maxRSS}\n`));
