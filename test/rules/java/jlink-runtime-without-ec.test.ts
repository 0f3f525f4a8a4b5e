import rule from '../../../src/rules/java/jlink-runtime-without-ec';
import { ruleTester } from '../../helpers/rule-tester';

// Which runtime lacks SunEC (knowledge jdk-locations.json jlinkEcProvider): a jlink of JDK 9 to 21 whose modules do not
// name jdk.crypto.ec and that binds no services. Checked here with JDK 17.0.15's jlink and openssl s_server: such a
// runtime fails with handshake_failure against EC-only groups, ECDHE-only ciphers or a P-256 certificate; Temurin
// 25.0.3's java.base alone connects. The Dockerfile shape is the one eclipse-temurin's image documentation gives.
const DOCKERFILE = 'app/Dockerfile';
/** A two-stage build: `from` runs jlink with `options`, the running image copies its output. */
const twoStage = (from: string, options: string, copy = 'COPY --from=jre-build /javaruntime $JAVA_HOME') => ({
  [DOCKERFILE]: [
    `FROM ${from} AS jre-build`,
    `RUN $JAVA_HOME/bin/jlink ${options} --strip-debug --no-man-pages --no-header-files --output /javaruntime`,
    'FROM debian:bookworm-slim',
    'ENV JAVA_HOME=/opt/java/openjdk',
    'ENV PATH="${JAVA_HOME}/bin:${PATH}"',
    copy,
    'COPY target/app.jar /app.jar',
    'CMD ["java", "-jar", "/app.jar"]',
    '',
  ].join('\n'),
});

