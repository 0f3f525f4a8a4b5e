"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.USAGE = void 0;
exports.checkJavaVersionOption = checkJavaVersionOption;
exports.parseCliArgs = parseCliArgs;
const node_util_1 = require("node:util");
const types_1 = require("../core/types");
const version_1 = require("../knowledge/version");
const OPTIONS = {
    format: { type: 'string', short: 'f', multiple: true },
    'output-file': { type: 'string', short: 'o', multiple: true },
    config: { type: 'string', short: 'c' },
    'no-config': { type: 'boolean' },
    'max-warnings': { type: 'string' },
    quiet: { type: 'boolean' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    rule: { type: 'string', multiple: true },
    'ignore-pattern': { type: 'string', multiple: true },
    'list-rules': { type: 'boolean' },
    explain: { type: 'string' },
    'explain-jdk': { type: 'string' },
    'java-version': { type: 'string' },
    'java-vendor': { type: 'string' },
    'agent-version': { type: 'string' },
    debug: { type: 'boolean' },
    'no-error-on-unmatched': { type: 'boolean' },
    init: { type: 'boolean' },
    baseline: { type: 'string' },
    'update-baseline': { type: 'boolean' },
    'report-unused-disable-directives': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
    shard: { type: 'string' },
    cache: { type: 'boolean' },
    'cache-location': { type: 'string' },
    'cache-strategy': { type: 'string' },
    stats: { type: 'boolean' },
    concurrency: { type: 'string' },
    'allow-plugins': { type: 'boolean' },
};
exports.USAGE = `Usage: lint-deploy [options] [paths...]          (default path: .)
       lint-deploy explain-error "<error text>" [paths...]
       lint-deploy handshake --client <file[#component]> --server <file[#component]> [--format json]
       lint-deploy --init

Checks a deployment's configuration files against each other and against the
JDKs and products they run on, and predicts the TLS handshakes that will fail.

Output:
  -f, --format <name>        stylish (default), json, compact, sarif, github, junit, html, dot,
                             mermaid; repeatable
  -o, --output-file <file>   write the report to a file (one per --format, in order)
      --quiet                report errors only
      --max-warnings <n>     exit 1 when there are more than n warnings
      --no-color / --color   colours (default: on a TTY; FORCE_COLOR=1/0 forces them on/off, NO_COLOR off)
Paths and deployments (docs/deployments.md):
  paths                      directories and files; each directory holds one deployment, or several
                             found by config "deployments" globs, else by content: sibling directories
                             that each hold a complete component set are separate environments
                             (heuristic "sibling complete sets"; --debug shows why each root is one).
                             A file is linted with its own deployment (config dir, git root, or its
                             directory), never with the working directory's files.
      --no-error-on-unmatched  a run that finds no file to check exits 0 (default: exit 2,
                             "no files to check under <path>")
Configuration:
  -c, --config <file>        default: lint-deploy.config.json / .lint-deployrc.json searched upward
                             from the linted paths, else from the working directory
      --no-config            ignore config files
      --rule <id:severity>   override a rule's severity (off, info, warning, error); repeatable
      --ignore-pattern <p>   gitignore-style pattern of files not to read; repeatable
      --java-version <v>     the JDK that runs the components (e.g. 1.8.0_202, 11.0.2, 17); without it
                             each component runs the nearest JDK the tree lays out: a release file,
                             a Dockerfile FROM image, a JAVA_HOME path (docs/runtimes.md)
      --java-vendor <v>      its vendor (openjdk, oracle, corretto, zulu, ibm, semeru, redhat, temurin)
      --agent-version <v>    ClearTrust web agent version when webagent.conf does not say
      --init                 write a starter lint-deploy.config.json here
      --allow-plugins        load the code modules named in config "plugins" (off: a config in
                             the linted tree is data only; docs/security.md)
Suppressions:
      --baseline <file>      findings recorded in this file do not fail the run (only new ones do)
      --update-baseline      record the current findings in the baseline file (default file: lint-deploy.baseline.json)
      --report-unused-disable-directives   report lint-deploy-disable… comments that suppress nothing
Performance (docs/performance.md):
      --shard <k/n>          check only the k-th of n disjoint sets of deployments (CI matrix)
      --cache                skip deployments unchanged since the last run
      --cache-location <p>   cache file or directory (default: .lint-deploy-cache)
      --cache-strategy <s>   content (default: file hashes) or metadata (size + mtime)
      --concurrency <n>      off, auto or a number of worker threads (default: off)
      --stats                time per stage on stderr (also TIMING=1)
Information:
      --list-rules           list every rule
      --explain <rule-id>    print a rule's documentation
  explain-error "<text>"     list the rules that predict a run-time error (RC=2397, AMQ9771,
                             bad_record_mac, handshake_failure…); with paths, run just those rules
      --explain-jdk <ver>    print what lint-deploy knows about a JDK version
      --debug                how deployments were found and files were read (templates,
                             embedded config, includes, variables, java.security overrides);
                             stack traces of internal errors
  -h, --help                 this help
  -v, --version              print the version

Exit codes: 0 no failing findings, 1 findings fail the run, 2 the run itself failed.`;
/** `--java-version` must be a whole Java version: a half-read one silently changes every verdict. */
function checkJavaVersionOption(value) {
    if (value !== undefined && !(0, version_1.parseJavaVersionStrictly)(value)) {
        throw new types_1.UsageError(`--java-version expects a Java version such as 1.8.0_202, 8u202, 11.0.2 or 17, got '${value}'`);
    }
}
function parseCliArgs(argv) {
    let parsed;
    try {
        parsed = (0, node_util_1.parseArgs)({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    }
    catch (error) {
        // Node's messages are long and mention internals: keep the first sentence.
        throw new types_1.UsageError(`${(error.message.split('. ')[0] ?? '').replace(/^TypeError \[[A-Z_]+\]: /, '')} (see lint-deploy --help)`);
    }
    const v = parsed.values;
    const rules = {};
    for (const spec of v.rule ?? []) {
        const at = spec.lastIndexOf(':');
        if (at <= 0)
            throw new types_1.UsageError(`--rule expects <id>:<severity>, got '${spec}'`);
        rules[spec.slice(0, at)] = spec.slice(at + 1);
    }
    let maxWarnings;
    if (v['max-warnings'] !== undefined) {
        maxWarnings = Number(v['max-warnings']);
        if (!Number.isInteger(maxWarnings) || maxWarnings < -1)
            throw new types_1.UsageError(`--max-warnings expects a whole number, got '${v['max-warnings']}'`);
    }
    if (v.color && v['no-color'])
        throw new types_1.UsageError('--color and --no-color cannot be used together');
    if (v.config && v['no-config'])
        throw new types_1.UsageError('--config and --no-config cannot be used together');
    const formats = v.format ?? ['stylish'];
    const outputFiles = v['output-file'] ?? [];
    if (outputFiles.length > formats.length)
        throw new types_1.UsageError(`${outputFiles.length} --output-file values for ${formats.length} --format values`);
    let positionals = parsed.positionals;
    let explainError;
    if (positionals[0] === 'explain-error') {
        explainError = positionals[1];
        if (!explainError?.trim())
            throw new types_1.UsageError('explain-error expects the error text: lint-deploy explain-error "<text>" [paths...]');
        positionals = positionals.slice(2);
    }
    if (v.baseline !== undefined && !v.baseline)
        throw new types_1.UsageError('--baseline expects a file name');
    checkJavaVersionOption(v['java-version']);
    return {
        paths: positionals,
        explainError,
        init: v.init ?? false,
        baseline: v.baseline,
        updateBaseline: v['update-baseline'] ?? false,
        reportUnusedDisableDirectives: v['report-unused-disable-directives'] ?? false,
        formats,
        outputFiles,
        config: v.config,
        noConfig: v['no-config'] ?? false,
        maxWarnings,
        quiet: v.quiet ?? false,
        color: v.color ? true : v['no-color'] ? false : undefined,
        rules,
        ignorePatterns: v['ignore-pattern'] ?? [],
        listRules: v['list-rules'] ?? false,
        explain: v.explain,
        explainJdk: v['explain-jdk'],
        javaVersion: v['java-version'],
        javaVendor: v['java-vendor'],
        agentVersion: v['agent-version'],
        debug: v.debug ?? false,
        errorOnUnmatched: !(v['no-error-on-unmatched'] ?? false),
        shard: v.shard,
        cache: v.cache ?? false,
        cacheLocation: v['cache-location'],
        cacheStrategy: v['cache-strategy'],
        stats: v.stats ?? false,
        concurrency: v.concurrency,
        allowPlugins: v['allow-plugins'] ?? false,
        help: v.help ?? false,
        version: v.version ?? false,
    };
}
