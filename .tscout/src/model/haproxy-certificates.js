"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.bindCertificateSources = bindCertificateSources;
const haproxy_tls_1 = require("./haproxy-tls");
/** A template statement (`{% if %}`, `{{- … }}`): what the line holds is decided when the template is rendered. */
const TEMPLATE = /\{%|%\}|\{\{|\}\}|\$\{|%\{/;
function bindCertificateSources(section, line, own, file) {
    const crt = own.filter((o) => o.keyword.value === 'crt' || o.keyword.value === 'default-crt');
    const crtList = own.filter((o) => o.keyword.value === 'crt-list');
    const strictSni = own.some((o) => o.keyword.value === 'strict-sni');
    const out = { crt, crtList, strictSni };
    const lineAt = { file, range: line.range };
    if (section.head.conditional || line.conditional)
        out.unknown = { why: 'read under a .if condition', at: lineAt };
    const placeholder = line.args.find((w) => TEMPLATE.test(w.value));
    if (placeholder)
        out.unknown = { why: 'a word is a placeholder', at: { file, range: placeholder.range } };
    const ech = own.find((o) => o.keyword.value === 'ech');
    if (ech)
        out.unknown = { why: 'ech keys may serve it', at: (0, haproxy_tls_1.optionLocation)(ech) };
    return out;
}
