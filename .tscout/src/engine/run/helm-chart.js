"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.HelmCharts = void 0;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const safe_fs_1 = require("../../core/safe-fs");
const helm_values_1 = require("../../parse/helm-values");
const text_1 = require("../../parse/text");
const types_1 = require("../../parse/types");
/** values.yaml above this size is not read (the chart's values then stay unknown). */
const MAX_VALUES_BYTES = 2 * 1024 * 1024;
/**
 * The Helm charts of a run: a template under `<chart>/templates/` (`<chart>/Chart.yaml` beside it) gets
 * the defaults of `<chart>/values.yaml`, and of its parent's when the chart sits in `<parent>/charts/`.
 * Each values.yaml is read once; one that does not parse is a finding on it (its values stay unknown).
 */
class HelmCharts {
    findings;
    charts = new Map();
    values = new Map();
    constructor(findings) {
        this.findings = findings;
    }
    /** The template rendered with its chart's defaults, when it is in a chart and some value is put in. */
    render(file, source, template) {
        if (!template.engines.includes('go') || !source.includes('.Values'))
            return undefined;
        const chain = this.chainFor(file);
        return chain ? (0, helm_values_1.renderHelmValues)(source, template, chain) : undefined;
    }
    chainFor(file) {
        const parts = path.resolve(file).split(path.sep);
        const at = parts.lastIndexOf('templates');
        if (at < 1)
            return undefined;
        const root = parts.slice(0, at).join(path.sep) || path.sep;
        if (this.charts.has(root))
            return this.charts.get(root);
        let chain;
        const values = isChart(root) ? this.valuesOf(root) : undefined;
        if (values) {
            chain = { values };
            const above = path.dirname(root);
            const parentRoot = path.dirname(above);
            const parent = path.basename(above) === 'charts' && isChart(parentRoot) ? this.valuesOf(parentRoot) : undefined;
            if (parent)
                chain.parent = { values: parent, name: path.basename(root) };
        }
        this.charts.set(root, chain);
        return chain;
    }
    valuesOf(root) {
        const file = path.join(root, 'values.yaml');
        if (this.values.has(file))
            return this.values.get(file);
        const read = (0, safe_fs_1.readRegularFile)(file, MAX_VALUES_BYTES);
        const decoded = read.ok ? (0, text_1.decodeFile)(read.bytes) : undefined;
        const values = decoded?.ok ? new helm_values_1.HelmValues(file, decoded.text) : undefined;
        for (const problem of values?.problems ?? [])
            this.findings.push((0, types_1.problemFinding)(file, problem, (text) => text)); // masked with the read findings
        this.values.set(file, values);
        return values;
    }
}
exports.HelmCharts = HelmCharts;
function isChart(dir) {
    try {
        return fs.statSync(path.join(dir, 'Chart.yaml')).isFile();
    }
    catch {
        return false;
    }
}
