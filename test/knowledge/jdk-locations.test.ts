import {
  imageJavaHome,
  packageSecurityFileSource,
  jdkFromArchive,
  jdkFromImage,
  jdkFromPackage,
  jdkHomeFilesOfImage,
  jdkFromPath,
  sameDefaultsEveryUpdate,
  splitImageReference,
  updateSpans,
} from '../../src/knowledge';

// Image and install-path names → vendor and version (src/knowledge/data/jdk-locations.json).
describe('jdkFromImage', () => {
  it.each([
    ['eclipse-temurin:8u202-b08-jre', 'temurin', '1.8.0_202-b08', '8'],
    ['docker.io/library/eclipse-temurin:11.0.23_9-jdk-jammy', 'temurin', '11.0.23+9', '11'],
    ['eclipse-temurin:11.0.20.1_1-jdk-alpine', 'temurin', '11.0.20+1', '11'],
    ['eclipse-temurin:21_35-jre', 'temurin', '21+35', '21'],
    ['eclipse-temurin:17-jre', 'temurin', undefined, '17'],
    ['eclipse-temurin', 'temurin', undefined, undefined],
    ['openjdk:8u212-b04-jre', 'openjdk', '1.8.0_212-b04', '8'],
    ['openjdk:11.0.2-jre-slim', 'openjdk', '11.0.2', '11'],
    ['openjdk:8-jre', 'openjdk', undefined, '8'],
    ['amazoncorretto:8.402.08.1', 'corretto', '1.8.0_402-b08', '8'],
    ['public.ecr.aws/amazoncorretto/amazoncorretto:17.0.10-al2023', 'corretto', '17.0.10', '17'],
    ['amazoncorretto:21', 'corretto', undefined, '21'],
    ['azul/zulu-openjdk:8u202', 'zulu', '1.8.0_202', '8'],
    ['ibmjava:8.0.6.25-jre', 'ibm', '8.0.6.25', '8'],
    ['ibmjava:8-sdk', 'ibm', undefined, '8'],
    ['ibmjava:jre', 'ibm', undefined, '8'],
    ['ibm-semeru-runtimes:open-8u372-b07-jre-focal', 'semeru', '1.8.0_372-b07', '8'],
    ['ibm-semeru-runtimes:open-11.0.19_7-jdk', 'semeru', '11.0.19+7', '11'],
    ['ibm-semeru-runtimes:open-17-jre', 'semeru', undefined, '17'],
    ['icr.io/appcafe/websphere-liberty:24.0.0.3-full-java8-ibmjava-ubi', 'ibm', undefined, '8'],
    ['icr.io/appcafe/open-liberty:kernel-slim-java17-openj9-ubi', 'semeru', undefined, '17'],
    ['open-liberty:latest', 'unknown', undefined, undefined],
    ['tomcat:9.0.85-jre8-temurin-jammy', 'temurin', undefined, '8'],
    ['tomcat:8.5-jdk11-openjdk', 'openjdk', undefined, '11'],
    ['registry.access.redhat.com/ubi9/openjdk-17-runtime:1.18', 'redhat', undefined, '17'],
    // GoogleContainerTools/distroless java/README.md: Debian's OpenJDK on debian11/12, Temurin on debian13 and for 21.
    ['gcr.io/distroless/java17-debian12', 'openjdk', undefined, '17'],
    ['gcr.io/distroless/java11-debian11:nonroot', 'openjdk', undefined, '11'],
    ['gcr.io/distroless/java21-debian12:latest', 'temurin', undefined, '21'],
    ['gcr.io/distroless/java25-debian13', 'temurin', undefined, '25'],
    ['gcr.io/distroless/java:11', 'openjdk', undefined, '11'],
    ['gcr.io/distroless/java-debian10:11-debug', 'openjdk', undefined, '11'],
    ['gcr.io/distroless/java:latest', 'openjdk', undefined, undefined],
    ['quay.io/wildfly/wildfly:26.1.3.Final-jdk17', 'temurin', undefined, '17'],
    ['quay.io/wildfly/wildfly:latest-jdk21', 'temurin', undefined, '21'],
    ['quay.io/wildfly/wildfly:26.1.3.Final', 'temurin', undefined, undefined],
    ['jboss/wildfly:10.1.0.Final', 'redhat', undefined, '8'],
    ['jboss/wildfly:25.0.0.Final', 'redhat', undefined, '11'],
    ['jboss/wildfly:latest', 'redhat', undefined, undefined],
    ['jboss/base-jdk:11', 'redhat', undefined, '11'],
    ['ibmcom/mq:9.3.0.0-r1', 'ibm', undefined, undefined],
    // bell-sw/Liberica docker/repos: tags <feature>, <feature>.0.<update>, 8u<update> (+ -cds, architecture); OpenJDK builds.
    ['bellsoft/liberica-openjdk-debian:21.0.6', 'openjdk', '21.0.6', '21'],
    ['bellsoft/liberica-openjre-alpine:17.0.16-cds', 'openjdk', '17.0.16', '17'],
    ['ghcr.io/bell-sw/liberica-openjdk-alpine-musl:8u462-x86_64', 'openjdk', '1.8.0_462', '8'],
    ['bellsoft/liberica-openjdk-alpine:8u-cds', 'openjdk', undefined, '8'],
    ['bellsoft/liberica-openjdk-rocky:21', 'openjdk', undefined, '21'],
    ['bellsoft/liberica-openjdk-debian', 'openjdk', undefined, undefined], // latest moves between features
    // bell-sw/Alpaquita liberica-runtime-container: the feature only (container JRE modules, early-access tags).
    ['bellsoft/liberica-runtime-container:jre-21-slim-musl', 'openjdk', undefined, '21'],
    ['bellsoft/liberica-runtime-container:jdk-21.0.3_10-musl', 'openjdk', undefined, '21'],
    ['bellsoft/liberica-runtime-container:jdk-all-25-musl', 'openjdk', undefined, '25'],
    ['bellsoft/liberica-runtime-container:jdk-cds-slim', 'openjdk', undefined, undefined],
    // library/sapmachine: 2024 scheme, 2023 prefix scheme, 2019 scheme; tags without a feature name none.
    ['sapmachine:21', 'openjdk', undefined, '21'],
    ['sapmachine:21-jre-headless-ubuntu-jammy', 'openjdk', undefined, '21'],
    ['sapmachine:26.0.2.1-jre-alpine-3.23', 'openjdk', '26.0.2', '26'],
    ['sapmachine:jre-headless-ubuntu-jammy-17.0.8.1', 'openjdk', '17.0.8', '17'],
    ['sapmachine:ubuntu-22.04-11', 'openjdk', undefined, '11'],
    ['sapmachine:11.0.9', 'openjdk', '11.0.9', '11'],
    ['sapmachine:lts', 'openjdk', undefined, undefined],
    ['sapmachine:ubuntu-22.04', 'openjdk', undefined, undefined],
    ['sapmachine:jre-headless-ubuntu-jammy-22.04', 'openjdk', undefined, undefined],
    // microsoft/openjdk-docker build-images.yml: msopenjdk-N, and Temurin 8 for :8-<distro>.
    ['mcr.microsoft.com/openjdk/jdk:21-ubuntu', 'openjdk', undefined, '21'],
    ['mcr.microsoft.com/openjdk/jdk:17-distroless', 'openjdk', undefined, '17'],
    ['mcr.microsoft.com/openjdk/jdk:8-mariner', 'temurin', undefined, '8'],
    ['mcr.microsoft.com/openjdk/jdk:latest', 'unknown', undefined, undefined],
    // graalvm/container README: the new scheme names the Java version; the old one javaN and the GraalVM release.
    ['ghcr.io/graalvm/jdk-community:25.0.2-ol9-20260120', 'openjdk', '25.0.2', '25'],
    ['ghcr.io/graalvm/graalvm-community:21', 'openjdk', undefined, '21'],
    ['ghcr.io/graalvm/jdk:java17-22.3.1', 'openjdk', undefined, '17'],
    ['ghcr.io/graalvm/graalvm-ce:ol8-java11-21.3.0', 'openjdk', undefined, '11'],
    ['oracle/graalvm-ce:20.3.0-java11', 'openjdk', undefined, '11'],
    ['ghcr.io/graalvm/jdk:17.0.7-ol9', 'openjdk', '17.0.7', '17'],
    ['ghcr.io/graalvm/graalvm-ce:21.0.0', 'openjdk', undefined, undefined], // GraalVM 21.0.0 (Java 8 or 11), not JDK 21
    ['ghcr.io/graalvm/jdk:22', 'openjdk', undefined, undefined], // GraalVM 22 or JDK 22: unknown
    ['container-registry.oracle.com/graalvm/jdk:21.0.0-ol9-20230919', 'oracle', '21.0.0', '21'],
    ['container-registry.oracle.com/graalvm/jdk:17', 'oracle', undefined, '17'],
  ])('%s → %s %s (feature %s)', (image, vendor, version, feature) => {
    const jdk = jdkFromImage(image);
    expect({ vendor: jdk?.vendor, version: jdk?.version, feature: jdk?.feature }).toEqual({ vendor, version, feature });
    expect(jdkFromImage(image)?.source).toMatch(/^https:\/\//);
  });

  it.each(['ubuntu:22.04', 'nginx:1.25', 'node:20'])('%s is no JDK image lint-deploy knows', (image) => {
    expect(jdkFromImage(image)).toBeUndefined();
  });

  // Build images (library/maven, library/gradle: every tag of every revision against its Dockerfile's FROM;
  // AdoptOpenJDK/openjdk-docker-build-tools): the JDK image each tag family is built from; a tag whose JDK family
  // changed over the years (maven:3, gradle:latest, gradle:jdk) or one without a vendor family here names none.
  it.each([
    ['maven:3.9-eclipse-temurin-17', 'temurin', '17', true],
    ['maven:3.9.6-eclipse-temurin-21-alpine', 'temurin', '21', true],
    ['maven:4.0.0-rc-5-eclipse-temurin-17-noble', 'temurin', '17', true],
    ['maven:3.6.3-adoptopenjdk-11', 'temurin', '11', true],
    ['maven:3-jdk-11-openj9', 'temurin', '11', true],
    ['maven:3-amazoncorretto-11-debian-bookworm', 'corretto', '11', false],
    ['maven:3-ibm-semeru-17-focal', 'semeru', '17', false],
    ['maven:3-ibmjava', 'ibm', '8', false],
    ['maven:3-ibmjava-8-alpine', 'ibm', '8', false],
    ['maven:3-jdk-8', 'openjdk', '8', false],
    ['maven:3.8.1-openjdk-11-slim', 'openjdk', '11', false],
    ['maven:3', 'unknown', undefined, false],
    ['maven:3-openjdk', 'unknown', undefined, false],
    ['maven:3-sapmachine-17', 'openjdk', '17', true],
    ['maven:4.0.0-rc-5-sapmachine-21', 'openjdk', '21', true],
    ['maven:3-ibmjava-9', 'unknown', undefined, false],
    ['maven:3-jdk-8-onbuild', 'unknown', undefined, false],
    ['gradle:jdk17', 'temurin', '17', true],
    ['gradle:8.5-jdk21', 'temurin', '21', true],
    ['gradle:7.6-jdk11-alpine', 'temurin', '11', true],
    ['gradle:jdk8-jammy', 'temurin', '8', true],
    ['gradle:jdk-21-and-23', 'temurin', '21', true],
    ['gradle:6.9-jdk16', 'temurin', '16', true],
    ['gradle:6.9-jre11-openj9', 'temurin', '11', true],
    ['gradle:jdk21-corretto-al2023', 'corretto', '21', false],
    ['gradle:jdk11', 'openjdk', '11', false], // openjdk:11-jdk, then adoptopenjdk, then eclipse-temurin
    ['gradle:jdk8-alpine', 'openjdk', '8', false],
    ['gradle:4.10-jdk10-slim', 'openjdk', '10', false],
    ['gradle:jdk17-graal', 'unknown', undefined, false],
    ['gradle:jdk-lts-and-current', 'unknown', undefined, false],
    ['gradle:latest', 'unknown', undefined, false],
    ['adoptopenjdk/maven-openjdk11-openj9:latest', 'temurin', '11', true],
    ['adoptopenjdk/maven-openjdk8', 'temurin', '8', true],
    ['adoptopenjdk/maven-openjdk11:nightly', 'temurin', '11', false], // nightly builds are no GA release
    // Distroless: Temurin builds pinned to GA releases; Debian's packages carry no such claim (bullseye predates 17 GA).
    ['gcr.io/distroless/java21-debian12:nonroot', 'temurin', '21', true],
    ['gcr.io/distroless/java17-debian13', 'temurin', '17', true],
    ['gcr.io/distroless/java17-debian12', 'openjdk', '17', false],
    ['gcr.io/distroless/java17-debian11', 'openjdk', '17', false],
    // Release builds only (bell-sw/Liberica Dockerfile history, library/sapmachine history, microsoft/openjdk-docker).
    ['bellsoft/liberica-openjdk-debian:21', 'openjdk', '21', true],
    ['bellsoft/liberica-openjre-alpine:17-cds', 'openjdk', '17', true],
    ['sapmachine:21-jre', 'openjdk', '21', true],
    ['mcr.microsoft.com/openjdk/jdk:21-ubuntu', 'openjdk', '21', true],
    ['mcr.microsoft.com/openjdk/jdk:8-distroless', 'temurin', '8', true],
    // No source on early-access images read (the runtime container has tags of unreleased features).
    ['bellsoft/liberica-runtime-container:jre-21-glibc', 'openjdk', '21', false],
    ['ghcr.io/graalvm/jdk-community:21', 'openjdk', '21', false],
    ['container-registry.oracle.com/graalvm/jdk:21', 'oracle', '21', false],
  ])('build image %s → %s (feature %s), GA updates only: %s', (image, vendor, feature, ga) => {
    const jdk = jdkFromImage(image);
    expect({ vendor: jdk?.vendor, version: jdk?.version, feature: jdk?.feature }).toEqual({
      vendor,
      version: undefined,
      feature,
    });
    expect(Boolean(jdk?.gaUpdates)).toBe(ga);
    if (jdk?.gaUpdates) expect(jdk.gaUpdates).toMatch(/https:\/\//);
  });

  it('splits registry ports, tags and digests', () => {
    expect(splitImageReference('registry:5000/team/app:1.2@sha256:abc')).toEqual({
      name: 'registry:5000/team/app',
      tag: '1.2',
    });
    expect(splitImageReference('registry:5000/team/app')).toEqual({ name: 'registry:5000/team/app', tag: 'latest' });
  });
});

describe('jdkFromPath', () => {
  it.each([
    ['/usr/lib/jvm/java-1.8.0-openjdk-1.8.0.202.b08-1.el7_6.x86_64', 'redhat', '1.8.0_202-b08', '8'],
    ['/usr/lib/jvm/java-11-openjdk-11.0.2.7-0.el7_6.x86_64/bin', 'redhat', '11.0.2+7', '11'],
    ['/usr/lib/jvm/jre-1.8.0-openjdk', 'redhat', undefined, '8'],
    ['/usr/lib/jvm/java-17-openjdk-amd64', 'openjdk', undefined, '17'],
    ['/usr/lib/jvm/java-1.8.0-ibm-1.8.0.6.25-1jpp.1.el7.x86_64', 'ibm', '8.0.6.25', undefined],
    ['/usr/lib/jvm/temurin-21-jdk-amd64', 'temurin', undefined, '21'],
    ['/usr/lib/jvm/java-17-amazon-corretto', 'corretto', undefined, '17'],
    ['/usr/java/jdk1.8.0_202-amd64', 'oracle', '1.8.0_202', '8'],
    ['/opt/IBM/WebSphere/AppServer/java/8.0', 'ibm', undefined, '8'],
    ['/opt/java/openjdk', 'temurin', undefined, undefined],
    ['/opt/jdk8u202-b08', 'temurin', '1.8.0_202-b08', '8'],
    ['/opt/jdk-11.0.2', 'unknown', '11.0.2', '11'],
  ])('%s → %s %s', (installPath, vendor, version, feature) => {
    const jdk = jdkFromPath(installPath);
    expect({ vendor: jdk?.vendor, version: jdk?.version, feature: jdk?.feature }).toEqual({ vendor, version, feature });
  });

  it.each(['/opt/app/jre', '/usr/bin', '/usr/lib/jvm/default-java'])('%s names no JDK', (installPath) => {
    expect(jdkFromPath(installPath)).toBeUndefined();
  });
});

describe('a name giving only the feature release', () => {
  it.each([
    ['eclipse-temurin:26-jre', true],
    ['adoptopenjdk:16-jre-hotspot', true],
    ['openjdk:26', false], // early-access builds only from 19 on (docker-library/openjdk#522, #550)
    ['amazoncorretto:26', false],
    ['eclipse-temurin:26.0.1_8-jre', false], // names its update: nothing to stand in for
  ])('%s runs general-availability updates only: %s', (image, ga) => {
    const jdk = jdkFromImage(image);
    expect(Boolean(jdk?.gaUpdates && !jdk.version)).toBe(ga);
    if (jdk?.gaUpdates) expect(jdk.gaUpdates).toMatch(/https:\/\//);
  });

  // adoptium/containers@733485c4 (2021-08-03): the first Dockerfiles set jdk8u302-b08, jdk-11.0.12+7, jdk-16.0.2+7;
  // 17 and later started at their GA builds (no firstUpdate).
  it.each([
    ['eclipse-temurin:8-jre', 302],
    ['eclipse-temurin:8', 302],
    ['registry.example.com/base/eclipse-temurin:11-jdk-focal', 12],
    ['eclipse-temurin:16', 2],
    ['eclipse-temurin:17-jre', undefined],
    ['eclipse-temurin:8u292-b10-jre', undefined], // names its update
    ['adoptopenjdk:8-jre-hotspot', undefined], // its first images not looked up
  ])('%s: the first update the name carried is %s', (image, first) => {
    expect(jdkFromImage(image)?.firstUpdate).toBe(first);
  });

  it.each([
    ['temurin', 26, true],
    ['temurin', 27, true],
    ['temurin', 25, true], // its two disabledAlgorithms rows hold the same value
    ['openjdk', 16, true],
    ['temurin', 17, false], // jdk.tls.disabledAlgorithms changed in 17.0.12, 17.0.13, …
    ['temurin', 21, false],
    ['corretto', 11, false],
    ['openjdk', 8, false], // jdk.tls.server.protocols is read from 8u261 only
    ['openjdk', 6, false], // profiled only up to 6u45
    ['ibm', 8, false], // follows the service refresh
    ['temurin', 28, false], // no profile at all
  ] as const)('%s %i: the same TLS defaults in every update: %s', (vendor, feature, same) => {
    expect(sameDefaultsEveryUpdate(vendor, feature)).toBe(same);
  });

  // The spans a feature-only name may run (src/handshake/jsse-end.ts checks a link on each): from GA, contiguous, the
  // last one open; none where some update is not profiled, a default is unsettled, or the SDK follows its service refresh.
  it.each([
    ['temurin', 17, 0, 19],
    ['temurin', 21, 0, 11],
    ['temurin', 8, 0, 431],
    ['temurin', 11, 0, 31],
    ['temurin', 26, 0, 0],
  ] as const)(
    '%s %i: spans of updates with the same defaults from %i, the last from %i',
    (vendor, feature, first, last) => {
      const spans = updateSpans(vendor, feature) ?? [];
      expect(spans[0]?.from).toBe(first);
      expect(spans.at(-1)).toEqual({ from: last });
      spans.slice(1).forEach((span, i) => expect(span.from).toBe((spans[i]?.to ?? NaN) + 1));
    },
  );

  it.each([
    // 8u351: jdk.certpath.disabledAlgorithms; 8u352: TLS 1.3 in the client's defaults; 8u431: ECDH disabled
    ['temurin', 8, 302, [302, 351, 352, 431]],
    ['temurin', 11, 12, [12, 13, 15, 17, 21, 24, 25, 30, 31]],
    ['temurin', 17, 0, [0, 5, 8, 12, 13, 18, 19]],
  ] as const)(
    '%s %i from update %i (the first its images carried): spans from %j',
    (vendor, feature, first, starts) => {
      const spans = updateSpans(vendor, feature, first) ?? [];
      expect(spans.map((s) => s.from)).toEqual(starts);
      expect(spans.at(-1)?.to).toBeUndefined();
    },
  );

  it.each([
    ['temurin', 28], // no profile at all
    ['openjdk', 6], // profiled only up to 6u45
    ['zulu', 8], // 8u262-8u271: a default no public source settles
    ['ibm', 8], // follows the service refresh
  ] as const)('%s %i: no spans', (vendor, feature) => {
    expect(updateSpans(vendor, feature)).toBeUndefined();
  });
});

describe("where an image's JDK keeps cacerts and java.security (homeLayouts)", () => {
  it.each([
    // JEP 220: no jre/ from JDK 9 on.
    ['eclipse-temurin:17.0.9_9-jre', 'lib/security/cacerts', 'conf/security/java.security'],
    ['eclipse-temurin:17', 'lib/security/cacerts', 'conf/security/java.security'],
    ['openjdk:11-jdk-slim', 'lib/security/cacerts', 'conf/security/java.security'],
    // adoptium/containers 8/jdk and 8/jre entrypoint.sh (JRE_CACERTS_PATH).
    ['eclipse-temurin:8u202-b08-jdk', 'jre/lib/security/cacerts', 'jre/lib/security/java.security'],
    ['eclipse-temurin:8-jre', 'lib/security/cacerts', 'lib/security/java.security'],
    ['tomcat:9-jre8-temurin', 'lib/security/cacerts', 'lib/security/java.security'],
    // ibmruntimes/ci.docker: JAVA_HOME=/opt/ibm/java/jre in every IBM Java 8 variant (jre, sdk, sfj): the JRE itself.
    ['ibmjava:8-ubi', 'lib/security/cacerts', 'lib/security/java.security'],
    ['ibmjava:8-sdk', 'lib/security/cacerts', 'lib/security/java.security'],
    ['ibmjava:8.0.8.70-jre', 'lib/security/cacerts', 'lib/security/java.security'],
    // The official jenkins image's Debian openjdk-8-jdk: a JDK whose tag says neither JDK nor JRE.
    ['jenkins:1.625.3', 'jre/lib/security/cacerts', 'jre/lib/security/java.security'],
  ])('%s: %s, %s', (image, cacerts, javaSecurity) => {
    expect(jdkHomeFilesOfImage(image)).toMatchObject({ cacerts, javaSecurity });
  });

  it.each([
    'eclipse-temurin:8u202-b08', // a JDK 8 tag that does not say JDK or JRE
    'eclipse-temurin:latest', // no feature
    'mycorp/base:1.0', // not an image lint-deploy knows
  ])('%s: unknown', (image) => {
    expect(jdkHomeFilesOfImage(image)).toBeUndefined();
  });

  it('the JAVA_HOME of eclipse-temurin, the Tomcat -temurin and TomEE Temurin tags and the Alpine openjdk 8 images; others are not known', () => {
    expect(imageJavaHome('eclipse-temurin:17-jre')).toBe('/opt/java/openjdk');
    expect(imageJavaHome('ibmjava:8-ubi')).toBe('/opt/ibm/java/jre');
    expect(imageJavaHome('ibmjava:8-sdk')).toBe('/opt/ibm/java/jre');
    // docker-library/tomcat: the -temurin tags are built FROM eclipse-temurin and keep its JAVA_HOME.
    expect(imageJavaHome('tomcat:10.1.57-jdk21-temurin-noble')).toBe('/opt/java/openjdk');
    expect(imageJavaHome('tomcat:9.0.44-jdk16-openjdk-buster')).toBeUndefined();
    // tomitribe/docker-tomee@78a4e45 TomEE-9.1/jre17/Temurin: FROM eclipse-temurin:17-jre-jammy, no JAVA_HOME of its own
    // (ipb-halle/CRIMSy's tomee:9-jre17-plume); TomEE 8's, the Semeru and OpenJDK tags and tags without jre<N>: not said.
    expect(imageJavaHome('tomee:9-jre17-plume')).toBe('/opt/java/openjdk');
    expect(imageJavaHome('tomee:10.1.0-jre21-temurin-plus')).toBe('/opt/java/openjdk');
    expect(imageJavaHome('tomee:9.1.3-jre17-semeru-plume')).toBeUndefined();
    expect(imageJavaHome('tomee:10.0-jre17-openjdk-plus')).toBeUndefined();
    expect(imageJavaHome('tomee:8.0.16-jre11-plus')).toBeUndefined();
    expect(imageJavaHome('tomee:8-jre-7.0.2-plume')).toBeUndefined();
    expect(imageJavaHome('tomee:9-plume')).toBeUndefined();
    // docker-library/openjdk 8/jre/alpine: Alpine's openjdk8-jre.
    expect(imageJavaHome('openjdk:8-jre-alpine')).toBe('/usr/lib/jvm/java-1.8-openjdk/jre');
    // The deprecated jenkins image (FROM java:8-jdk, openjdk:8-jdk before 2019: Debian's openjdk-8-jdk; -alpine: Alpine's).
    expect(imageJavaHome('jenkins:1.625.3')).toBe('/usr/lib/jvm/java-8-openjdk-amd64');
    expect(imageJavaHome('jenkins:2.60.3-alpine')).toBe('/usr/lib/jvm/java-1.8-openjdk');
    expect(imageJavaHome('jenkins:1.596.2')).toBeUndefined(); // Java 7: not checked
    // docker-library/openjdk@837d7bc 8/ and 11/ Debian variants: the upstream archive under /usr/local/openjdk-N since
    // 3eb0351 (2019-05-22); the bare tag of 8 and 11 is the Debian variant.
    expect(imageJavaHome('openjdk:11')).toBe('/usr/local/openjdk-11');
    expect(imageJavaHome('openjdk:11.0-jdk')).toBe('/usr/local/openjdk-11');
    expect(imageJavaHome('openjdk:11.0.16-jre-slim-bullseye')).toBe('/usr/local/openjdk-11');
    expect(imageJavaHome('openjdk:11-slim-buster')).toBe('/usr/local/openjdk-11');
    expect(imageJavaHome('openjdk:8-jdk-slim')).toBe('/usr/local/openjdk-8');
    expect(imageJavaHome('openjdk:8u342-jre-bullseye')).toBe('/usr/local/openjdk-8');
    // Built before the move (Debian's package), Oracle Linux, stretch: not said.
    expect(imageJavaHome('openjdk:8u111-jdk')).toBeUndefined();
    expect(imageJavaHome('openjdk:11.0.2-jdk')).toBeUndefined();
    expect(imageJavaHome('openjdk:11-oraclelinux8')).toBeUndefined();
    expect(imageJavaHome('openjdk:8-jdk-stretch')).toBeUndefined();
  });

  // docker-library/openjdk@a2e23b0 (generate-stackbrew-library.sh: "version 12+ moves latest over to the
  // Oracle-based builds"): the bare tag and -oracle(linuxN) are Oracle Linux with /usr/java/openjdk-N, the Debian
  // variants of 17+ /usr/local/openjdk-N; 13 (ec86b47) kept /usr/java in its Debian tags too. docker-library/tomcat@92855db:
  // the -jre8-alpine and -jre7-alpine tags are built FROM openjdk:8-jre-alpine and openjdk:7-jre-alpine.
  it.each<[string, string | undefined]>([
    ['openjdk:17', '/usr/java/openjdk-17'],
    ['openjdk:21', '/usr/java/openjdk-21'],
    ['openjdk:17.0.2-jdk', '/usr/java/openjdk-17'],
    ['openjdk:21-ea-35-jdk-oraclelinux8', '/usr/java/openjdk-21'],
    ['openjdk:12-oracle', '/usr/java/openjdk-12'],
    ['openjdk:16-jdk', '/usr/java/openjdk-16'],
    ['openjdk:17-slim', '/usr/local/openjdk-17'],
    ['openjdk:17.0.2-jdk-slim-bullseye', '/usr/local/openjdk-17'],
    ['openjdk:21-bookworm', '/usr/local/openjdk-21'],
    ['openjdk:13-slim', '/usr/java/openjdk-13'],
    ['openjdk:13-buster', '/usr/java/openjdk-13'],
    ['tomcat:8.0-jre8-alpine', '/usr/lib/jvm/java-1.8-openjdk/jre'],
    ['tomcat:8.5.34-jre8-alpine', '/usr/lib/jvm/java-1.8-openjdk/jre'],
    ['tomcat:7-jre7-alpine', '/usr/lib/jvm/java-1.7-openjdk/jre'],
    // 14 to 16: the Debian tags moved from /usr/java to /usr/local in 2020 (83fbf16d): when built decides.
    ['openjdk:15-slim', undefined],
    ['openjdk:16-jdk-buster', undefined],
    ['openjdk:17-alpine', undefined],
    ['openjdk:17-windowsservercore', undefined],
    ['tomcat:8.5-alpine', undefined],
  ])('%s: JAVA_HOME %s', (image, home) => {
    expect(imageJavaHome(image)).toBe(home);
  });
});

describe('the JDK an operating system package installs (packages)', () => {
  it.each([
    ['openjdk-17-jre-headless', 'openjdk', '17'],
    ['openjdk-11-jdk=11.0.20+8-1ubuntu1~22.04', 'openjdk', '11'],
    ['java-21-openjdk-headless', 'redhat', '21'],
    ['java-1.8.0-openjdk-devel', 'redhat', '8'],
  ])('%s: %s %s', (name, vendor, feature) => {
    expect(jdkFromPackage(name)).toMatchObject({ vendor, feature });
  });
  it.each(['default-jre', 'openjdk', 'ca-certificates-java'])('%s: not known', (name) => {
    expect(jdkFromPackage(name)).toBeUndefined();
  });

  // Debian/openjdk-8@4fd1aff debian/rules: java.security moved to /etc/java-8-openjdk/security/ and linked from
  // jre/lib/security/; openjdk-17-jre-headless 17.0.15 measured here (conf/security/java.security -> /etc/java-17-…).
  it.each<[string, string, boolean]>([
    ['openjdk-8-jdk', '/etc/java-8-openjdk/security/java.security', true],
    ['openjdk-8-jre-headless', '/usr/lib/jvm/java-8-openjdk-amd64/jre/lib/security/java.security', true],
    ['openjdk-17-jre-headless=17.0.15+6-1~deb12u1', '/etc/java-17-openjdk/security/java.security', true],
    ['openjdk-17-jdk', '/usr/lib/jvm/java-17-openjdk-arm64/conf/security/java.security', true],
    ['openjdk-11-jre', '/usr/lib/jvm/java-1.11.0-openjdk-amd64/conf/security/java.security', true],
    ['openjdk-8-jdk', '/etc/java-11-openjdk/security/java.security', false],
    ['openjdk-8-jdk', '/usr/lib/jvm/java-8-openjdk-amd64/conf/security/java.security', false],
    ['openjdk-17-jdk', '/usr/lib/jvm/java-17-openjdk-amd64/jre/lib/security/java.security', false],
    // ystk/debian-openjdk-7@09b9ec9 debian/rules (Debian's openjdk-7 7u321 packaging): the same move and link as JDK 8's.
    ['openjdk-7-jdk', '/etc/java-7-openjdk/security/java.security', true],
    ['openjdk-7-jre-headless', '/usr/lib/jvm/java-7-openjdk-amd64/jre/lib/security/java.security', true],
    ['openjdk-7-jdk', '/usr/lib/jvm/java-7-openjdk-amd64/conf/security/java.security', false],
    ['openjdk-6-jdk', '/etc/java-6-openjdk/security/java.security', false], // no source for openjdk-6's packaging
    ['java-11-openjdk-headless', '/etc/java/java-11-openjdk/conf/security/java.security', false],
  ])('%s reads %s: %s', (name, file, reads) => {
    expect(packageSecurityFileSource(name, file) !== undefined).toBe(reads);
  });
});

describe('the JDK an archive file name gives (archives)', () => {
  it.each<[string, string, string | undefined, string]>([
    // The names of the brief: jdk.java.net's RI, Temurin, Oracle 8, Corretto's latest link, Zulu.
    ['openjdk-11+28_linux-x64_bin.tar.gz', 'openjdk', '11+28', '11'],
    ['openjdk-17.0.2_linux-x64_bin.tar.gz', 'openjdk', '17.0.2', '17'],
    ['openjdk-21_linux-x64_bin.tar.gz', 'openjdk', undefined, '21'],
    ['OpenJDK17U-jdk_x64_linux_hotspot_17.0.9_9.tar.gz', 'temurin', '17.0.9+9', '17'],
    ['OpenJDK17U-jre_aarch64_alpine-linux_hotspot_17.0.9_9.tar.gz', 'temurin', '17.0.9+9', '17'],
    ['OpenJDK8U-jdk_x64_linux_hotspot_8u392b08.tar.gz', 'temurin', '1.8.0_392-b08', '8'],
    ['OpenJDK21U-jdk_x64_linux_hotspot_21_35.tar.gz', 'temurin', '21+35', '21'],
    ['jdk-8u202-linux-x64.tar.gz', 'oracle', '1.8.0_202', '8'],
    ['jdk-17.0.9_linux-x64_bin.tar.gz', 'oracle', '17.0.9', '17'],
    ['jdk-17_linux-x64_bin.tar.gz', 'oracle', undefined, '17'],
    ['amazon-corretto-17-x64-linux-jdk.tar.gz', 'corretto', undefined, '17'],
    ['amazon-corretto-17.0.9.8.1-linux-x64.tar.gz', 'corretto', '17.0.9+8', '17'],
    ['amazon-corretto-8.392.08.1-linux-x64.tar.gz', 'corretto', '1.8.0_392-b08', '8'],
    ['zulu17.44.53-ca-jdk17.0.8.1-linux_x64.tar.gz', 'zulu', '17.0.8.1', '17'],
    ['zulu17.46.19-ca-jdk17.0.9-linux_x64.tar.gz', 'zulu', '17.0.9', '17'],
    ['zulu8.74.0.17-ca-jdk8.0.392-linux_x64.tar.gz', 'zulu', '1.8.0_392', '8'],
  ])('%s: %s %s', (name, vendor, version, feature) => {
    const jdk = jdkFromArchive(name);
    expect(jdk).toMatchObject({ vendor, feature });
    expect(jdk?.version).toBe(version);
  });
  it.each([
    'openjdk-22-ea+27_linux-x64_bin.tar.gz',
    'apache-tomcat-9.0.24.tar.gz',
    'OpenJDK17U-jdk_x64_linux_openj9_17.0.9_9.tar.gz',
    'jdk.tar.gz',
  ])('%s: not known', (name) => {
    expect(jdkFromArchive(name)).toBeUndefined();
  });
});
