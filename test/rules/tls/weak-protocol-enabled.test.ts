import rule from '../../../src/rules/tls/weak-protocol-enabled';
import { ruleTester } from '../../helpers/rule-tester';
import { OPENJDK8_191, TEMURIN17, liberty, nginx } from './trees';

ruleTester(rule, {
  valid: [
    {
      name: 'Liberty TLSv1.2,TLSv1.3',
      files: { 'api/jdk/release': OPENJDK8_191, 'api/server.xml': liberty('sslProtocol="TLSv1.2,TLSv1.3"') },
    },
    {
      name: 'Liberty TLSv1 on JDK 17: the runtime disables it (java/protocol-disabled-by-runtime)',
      files: { 'api/jdk/release': TEMURIN17, 'api/server.xml': liberty('sslProtocol="TLSv1,TLSv1.2"') },
    },
    {
      name: 'Liberty TLSv1 on FROM eclipse-temurin:17-jre (no update named): every 17 update disables it',
      files: {
        'api/Dockerfile': 'FROM eclipse-temurin:17-jre\n',
        'api/server.xml': liberty('sslProtocol="TLSv1,TLSv1.2"'),
      },
    },
    {
      name: 'nginx servers are tls/server-allows-legacy-protocols',
      files: { 'api/nginx.conf': nginx('ssl_protocols TLSv1 TLSv1.2;') },
    },
    {
      name: 'runtime default protocols are not reported',
      files: { 'api/jdk/release': OPENJDK8_191, 'api/server.xml': liberty('') },
    },
    {
      // 8u291 disables TLSv1.1 and the name's images start at 8u302 (adoptium/containers@733485c4): no update it ran
      // enables it (java/protocol-disabled-by-runtime says it is dropped).
      name: 'Liberty TLSv1.1 on FROM eclipse-temurin:8-jre (no update named): every update the name carried disables it',
      files: {
        'api/Dockerfile': 'FROM eclipse-temurin:8-jre\n',
        'api/server.xml': liberty('sslProtocol="TLSv1.1,TLSv1.2"'),
      },
    },
  ],
  invalid: [
    {
      name: 'Liberty TLSv1.1 on OpenJDK 8u191 (still enabled there)',
      files: { 'api/jdk/release': OPENJDK8_191, 'api/server.xml': liberty('sslProtocol="TLSv1.1,TLSv1.2"') },
      errors: [
        {
          messageId: 'weak',
          file: 'api/server.xml',
          line: 5,
          messageIncludes: ['enables TLSv1.1 (deprecated by RFC 8996)'],
        },
      ],
    },
    {
      // 8 GA to 8u290 leave TLSv1.1 enabled (8u291 disables it): the latest update's lists alone would hide it.
      name: 'Liberty TLSv1.1 on FROM adoptopenjdk:8-jre-hotspot (no update named): enabled on some 8 updates',
      files: {
        'api/Dockerfile': 'FROM adoptopenjdk:8-jre-hotspot\n',
        'api/server.xml': liberty('sslProtocol="TLSv1.1,TLSv1.2"'),
      },
      errors: [{ messageId: 'weak', file: 'api/server.xml', line: 5, messageIncludes: ['enables TLSv1.1'] }],
    },
  ],
});
