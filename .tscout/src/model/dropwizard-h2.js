"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.http2Lists = http2Lists;
/**
 * Dropwizard `type: h2` connectors (Http2ConnectorFactory.build, knowledge: dropwizard.json `http2`): the protocols
 * are the release's own list whatever the YAML says; the suites are the written `supportedCipherSuites`, which must
 * hold the HTTP/2 suite (else the connector does not start), or that suite alone (before 1.2.0 always that suite
 * alone). ALPN falls back to http/1.1, so the TLS handshake is the same whichever protocol the client then speaks.
 */
const ciphers_1 = require("../knowledge/ciphers");
const dropwizard_1 = require("../knowledge/dropwizard");
/** Sets an h2 connector's lists on `tls` (after the https reading of its YAML), or says what leaves them unknown. */
function http2Lists(tls, declared, writtenSuites, note) {
    const h2 = (0, dropwizard_1.dropwizardHttp2)(declared?.version);
    const from = (value, source) => declared
        ? {
            value,
            from: {
                kind: 'file',
                location: declared.at,
                note: `Dropwizard ${declared.version}'s h2 connector (${source})`,
            },
        }
        : { value, from: { kind: 'default', origin: `Dropwizard's h2 connector (${source})`, confidence: 'verified' } };
    let suites;
    if (!writtenSuites || h2.keepsWrittenSuites === false)
        suites = from([h2.cipherSuite], h2.cipherSuiteSource);
    else if (h2.keepsWrittenSuites === undefined) {
        const written = tls.cipherSuites?.value;
        if (written?.length === 1 && written[0] === h2.cipherSuite)
            suites = tls.cipherSuites;
        else
            return note('type: h2 supportedCipherSuites', `the Dropwizard release: before 1.2.0 its h2 connector serves ${h2.cipherSuite} alone whatever supportedCipherSuites says; declare io.dropwizard's version in the build`);
    }
    else if (tls.cipherSuites) {
        if (!tls.cipherSuites.value.includes(h2.cipherSuite))
            return note('type: h2 supportedCipherSuites', `supportedCipherSuites lacks ${h2.cipherSuite}: Dropwizard's h2 connector refuses to start ("HTTP/2 server configuration must include cipher")`);
        suites = tls.cipherSuites;
    }
    if (!suites)
        return;
    // TLS 1.3 needs a TLS 1.3 suite: without one in the list, the releases' protocol lists negotiate alike.
    const tls13 = suites.value.some((s) => (0, ciphers_1.findCipherSuite)(s)?.flags.tls13);
    if (h2.older && tls13)
        return note('type: h2 protocols', `the Dropwizard release: its h2 connector enables TLSv1.3 from 2.0.23 only; declare io.dropwizard's version in the build`);
    const protocols = from(h2.protocols.value, h2.protocols.source);
    const jetty = tls.jettyExclusions;
    const kept = jetty
        ? (0, dropwizard_1.jettyExcluded)(jetty.protocols.value, jetty.cipherSuites.value, protocols.value, suites.value)
        : { protocols: protocols.value, suites: suites.value };
    tls.protocols = { ...protocols, value: kept.protocols };
    tls.cipherSuites = { ...suites, value: kept.suites };
    if (jetty)
        jetty.included = { protocols: protocols.value, cipherSuites: suites.value };
}
