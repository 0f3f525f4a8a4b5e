"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.IBM_SDK_FEATURE = void 0;
exports.parseJavaVersion = parseJavaVersion;
exports.knownFeature = knownFeature;
exports.parseJavaVersionStrictly = parseJavaVersionStrictly;
exports.ibmLevel = ibmLevel;
exports.vendorFromRelease = vendorFromRelease;
exports.formatJdk = formatJdk;
exports.describeJdk = describeJdk;
exports.vendorFromName = vendorFromName;
exports.javaVersionText = javaVersionText;
const jdk_tls_defaults_json_1 = __importDefault(require("./data/jdk-tls-defaults.json"));
/** The last release of the IBM SDK (its own JSSE2); IBM's later JDKs are Semeru (data: `ibm.sdkFeature`). */
exports.IBM_SDK_FEATURE = jdk_tls_defaults_json_1.default.ibm.sdkFeature.value;
const LEGACY = /^(?:jdk)?1\.(\d+)\.0(?:_(\d+))?(?:-b(\d+))?/i; // 1.8.0_202-b08
const SHORT = /^(?:jdk-?)?(\d+)u(\d+)?(?:-b(\d+))?/i; // 8u202, jdk8u181-b13
const IBM = /^([78])\.0\.(\d+)\.(\d+)$/; // 8.0.6.25 = SR6 FP25
const CORRETTO8 = /^8\.([1-9]\d*)\.(\d+)\.\d+$/; // not a version fact: Corretto 8 numbering, 8.202.08.2
const MODERN = /^(?:jdk-?)?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.\d+)*(?:\+(\d+))?/i; // 11.0.2+9, 21, 25.0.3+9-LTS
/**
 * Parses a Java version as met in the field: `1.8.0_202`, `1.8.0_202-b08`, `8u202`, `jdk8u181-b13`,
 * `11.0.2+9`, `jdk-11.0.1+13`, `17.0.15+6-Debian-1deb12u1`, `21`, `1.7.0_211`, IBM `8.0.6.25`,
 * Corretto `8.202.08.2` / `11.0.2.9.3`. Surrounding quotes and a leading `openjdk version` are ignored.
 */
function parseJavaVersion(raw) {
    const text = raw
        .trim()
        .replace(/^.*?version\s+/i, '')
        .replace(/^"|"$/g, '')
        .trim();
    // `IBM 8.0.6.25`, as the config schema and --explain-jdk spell an IBM service level.
    const ibmWord = /^ibm\s+(\d+\.\d+\.\d+\.\d+)$/i.exec(text);
    if (ibmWord)
        return parseJavaVersion(ibmWord[1]) && { ...parseJavaVersion(ibmWord[1]), raw };
    let m = LEGACY.exec(text);
    if (m)
        return withBuild({ raw, feature: Number(m[1]), update: m[2] ? Number(m[2]) : 0 }, m[3]);
    m = IBM.exec(text);
    if (m)
        return { raw, feature: Number(m[1]), update: 0, ibm: { serviceRefresh: Number(m[2]), fixPack: Number(m[3]) } };
    m = CORRETTO8.exec(text);
    if (m)
        return { raw, feature: 8, update: Number(m[1]), build: Number(m[2]) };
    m = SHORT.exec(text);
    if (m)
        return withBuild({ raw, feature: Number(m[1]), update: m[2] ? Number(m[2]) : 0 }, m[3]);
    m = MODERN.exec(text);
    if (m) {
        const feature = Number(m[1]);
        if (feature < 5 || feature > 99)
            return undefined; // not a version fact: a feature number has one or two digits
        return withBuild({ raw, feature, update: m[3] ? Number(m[3]) : 0 }, m[4]);
    }
    return undefined;
}
/**
 * The Java feature release a runtime is known to be: its version's (a release file, a declared version), else the one
 * its name gives (`FROM eclipse-temurin:17`); undefined when unknown, or when several JDKs are equally near.
 */
function knownFeature(runtime) {
    if (!runtime || runtime.candidates)
        return undefined;
    const named = runtime.attachment?.feature;
    const feature = parseJavaVersion(runtime.version.value)?.feature ?? (named ? Number(named) : undefined);
    return feature !== undefined && Number.isInteger(feature) ? feature : undefined;
}
/**
 * A version given on the command line: parsed as above, and the whole text must be a version (a
 * vendor suffix such as `-LTS` or `-Debian-1` only after a `+build`). `1.8.0-202` is no Java
 * spelling (updates follow `_`, builds `-b`): read as 1.8.0 it would silently mean 8u0.
 */
