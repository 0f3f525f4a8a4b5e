"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseTemplate = parseTemplate;
exports.problemsOfEachRendering = problemsOfEachRendering;
exports.parseWith = parseWith;
const template_xml_declaration_1 = require("../../parse/template-xml-declaration");
const template_xml_attributes_1 = require("../../parse/template-xml-attributes");
const parse_cache_1 = require("./parse-cache");
/**
 * Parses a template's text with its template syntax set aside. When keeping both branches of every
 * conditional does not parse cleanly (an `if` and an `else` that each open a block), the first branches
 * alone are tried; the reading with fewer problems wins. The document keeps the file's real text.
 * `helm`: the readings with the chart's defaults put in (parsed uncached: their positions are then moved).
 */
function parseTemplate(classified, source, template, fragment, cache, helm) {
    // Tags before `<?xml …?>` (src/parse/template-xml-declaration.ts); a Helm chart renders YAML, not XML.
    const declaration = helm ? undefined : (0, template_xml_declaration_1.declarationAfterTemplateTags)(source.text, template, template.masked);
    const masked = helm?.masked.text ?? declaration?.masked ?? template.masked;
    const firstBranch = helm
        ? helm.firstBranch?.text
        : template.firstBranch && declaration
            ? ((0, template_xml_declaration_1.declarationAfterTemplateTags)(source.text, template, template.firstBranch)?.masked ?? template.firstBranch)
            : template.firstBranch;
    // server.xml attributes a template writes itself (`<Connector {{ props }} />`): blanked, the element marked.
    const generatedIn = (text) => classified.kind === 'tomcat.server-xml' ? (0, template_xml_attributes_1.blankGeneratedAttributes)(text) : undefined;
    const generated = generatedIn(masked);
    let doc = parseWith(classified, { ...source, text: generated?.masked ?? masked }, cache);
    let rendered = helm?.masked;
    let generatedRead = generated;
    if (doc.problems.length > 0 && firstBranch !== undefined) {
        const generatedFirst = generatedIn(firstBranch);
        const first = parseWith(classified, { ...source, text: generatedFirst?.masked ?? firstBranch }, cache);
        if (first.problems.length < doc.problems.length) {
            doc = first;
            rendered = helm?.firstBranch;
            generatedRead = generatedFirst;
        }
    }
    rendered?.remap(doc);
    const generatedProblem = generatedRead && (0, template_xml_attributes_1.markGenerated)(doc, generatedRead, template);
    if (generatedProblem)
        doc = { ...doc, problems: [...doc.problems, generatedProblem] };
    // A fragment (`server_header.erb`, `location_footer.epp`) opens or closes a block that another
    // fragment completes when the templates are concatenated: an unbalanced brace is expected there.
    const renderedProblems = problemsOfEachRendering(declaration?.problem ? [declaration.problem, ...doc.problems] : doc.problems, template);
    const problems = fragment
        ? renderedProblems.map((p) => UNBALANCED.has(p.code)
            ? {
                ...p,
                severity: 'info',
                message: `${p.message} (expected in a template fragment: another fragment opens or closes the block)`,
            }
            : p)
        : renderedProblems;
    return { ...doc, problems, file: source, template };
}
/** A key set in two branches of a conditional (`{% if %}…{% else %}`, or two `if`s) is set once in each rendering. */
function problemsOfEachRendering(problems, template) {
    return template.branches.length > 0 ? problems.filter((p) => p.code !== 'duplicate-key') : problems;
}
/** The handler's parse, through the run's cache when there is one (keyed by the bytes read, else by the text parsed). */
function parseWith({ handler, kind }, source, cache, bytes) {
    return cache
        ? cache.parse(handler, kind, source, bytes ? (0, parse_cache_1.contentHash)(bytes) : `text:${source.hadBom}:${(0, parse_cache_1.contentHash)(source.text)}`)
        : handler.parse(source, kind);
}
const UNBALANCED = new Set([
    'unclosed-block',
    'unexpected-brace',
    'httpd-section-not-closed',
    'httpd-unexpected-close',
]);
