import { defineRule } from '../types';

/**
 * A Spring Boot app whose HTTPS server exists only in profiles the tree does not say are active
 * (jhipster/jhipster-sample-app's `application-tls.yml` beside `spring.profiles.active: '@spring.profiles.active@'`).
 * lint-deploy makes no server of guessed settings, so without this info the app would pass in silence.
 */
export default defineRule({
  meta: {
    id: 'java/https-only-in-profile',
    description:
      'Say when a Spring Boot app serves HTTPS only in profiles whose activation the tree does not settle, so its server is not checked',
    severity: 'info',
    messages: {
      unknownActivation:
        '{{app}} turns its HTTPS server on only in {{profiles}}, and the tree does not settle which profiles are active (no start of the app that lint-deploy can tie to it sets them, or its starts disagree): whether it serves HTTPS, and with which settings, is unknown, so its server and its links are not checked. Declare the active profiles where the app starts (SPRING_PROFILES_ACTIVE in the Compose service or Kubernetes env, -Dspring.profiles.active or --spring.profiles.active in the Dockerfile or start script)',
    },
    defaultOptions: {},
    appliesTo: { components: ['java.app'] },
    symptoms: [],
  },
  check(ctx) {
    for (const app of ctx.deployment.components) {
      if (app.type !== 'java.app') continue;
      const places = app.attributes.httpsOnlyInProfiles;
      if (!places?.length) continue;
      const profiles = [...new Set(places.map((p) => p.profile))];
      ctx.report({
        messageId: 'unknownActivation',
        data: {
          app: app.name,
          profiles: `profile${profiles.length === 1 ? '' : 's'} ${profiles.join(', ')}`,
        },
        location: places[0]!.at,
        related: [
          ...places.slice(1).map((p) => ({ ...p.at, message: `profile ${p.profile} sets ${p.setting}` })),
          { ...app.location, message: `${app.name} is configured here` },
        ],
        fingerprint: [app.id, ...profiles],
      });
    }
  },
});
