"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_CACHE_FILE = exports.CONFIG_FILE_NAMES = exports.DEFAULT_CONFIG_FILE_NAME = void 0;
exports.defaultConfig = defaultConfig;
/** Config file names, searched upward from the working directory (discover skips them as inputs). */
/** The name `--init` writes. */
exports.DEFAULT_CONFIG_FILE_NAME = 'lint-deploy.config.json';
exports.CONFIG_FILE_NAMES = [exports.DEFAULT_CONFIG_FILE_NAME, '.lint-deployrc.json'];
/** Default `--cache` file name (discover skips it as an input). */
exports.DEFAULT_CACHE_FILE = '.lint-deploy-cache';
function defaultConfig(baseDir) {
    return {
        baseDir,
        rules: {},
        overrides: [],
        ignorePatterns: [],
        deployments: [],
        components: [],
        links: [],
        customRules: [],
        plugins: [],
    };
}