function parseJavaVersionStrictly(raw) {
    const text = raw.trim();
    const version = parseJavaVersion(text);
    if (!version)
        return undefined;
    const matched = [LEGACY, IBM, CORRETTO8, SHORT, MODERN].map((re) => re.exec(text)?.[0]).find((m) => m !== undefined) ?? '';
    const rest = text.slice(matched.length);
    return rest === '' || (matched.includes('+') && /^-[\w.-]+$/.test(rest)) ? version : undefined;
}
function withBuild(version, build) {
    return build === undefined ? version : { ...version, build: Number(build) };
}
/** Service refresh and fix pack as one sortable number: SR6 FP25 → 625. */
function ibmLevel(version) {
    return version.ibm ? version.ibm.serviceRefresh * 100 + version.ibm.fixPack : undefined;
}
const unquote = (value) => (value ?? '').trim().replace(/^"|"$/g, '');
/**
 * The vendor family of a JDK from its `release` file (fields unquoted or quoted):
 * IMPLEMENTOR, IMPLEMENTOR_VERSION, BUILD_TYPE, JVM_VARIANT, JAVA_VERSION.
 */
function vendorFromRelease(fields) {
    const implementor = unquote(fields.IMPLEMENTOR).toLowerCase();
    const implementorVersion = unquote(fields.IMPLEMENTOR_VERSION).toLowerCase();
    const javaVersion = unquote(fields.JAVA_VERSION) || unquote(fields.JAVA_RUNTIME_VERSION);
    const all = `${implementor} ${implementorVersion} ${unquote(fields.JAVA_RUNTIME_VERSION).toLowerCase()}`;
    if (all.includes('corretto') || implementor.startsWith('amazon'))
        return 'corretto';
    if (all.includes('temurin') || implementor.includes('adoptium') || implementor.includes('adoptopenjdk'))
        return 'temurin';
    if (all.includes('semeru'))
        return 'semeru';
    if (implementor.startsWith('azul') || all.includes('zulu'))
        return 'zulu';
    if (implementor.includes('red hat') || implementorVersion.startsWith('red_hat'))
        return 'redhat';
    if (implementor.includes('ibm') || implementor.includes('international business machines')) {
        const feature = parseJavaVersion(javaVersion)?.feature;
        const openj9Build = unquote(fields.JVM_VARIANT).toLowerCase() === 'openj9' &&
            unquote(fields.SOURCE).toLowerCase().includes('openjdk');
        return feature !== undefined && feature <= exports.IBM_SDK_FEATURE && !openj9Build ? 'ibm' : 'semeru';
    }
    if (unquote(fields.BUILD_TYPE).toLowerCase() === 'commercial')
        return 'oracle';
    if (implementor)
        return 'openjdk'; // Oracle Corporation (jdk.java.net), ojdkbuild, BellSoft, Microsoft, distributions
    return javaVersion ? 'openjdk' : 'unknown';
}
const FAMILY_NAMES = {
    openjdk: 'OpenJDK',
    oracle: 'Oracle JDK',
    temurin: 'Eclipse Temurin',
    corretto: 'Amazon Corretto',
    zulu: 'Azul Zulu',
    ibm: 'IBM Java',
    semeru: 'IBM Semeru',
    redhat: 'Red Hat OpenJDK',
    unknown: 'Java',
};
/** "OpenJDK 8u201", "OpenJDK 11.0.2", "OpenJDK 21", "IBM Java 8 SR6 FP25". */
function formatJdk(vendor, version) {
    const name = FAMILY_NAMES[vendor] ?? 'Java';
    if (version.ibm) {
        const fp = version.ibm.fixPack ? ` FP${version.ibm.fixPack}` : '';
        return `${name} ${version.feature} SR${version.ibm.serviceRefresh}${fp}`;
    }
    if (version.feature <= 8)
        return `${name} ${version.feature}${version.update ? `u${version.update}` : ''}`; // not a version fact: 8u202 up to Java 8, 11.0.2 after
    return `${name} ${version.feature}${version.update ? `.0.${version.update}` : ''}`;
}
/** A runtime in words for reports: "OpenJDK 8u202", "Eclipse Temurin (version unknown)", "JDK unknown". */
function describeJdk(vendor, version) {
    const parsed = version ? parseJavaVersion(version) : undefined;
    if (parsed)
        return formatJdk(vendor, parsed);
    return vendor === 'unknown' ? 'JDK unknown' : `${FAMILY_NAMES[vendor] ?? 'Java'} (version unknown)`;
}
/** Accepts a user's vendor word (`corretto`, `Amazon`, `IBM`, `adoptium`…) and returns the family. */
function vendorFromName(name) {
    if (!name)
        return 'openjdk';
    const lower = name.toLowerCase();
    if (lower === 'ibm' || lower === 'ibm-sdk' || lower === 'ibmjava')
        return 'ibm';
    const family = vendorFromRelease({ IMPLEMENTOR: name, JAVA_VERSION: '1.8.0' });
    if (family === 'openjdk' && lower.includes('oracle') && !lower.includes('openjdk'))
        return 'oracle';
    return family;
}
/** A feature release and update as Java spells it: `8u202` up to Java 8, `11.0.2` from 9 on. */
function javaVersionText(feature, update) {
    return feature <= 8 ? `${feature}u${update}` : `${feature}.0.${update}`; // not a version fact: 8u202 up to Java 8, 11.0.2 after
}
