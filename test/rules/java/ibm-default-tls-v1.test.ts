import rule from '../../../src/rules/java/ibm-default-tls-v1';
import { ruleTester } from '../../helpers/rule-tester';

// Severities (warning alone, error on a failing link) are checked with the default config in examples.test.ts:
// the rule tester configures the rule's severity explicitly, which overrides per-finding severities.
import {
  CLIENT_YML,
  IBM8_SR5,
  IBM8_SR6FP25,
  NGINX_TLS10_12,
  NGINX_TLS12,
  OPENJDK8_191,
  TOMCAT_TLS12,
} from './fixtures';

ruleTester(rule, {
  valid: [
    {
      name: 'overrideDefaultTLS=true in jvm.options',
      files: {
        'client/jdk/release': IBM8_SR5,
        'client/jvm.options': '-Dcom.ibm.jsse2.overrideDefaultTLS=true\n',
        'client/application.yml': CLIENT_YML,
        'api/nginx.conf': NGINX_TLS12,
      },
    },
    {
      name: 'IBM Java 8 SR6 FP25 enables TLSv1.2 by default',
      files: {
        'client/jdk/release': IBM8_SR6FP25,
        'client/application.yml': CLIENT_YML,
        'api/nginx.conf': NGINX_TLS12,
      },
    },
    {
      name: 'OpenJDK 8u191 is not IBM',
      files: {
        'client/jdk/release': OPENJDK8_191,
        'client/application.yml': CLIENT_YML,
        'api/nginx.conf': NGINX_TLS12,
      },
    },
    {
      name: 'overrideDefaultTLS in a Dockerfile ENV JAVA_TOOL_OPTIONS',
      files: {
        'client/jdk/release': IBM8_SR5,
        'client/Dockerfile': 'FROM ibmjava:8-sdk\nENV JAVA_TOOL_OPTIONS="-Dcom.ibm.jsse2.overrideDefaultTLS=true"\n',
        'client/application.properties': 'orders.api.base-url=https://api.example.internal:8443/\n',
        'api/nginx.conf': NGINX_TLS12,
      },
    },
    {
      name: 'overrideDefaultTLS in setenv.sh JAVA_OPTS',
      files: {
        'client/jdk/release': IBM8_SR5,
        'client/bin/setenv.sh': '#!/bin/sh\nJAVA_OPTS="$JAVA_OPTS -Dcom.ibm.jsse2.overrideDefaultTLS=true"\n',
        'client/application.yml': CLIENT_YML,
      },
    },
    {
      name: 'overrideDefaultTLS in a systemd unit',
      files: {
        'client/jdk/release': IBM8_SR5,
        'client/orders.service':
          '[Service]\nEnvironment="JAVA_OPTS=-Dcom.ibm.jsse2.overrideDefaultTLS=true -Xmx1g"\nExecStart=/opt/ibm/java/bin/java $JAVA_OPTS -jar orders.jar\n',
        'client/application.yml': CLIENT_YML,
      },
    },
  ],
  invalid: [
    {
      name: 'IBM Java 8 1.8.0_191 calling a TLSv1.2-only nginx (the seed)',
      files: {
        'client/jdk/release': IBM8_SR5,
        'client/jvm.options': '-Xmx1g\n',
        'client/application.yml': CLIENT_YML,
        'api/nginx.conf': NGINX_TLS12,
      },
      errors: [
        {
          messageId: 'linkedServerRefuses',
          file: 'client/application.yml',
          line: 3,
          messageIncludes: [
            'Received fatal alert: handshake_failure',
            'nginx server api.example.internal:8443',
            'accepts only TLSv1.2',
          ],
          related: [
            { file: 'client/jdk/release', line: 1 },
            { file: 'api/nginx.conf', line: 5 },
            { file: 'client/jvm.options', line: 1 },
          ],
        },
      ],
    },
    {
      name: 'calling a TLSv1.2-only Tomcat connector',
      files: {
        'client/jdk/release': IBM8_SR5,
        'client/application.yml': CLIENT_YML,
        'api/conf/server.xml': TOMCAT_TLS12,
      },
      errors: [
        {
          messageId: 'linkedServerRefuses',
          file: 'client/application.yml',
          line: 3,
          messageIncludes: ['Tomcat connector 8443'],
        },
      ],
    },
    {
      name: 'no linked server: a warning at the JVM options',
      files: {
        'client/jdk/release': IBM8_SR5,
        'client/jvm.options': '-Xmx1g\n',
        'client/application.yml': 'spring:\n  application:\n    name: orders\n',
      },
      errors: [{ messageId: 'tlsV1Only', file: 'client/jvm.options', line: 1 }],
    },
    {
      name: 'linked server still accepts TLSv1: a warning only',
      files: {
        'client/jdk/release': IBM8_SR5,
        'client/jvm.options': '-Xmx1g\n',
        'client/application.yml': CLIENT_YML,
        'api/nginx.conf': NGINX_TLS10_12,
      },
      errors: [{ messageId: 'tlsV1Only', file: 'client/jvm.options', line: 1 }],
    },
    {
      name: 'overrideDefaultTLS=false is the default',
      files: {
        'client/jdk/release': IBM8_SR5,
        'client/jvm.options': '-Dcom.ibm.jsse2.overrideDefaultTLS=false\n',
        'client/application.yml': CLIENT_YML,
        'api/nginx.conf': NGINX_TLS12,
      },
      errors: [{ messageId: 'linkedServerRefuses', file: 'client/application.yml', line: 3 }],
    },
    {
      name: 'link declared in the config',
      files: {
        'client/jdk/release': IBM8_SR5,
        'client/jvm.options': '-Xmx1g\n',
        'gateway/nginx.conf': NGINX_TLS12.replace('api.example.internal', 'gw.internal'),
      },
      config: { links: [{ client: 'client', server: 'gateway' }] },
      errors: [{ messageId: 'linkedServerRefuses', file: 'client/jvm.options', line: 1 }],
    },
  ],
});
