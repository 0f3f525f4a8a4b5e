import { ours, said } from '../../core/phrase';
import { defineRule } from '../types';

const SYMPTOM = 'NoSuchSslBundleException';

/**
 * A Spring Boot app whose `server.ssl.bundle` (or another setting that hands an SSL bundle to a server or client:
 * `management.server.ssl.bundle`, `spring.data.redis.ssl.bundle`, …) names a bundle its settings do not define
 * (model/spring-bundle-references.ts). Spring Boot looks the name up when it builds that server or client, at start,
 * and throws NoSuchSslBundleException for a name nothing registered (spring-projects/spring-boot@c329ffa
 * DefaultSslBundleRegistry.getRegistered). A name the app's own sources register (an SslBundleRegistrar bean:
 * model/spring-bundle-code.ts) is not reported. The bundle can still come from where the tree does not show it (an
 * environment variable of the deployment, a config server, a library's registrar), so this is a warning; where the
 * tree shows such a place (a profile not known to be active that defines it, configuration imported from outside the
 * tree, code that registers bundles under names not read), an info naming it.
 */
export default defineRule({
  meta: {
    id: 'java/spring-ssl-bundle-undefined',
    description:
      'Report a Spring Boot setting that hands a server or client an SSL bundle the app does not define: Spring Boot stops at start',
    severity: 'warning',
    messages: {
      undefined:
        "{{setting}} hands {{builds}} of {{app}} the SSL bundle '{{name}}', but no spring.ssl.bundle.jks|pem.{{name}}.* of its settings defines it ({{defined}}): when Spring Boot builds it at start it throws NoSuchSslBundleException (SSL bundle name '{{name}}' cannot be found) and the app does not start, unless the environment it runs in defines the bundle (an environment variable, a config server) or its code registers it (an SslBundleRegistrar bean). Define the bundle (spring.ssl.bundle.jks.{{name}}.keystore.location, or spring.ssl.bundle.pem.{{name}}.keystore.certificate and .private-key) or name one that is defined",
      elsewhere:
        "{{setting}} hands {{builds}} of {{app}} the SSL bundle '{{name}}', which the app's settings as the tree shows them do not define ({{defined}}); {{why}}. Whether Spring Boot finds the bundle at start is unknown: without it, it throws NoSuchSslBundleException (SSL bundle name '{{name}}' cannot be found) and the app does not start. Declare where the bundle comes from (the active profile, or the settings in the tree)",
    },
    defaultOptions: {},
    appliesTo: { components: ['java.app'] },
    symptoms: [SYMPTOM, 'SSL bundle name', 'cannot be found'],
  },
  check(ctx) {
    for (const app of ctx.deployment.components) {
      if (app.type !== 'java.app') continue;
      for (const ref of app.attributes.undefinedSslBundles ?? []) {
        const data = {
          setting: ref.setting,
          builds: ours(ref.builds),
          app: app.name,
          name: ref.name,
          defined: ref.defined.length ? said`it defines ${ref.defined.join(', ')}` : ours('it defines no SSL bundle'),
        };
        ctx.report({
          messageId: ref.elsewhere ? 'elsewhere' : 'undefined',
          ...(ref.elsewhere && { severity: 'info' as const }),
          data: ref.elsewhere ? { ...data, why: ref.elsewhere.why } : data,
          location: ref.at,
          related: [
            ...(ref.elsewhere ? [{ ...ref.elsewhere.at, message: ours('the bundle may come from here') }] : []),
            ...(ref.release
              ? [{ ...ref.release.at, message: said`${ref.release.by} names Spring Boot ${ref.release.version}` }]
              : []),
          ],
          fingerprint: [app.id, ref.setting, ref.name],
        });
      }
    }
  },
});
