import { HAPROXY_FACTS } from '../../knowledge/openssl';
import type { Location } from '../../core/types';
import { defineRule } from '../types';
import { ours } from '../../core/phrase';
import { haproxyBindWithoutCaFile, haproxyServerWithoutCaFile } from '../_lib/verify-without-anchors';

const SYSTEM_CA = HAPROXY_FACTS.systemCaFile;

/**
 * HAProxy verifies what it has CA certificates for, and has no default store: a `server … ssl` whose verify is
 * required — written, or by default (global `ssl-server-verify` unset or `required`) — without `ca-file`, and a
 * `bind … ssl verify optional|required` without `ca-file` (or `ca-verify-file`), make HAProxy refuse the whole
 * configuration at start-up (src/ssl_sock.c ssl_sock_prepare_srv_ssl_ctx and ssl_sock_prepare_ctx: the alert, then
 * cfgerr). Measured with Debian 12's HAProxy 2.6.12, `haproxy -c`: a server line with ssl and no ca-file, with or without
 * `verify required`, alerts "verify is enabled by default but no CA file specified" and "Fatal errors found in
 * configuration"; a bind with `verify required` and no ca-file alerts "verify is enabled but no CA file specified for
 * bind"; `ssl-server-verify none` in global, or `ca-file @system-ca`, passes. A bind with a `crt-list` is refused the same
 * even when every crt-list line sets its own ca-file (HAProxy prepares the bind's initial context with the bind line's
 * settings alone: ssl_sock_prepare_all_ctx, 2.0 to master), and a crt-list line with its own verify optional|required
 * and no ca-file is refused when the bind has none either (measured with 2.6.12).
 */
export default defineRule({
  meta: {
    id: 'haproxy/verify-without-ca-file',
    description:
      'Check that HAProxy has a ca-file wherever it verifies certificates (server lines verify by default, bind lines with verify optional|required): without one HAProxy refuses to start',
    severity: 'error',
    appliesTo: { components: ['haproxy.server', 'haproxy.bind'] },
    messages: {
      serverDefault:
        "{{server}} uses ssl and verifies {{address}}'s certificate by default (no verify on the line, no ssl-server-verify none in global), but names no ca-file: HAProxy refuses to start ('verify is enabled by default but no CA file specified …'). Set ca-file to the CA certificates that issued that certificate{{systemCa}}, or verify none only where the path to the server cannot be intercepted",
      serverExplicit:
        "{{server}} has verify required but no ca-file: HAProxy refuses to start ('verify is enabled … but no CA file specified', then 'Fatal errors found in configuration'). Set ca-file to the CA certificates that issued {{address}}'s certificate{{systemCa}}",
      bindCrtList:
        "{{bind}} has verify {{mode}} but no ca-file on the line: HAProxy refuses to start (\"verify is enabled but no CA file specified for bind '{{address}}'\"), even when its crt-list lines set a ca-file (HAProxy prepares the bind's own TLS context with the bind line's settings). Set ca-file on the bind line to the CA certificates that issue the clients' certificates",
      crtListLine:
        'This crt-list line asks for client certificates (verify) but names no ca-file, and {{bind}}, which loads it, has none either: HAProxy refuses to start ("verify is enabled but no CA file specified for bind \'{{address}}\'"). Add [ca-file <CA certificates of the clients>] to the line, or ca-file to the bind',
      bind: "{{bind}} has verify {{mode}} but no ca-file: HAProxy refuses to start (\"verify is enabled but no CA file specified for bind '{{address}}'\"). Set ca-file to the CA certificates that issue the clients' certificates, or verify none when clients present none",
    },
    options: {},
    symptoms: ['verify is enabled by default but no CA file specified', 'verify is enabled but no CA file specified'],
  },
  check(ctx) {
    const verifyOff = ctx.deployment.derived.haproxyVerifyOff;
    const systemCa = ` (HAProxy ${SYSTEM_CA.since}+ also takes ca-file ${SYSTEM_CA.value} for a publicly issued one)`;
    for (const component of ctx.deployment.components) {
      // A line under `.if`: HAProxy reads it only when the condition holds at start-up (not known here).
      if (
        (component.type === 'haproxy.server' || component.type === 'haproxy.bind') &&
        component.attributes.conditional
      )
        continue;
      if (component.type === 'haproxy.server') {
        if (!haproxyServerWithoutCaFile(component, verifyOff)) continue;
        const { verify, address } = component.attributes;
        const explicit = verify.from.kind === 'file';
        const location: Location = verify.from.kind === 'file' ? verify.from.location : component.location;
        ctx.report({
          messageId: explicit ? 'serverExplicit' : 'serverDefault',
          data: { server: component.name, address, systemCa },
          location,
          fingerprint: [component.id, explicit ? 'explicit' : 'default'],
        });
      } else if (component.type === 'haproxy.bind') {
        const mode = component.tls?.clientAuth;
        const { caFile, address, crtListVerifyWithoutCaFile } = component.attributes;
        if (!caFile)
          for (const at of crtListVerifyWithoutCaFile ?? [])
            ctx.report({
              messageId: 'crtListLine',
              data: { bind: component.name, address },
              location: at,
              related: [{ ...component.location, message: ours('the bind that loads this crt-list, without ca-file') }],
              fingerprint: [component.id, 'crt-list', at.file, String(at.range?.start.line ?? -1)],
            });
        if (!mode || mode.from.kind !== 'file' || !haproxyBindWithoutCaFile(component)) continue;
        ctx.report({
          messageId: component.attributes.crtList.length > 0 ? 'bindCrtList' : 'bind',
          data: { bind: component.name, mode: mode.value, address },
          location: mode.from.location,
          fingerprint: [component.id, 'bind'],
        });
      }
    }
  },
});
