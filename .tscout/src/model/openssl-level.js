"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.imageLevels = imageLevels;
exports.opensslSecurityLevel = opensslSecurityLevel;
const openssl_security_level_1 = require("../knowledge/openssl-security-level");
/** Why the tree leaves the level open, and what settles it. */
function unsettledImage(openssl, directive, product) {
    const { via, release, facts } = openssl;
    const untied = openssl.assumed ? (openssl.untied ?? []) : [];
    if (untied.length > 0)
        return {
            why: `the tree names ${untied.map((u) => u.via.split(' → ')[0]).join(', ')} but nothing ties this file to it (a bind mount or a COPY of it)`,
            todo: 'Bind-mount the configuration into that service, or name its image in a Dockerfile FROM beside it',
        };
    return openssl.assumed
        ? {
            why: `the tree names no ${product} image`,
            todo: `Name ${product}'s image in a Dockerfile FROM beside the configuration`,
        }
        : {
            why: `no source gives the level ${via ?? 'the image'}'s OpenSSL ${release ?? facts.series} starts at`,
            todo: `Set @SECLEVEL in ${directive} to the level it runs at`,
        };
}
/** The levels the OpenSSL of the tree's image starts at: one when known, else each possibility. */
function imageLevels(openssl) {
    const { securityLevel, via, release, at, facts } = openssl;
    if (securityLevel)
        return [
            {
                level: securityLevel.level,
                origin: `the default of ${via ?? 'the image'} (OpenSSL ${release ?? facts.series}; ${securityLevel.source.split(' ')[0] ?? ''})`,
                ...(at ? { at } : {}),
            },
        ];
    const current = (0, openssl_security_level_1.defaultLevelsUnnamed)().map(({ level, who }) => ({
        level,
        origin: `level ${level} as in ${who} images`,
        ...(at ? { at } : {}),
    }));
    const untied = openssl.assumed ? (openssl.untied ?? []) : [];
    return [
        ...current,
        ...untied
            .filter((u, i) => !current.some((c) => c.level === u.level) && untied.findIndex((o) => o.level === u.level) === i)
            .map((u) => ({
            level: u.level,
            origin: `level ${u.level} of ${u.via}, which the tree names without tying this file to it`,
            at: u.at,
            untied: true,
        })),
    ].sort((a, b) => a.level - b.level);
}
/**
 * An end's security levels from its cipher directive (`explicit`: the string's @SECLEVEL, `cipherAt`: where it is
 * written) and its image. `nginx`: the nginx release the image names, and its FROM (which decides whether @SECLEVEL
 * reaches the certificates); httpd's always does.
 */
function opensslSecurityLevel(input) {
    const { openssl, explicit, cipherAt, directive, nginx, product } = input;
    const image = imageLevels(openssl);
    const unsettled = image.length > 1 ? unsettledImage(openssl, directive, product) : undefined;
    if (explicit === undefined || !cipherAt)
        return {
            certificates: image,
            handshake: image,
            directive,
            ...(unsettled ? { unsettled, certificatesUnsettled: unsettled } : {}),
        };
    const set = {
        level: explicit,
        origin: `@SECLEVEL=${explicit} in ${directive}`,
        at: cipherAt,
    };
    const reaches = product === 'httpd' ? true : (0, openssl_security_level_1.cipherLevelAppliesToCertificates)(nginx?.release);
    const certificates = unique(reaches === true ? [set] : reaches === false ? image : [set, ...image]);
    const certificatesUnsettled = certificates.length < 2
        ? undefined
        : reaches === undefined
            ? {
                why: `nginx applies @SECLEVEL of ${directive} to loading certificates from ${openssl_security_level_1.CIPHER_LEVEL_SINCE} only, and the tree names no nginx release`,
                todo: "Name nginx's image in a Dockerfile FROM beside the configuration",
            }
            : unsettledImage(openssl, directive, product);
    return {
        certificates,
        ...(certificatesUnsettled ? { certificatesUnsettled } : {}),
        handshake: [set],
        directive,
        ...(product === 'nginx' && reaches !== undefined && nginx
            ? { cipherLevelReachesCertificates: { value: reaches, release: nginx.release, at: nginx.at } }
            : {}),
    };
}
/** One candidate per level (the first one's origin kept). */
function unique(list) {
    return list.filter((c, i) => list.findIndex((o) => o.level === c.level) === i);
}
