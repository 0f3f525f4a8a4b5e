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
      name: 'server.ssl.enabled: ${SSL_ENABLED:true} is on while the variable is unset: the server is checked',
      files: {
        [BASE]: 'server:\n  port: 8443\n  ssl:\n    enabled: ${SSL_ENABLED:true}\n    key-store: classpath:ks.p12\n',
      },
    },
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
    {
      // loolzaaa/sso-authentication-server@3d8cc38 (MIT) docker-compose.yml: `build:` names only the Dockerfile (the
      // context defaults to `.`, compose-spec/compose-spec#376) and the command sets the profiles.
      name: 'a Compose build without a context builds its own directory: the command that sets the profiles is the app start',
      files: {
        [BASE]: 'spring:\n  application:\n    name: app\n',
        [TLS_PROFILE]: tlsProfile,
        'app/Dockerfile':
          'FROM eclipse-temurin:17\nCOPY target/app.jar /app.jar\nENTRYPOINT ["java", "-jar", "/app.jar"]\n',
        'app/docker-compose.yml':
          'services:\n  app:\n    build:\n      dockerfile: Dockerfile\n    command:\n      - "--spring.profiles.active=prod,tls"\n',
      },
    },
  ],
  invalid: [
    {
      // The shape of many public apps (find_string 'enabled: ${SSL_ENABLED:false}'): HTTP unless the environment turns HTTPS on.
      name: 'server.ssl.enabled: ${SSL_ENABLED:false} beside a key store: HTTPS only when the variable is set',
      files: {
        [BASE]:
          'server:\n  port: 8443\n  ssl:\n    enabled: ${SSL_ENABLED:false}\n    key-store: ${SSL_KEYSTORE_PATH:classpath:ssl/dev.p12}\n',
      },
      errors: [
        {
          messageId: 'onlyIfSet',
          file: BASE,
          line: 4,
          messageIncludes: ['${SSL_ENABLED:false} resolves to true', 'while the variable is unset it is false'],
        },
      ],
    },
    {
      name: 'server.ssl.enabled: ${SERVER_SSL_ENABLED} (no default) beside a key store: unknown, not checked',
      files: {
        [BASE]: 'server:\n  ssl:\n    enabled: ${SERVER_SSL_ENABLED}\n    key-store: classpath:ks.p12\n',
      },
      errors: [{ messageId: 'onlyIfSet', file: BASE, line: 3, messageIncludes: ['no value and no default'] }],
    },
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
