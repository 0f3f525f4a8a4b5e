import rule from '../../../src/rules/java/https-only-in-profile';
import { ruleTester } from '../../helpers/rule-tester';

// jhipster/jhipster-sample-app@f8da577 (Apache-2.0): application.yml leaves the active profiles to Maven
// ('@spring.profiles.active@'), application-tls.yml turns HTTPS on.
const BASE = 'app/src/main/resources/application.yml';
const TLS_PROFILE = 'app/src/main/resources/application-tls.yml';
const tlsProfile = 'server:\n  ssl:\n    key-store: classpath:config/tls/keystore.p12\n    key-store-type: PKCS12\n';

ruleTester(rule, {
  valid: [
    {
      name: 'the base settings turn HTTPS on: the server is checked',
      files: { [BASE]: 'server:\n  port: 8443\n  ssl:\n    key-store: classpath:ks.p12\n' },
    },
    {
      name: 'the active profiles are settled and leave the TLS profile out',
      files: { [BASE]: 'spring:\n  profiles:\n    active: prod\n', [TLS_PROFILE]: tlsProfile },
    },
    {
      name: 'a profile that sets other server settings only',
      files: {
        [BASE]: 'spring:\n  application:\n    name: app\n',
        'app/src/main/resources/application-dev.yml': 'server:\n  port: 8081\n',
      },
    },
    {
      name: 'server.ssl.enabled: false in a profile turns nothing on',
      files: {
        [BASE]: 'server:\n  port: 8080\n',
        'app/src/main/resources/application-dev.yml': 'server:\n  ssl:\n    enabled: false\n',
      },
    },
  ],
  invalid: [
    {
      name: "jhipster's application-tls.yml with the active profiles left to the build",
      files: {
        [BASE]:
          "spring:\n  application:\n    name: jhipsterSampleApplication\n  profiles:\n    active: '@spring.profiles.active@'\n",
        [TLS_PROFILE]: tlsProfile,
      },
      errors: [
        {
          messageId: 'unknownActivation',
          file: TLS_PROFILE,
          line: 3,
          severity: 'info',
          messageIncludes: ['only in profile tls', 'SPRING_PROFILES_ACTIVE'],
        },
      ],
    },
    {
      // scottfrederick/spring-boot-ssl-demo@bef7fcd books-server: a YAML document for the ssl profile.
      name: 'a YAML document activated on a profile, no start naming the profiles',
      files: {
        [BASE]:
          'server:\n  port: 8080\n---\nspring:\n  config:\n    activate:\n      on-profile: ssl\nserver:\n  ssl:\n    enabled: true\n    bundle: server\n',
      },
      errors: [{ messageId: 'unknownActivation', file: BASE, line: 11, messageIncludes: ['only in profile ssl'] }],
    },
  ],
});