ruleTester(rule, {
  valid: [
    {
      name: 'jdk.crypto.ec named',
      files: twoStage('eclipse-temurin:17', '--add-modules java.base,java.net.http,jdk.crypto.ec'),
    },
    {
      name: 'jdk.crypto.ec in a second --add-modules',
      files: twoStage('eclipse-temurin:17', '--add-modules java.base --add-modules=jdk.crypto.ec'),
    },
    {
      name: '--bind-services adds the providers',
      files: twoStage('eclipse-temurin:17', '--add-modules java.base --bind-services'),
    },
    {
      name: 'JDK 22 and later keep SunEC in java.base',
      files: twoStage('eclipse-temurin:25', '--add-modules java.base'),
    },
    {
      name: 'the modules come from a variable with no value in the tree: unknown',
      files: twoStage('eclipse-temurin:17', '--add-modules ${MODULES}'),
    },
    {
      name: 'ALL-MODULE-PATH: every module of the path',
      files: twoStage('eclipse-temurin:17', '--add-modules ALL-MODULE-PATH'),
    },
    {
      name: 'the running image does not copy the runtime',
      files: twoStage('eclipse-temurin:17', '--add-modules java.base', 'COPY --from=jre-build /build/app.jar /app.jar'),
    },
    {
      name: 'jlink --list-plugins builds nothing',
      files: { [DOCKERFILE]: 'FROM eclipse-temurin:17\nRUN jlink --list-plugins\nCMD ["java", "-version"]\n' },
    },
  ],
  invalid: [
    {
      name: "eclipse-temurin's documented shape: java.base alone on JDK 17, copied by the running image",
      files: twoStage('eclipse-temurin:17', '--add-modules java.base'),
      errors: [
        {
          messageId: 'withoutEc',
          severity: 'warning',
          file: DOCKERFILE,
          line: 2,
          messageIncludes: [
            'jlink builds the runtime /javaruntime (the running image copies it at line 6) from Eclipse Temurin 17',
            'with the modules java.base, without jdk.crypto.ec',
            'Add jdk.crypto.ec to --add-modules',
          ],
        },
      ],
    },
    {
      // adoptium/containers#520: the module list jdeps printed, which never names a provider.
      name: 'modules from jdeps on JDK 21',
      files: twoStage(
        'eclipse-temurin:21-jdk',
        '--add-modules $(jdeps --ignore-missing-deps --print-module-deps app.jar)',
      ),
      errors: [
        {
          messageId: 'withoutEc',
          file: DOCKERFILE,
          line: 2,
          messageIncludes: ["jdeps's output (the modules the code refers to"],
        },
      ],
    },
    {
      // NHS England's FHIR validator Dockerfile shape: jdeps writes deps.info, jlink reads it back.
      name: "jdeps's list written to a file and read back with $(cat …)",
      files: {
        [DOCKERFILE]: [
          'FROM eclipse-temurin:21-jdk-alpine AS jre-build',
          "RUN jdeps --ignore-missing-deps -q --recursive --multi-release 21 --print-module-deps --class-path 'BOOT-INF/lib/*' app.jar > deps.info",
          'RUN jlink --add-modules $(cat deps.info) --strip-debug --no-header-files --no-man-pages --output /javaruntime',
          'FROM alpine:3.21.2',
          'ENV JAVA_HOME=/opt/java/openjdk',
          'COPY --from=jre-build /javaruntime $JAVA_HOME',
          '',
        ].join('\n'),
      },
      errors: [
        { messageId: 'withoutEc', file: DOCKERFILE, line: 3, messageIncludes: ["with the modules jdeps's output"] },
      ],
    },
    {
      name: 'the exec form of RUN, a comment line inside its continuation',
      files: {
        [DOCKERFILE]: [
          'FROM azul/zulu-openjdk-alpine:11.0.3 AS build',
          'RUN ["jlink", "--compress=2", \\',
          '    "--add-modules", "java.desktop,java.naming", \\',
          ' #     "--add-modules", "jdk.crypto.ec", \\',
          '    "--output", "/linked"]',
          'FROM alpine:latest',
          'COPY --from=build /linked /opt/jdk/',
          'ENV PATH=$PATH:/opt/jdk/bin',
          '',
        ].join('\n'),
      },
      errors: [
        {
          messageId: 'withoutEc',
          file: DOCKERFILE,
          line: 2,
          messageIncludes: ['from Azul Zulu 11.0.3 with the modules java.desktop,java.naming,'],
        },
      ],
    },
    {
      name: 'java.se names no jdk.* module',
      files: twoStage('eclipse-temurin:11', '--add-modules=java.se'),
      errors: [
        {
          messageId: 'withoutEc',
          file: DOCKERFILE,
          line: 2,
          messageIncludes: ['from Eclipse Temurin 11 with the modules java.se'],
        },
      ],
    },
    {
      name: 'a build argument with a default gives the modules',
      files: {
        [DOCKERFILE]: [
          'FROM eclipse-temurin:17 AS jre-build',
          'ARG MODULES=java.base,java.sql',
          'RUN jlink --add-modules "$MODULES" --output /opt/jre',
          'FROM gcr.io/distroless/base-debian12',
          'COPY --from=jre-build /opt /opt',
          'ENTRYPOINT ["/opt/jre/bin/java", "-jar", "/app.jar"]',
          '',
        ].join('\n'),
      },
      errors: [
        {
          messageId: 'withoutEc',
          file: DOCKERFILE,
          line: 3,
          messageIncludes: ['/opt/jre (the running image copies it at line 5)', 'java.base,java.sql'],
        },
      ],
    },
    {
      name: 'the running stage runs jlink itself from an installed JDK the image does not name',
      files: {
        [DOCKERFILE]: [
          'FROM alpine:3.19',
          'RUN apk add openjdk11-jdk openjdk11-jmods && /usr/lib/jvm/java-11-openjdk/bin/jlink --add-modules java.base,java.logging --output /jre && apk del openjdk11-jdk',
          'ENTRYPOINT ["/jre/bin/java", "-jar", "/app.jar"]',
          '',
        ].join('\n'),
      },
      errors: [
        { messageId: 'withoutEc', file: DOCKERFILE, line: 2, messageIncludes: ['jlink builds the runtime /jre from'] },
      ],
    },
    {
      name: 'a JDK image with no version in its tag: said as a condition, as an info',
      files: twoStage('eclipse-temurin:latest', '--add-modules java.base'),
      errors: [
        {
          messageId: 'withoutEcUnknownJdk',
          severity: 'info',
          file: DOCKERFILE,
          line: 2,
          messageIncludes: [
            'from a JDK the tree does not name: if it is JDK 9 to 21',
            'java.base holds it from JDK 22',
          ],
        },
      ],
    },
  ],
});
