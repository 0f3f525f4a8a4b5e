import rule from '../../../src/rules/java/protocol-disabled-by-runtime';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A Spring Boot HTTPS server in an image whose tag names the JDK's feature release only. `openjdk:8` pointed to 8u20 …
 * 8u342 over its history (knowledge jdk-locations.json featureNamesUpdateRanges, from docker-library/openjdk), and
 * TLSv1/TLSv1.1 are disabled by default from 8u291 (JDK-8202343): whether the list is refused depends on the update
 * the image was built with, so a warning naming the range and what to pin, never an error. A verdict the same on every
 * update is that verdict unless the tag also ran early-access builds (all three openjdk lines did); a tag that pins
 * its update is judged as before.
 */
const app = (image: string, protocols: string) => ({
  'app/Dockerfile': `FROM ${image}\nCOPY target/app.jar /app.jar\nCMD ["java","-jar","/app.jar"]\n`,
  'app/src/main/resources/application.properties': `server.port=8443\nserver.ssl.key-store=classpath:keystore.p12\nserver.ssl.enabled-protocols=${protocols}\n`,
});
const atList = { file: 'app/src/main/resources/application.properties', line: 3 };

ruleTester(rule, {
  valid: [
    { name: 'openjdk:8 with TLSv1.2 only: no update disables it', files: app('openjdk:8-jre', 'TLSv1.2') },
    { name: 'openjdk:8u282 pins an update that still enables TLSv1', files: app('openjdk:8u282-jre', 'TLSv1,TLSv1.1') },
    {
      // Every GA update the tag ran (17 GA to 17.0.2) disables TLSv1, but it also ran 17's early-access builds, which no
      // profile covers: unsaid, as before.
      name: 'openjdk:17: the same verdict on every profiled update, but early-access builds too: nothing said',
      files: app('openjdk:17', 'TLSv1'),
    },
  ],
  invalid: [
    {
      name: 'openjdk:8-jre: disabled from 8u291 on, the tag ran 8u20 to 8u342: a warning naming both',
      files: app('openjdk:8-jre', 'TLSv1,TLSv1.1'),
      errors: [
        {
          messageId: 'updateDependent',
          severity: 'warning',
          ...atList,
          messageIncludes: [
            'TLSv1, TLSv1.1 in Spring Boot HTTPS server',
            'are disabled from 8u291 on',
            'any 8u release the tag has pointed to (8u20 to 8u342)',
            "from 8u291 on the handshake fails with 'No appropriate protocol",
            'Pin the update in the tag',
          ],
          related: [{ file: 'app/Dockerfile', line: 1 }],
        },
      ],
    },
    {
      name: 'openjdk:8 with TLSv1 and TLSv1.2: from 8u291 on TLSv1 is dropped, TLSv1.2 stays',
      files: app('openjdk:8', 'TLSv1,TLSv1.2'),
      errors: [
        {
          messageId: 'updateDependent',
          severity: 'warning',
          ...atList,
          messageIncludes: ['TLSv1 in', 'is disabled from 8u291 on', 'silently drops TLSv1 and enables only TLSv1.2'],
        },
      ],
    },
    {
      name: 'openjdk:11: 11 GA to 11.0.16, TLSv1 disabled from 11.0.11 on',
      files: app('openjdk:11-jre-slim', 'TLSv1'),
      errors: [
        {
          messageId: 'updateDependent',
          severity: 'warning',
          ...atList,
          messageIncludes: [
            'disabled from 11.0.11 on',
            'any Java 11 release the tag has pointed to (11 GA to 11.0.16)',
          ],
        },
      ],
    },
    {
      name: 'openjdk:8u292 pins an update that disables TLSv1: an error, as before',
      files: app('openjdk:8u292-jre', 'TLSv1,TLSv1.1'),
      errors: [{ messageId: 'allDisabled', severity: 'error', ...atList }],
    },
    {
      name: 'eclipse-temurin:8 (8u302 on, general-availability builds): every update disables it, as before',
      files: app('eclipse-temurin:8-jre', 'TLSv1,TLSv1.1'),
      errors: [{ messageId: 'allDisabled', severity: 'error', ...atList, messageIncludes: ['from 8u302 on'] }],
    },
  ],
});
