"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rendersYaml = void 0;
exports.helmManifestName = helmManifestName;
exports.isFragmentName = isFragmentName;
const path_name_1 = require("../../core/path-name");
/**
 * Helm renders every `templates/*.tpl` not named `_…` (partials) into a manifest: `templates/configmap.tpl` is read
 * as the YAML it renders to. A `.tpl` with another extension before it (`nginx.conf.tpl`) is a template of that file.
 */
function helmManifestName(filePath) {
    return /[\\/]templates[\\/](?:[^\\/]+[\\/])*[^_.\\/][^.\\/]*\.tpl$/.test(filePath)
        ? filePath.replace(/\.tpl$/, '.yaml')
        : undefined;
}
/** A file that is (or renders to) YAML: `*.yaml`, `*.yml`, a Helm chart's `templates/*.tpl` manifest. */
const rendersYaml = (file) => /\.ya?ml$/i.test(file) || helmManifestName(file) !== undefined;
exports.rendersYaml = rendersYaml;
/** A template named without the extension of a whole configuration file: a piece of one. */
function isFragmentName(filePath) {
    const base = (0, path_name_1.lastPathSegment)(filePath);
    return !base.includes('.');
}
