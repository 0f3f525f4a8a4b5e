import { classifyFile } from '../../src/parse/registry';
import type { ImageBuildData } from '../../src/parse/image-build';
import { gradleSpringBoot, mavenSpringBoot } from '../../src/parse/spring-boot-version';
import { LineIndex } from '../../src/parse/text';

// trodix/ssl-bundle-manager@1ec3356 pom.xml (no licence file; a quotation of its first lines).
const TRODIX_POM =
  '<?xml version="1.0" encoding="UTF-8"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n    <modelVersion>4.0.0</modelVersion>\n    <parent>\n        <groupId>org.springframework.boot</groupId>\n        <artifactId>spring-boot-starter-parent</artifactId>\n        <version>3.3.2</version>\n        <relativePath/> <!-- lookup parent from repository -->\n    </parent>\n    <groupId>com.trodix.demo</groupId>\n</project>\n';

/** The version found and its place (one-based line, zero-based column as the range keeps it), or undefined. */
const found = (read: typeof mavenSpringBoot, text: string) => {
  const d = read(text, new LineIndex(text));
  return d && { version: d.version, line: d.range.start.line + 1, column: d.range.start.character, by: d.by };
};

describe("a build file's Spring Boot release", () => {
  it.each([
    [
      'the parent spring-boot-starter-parent (trodix)',
      TRODIX_POM,
      '3.3.2',
      7,
      'the Maven parent spring-boot-starter-parent',
    ],
    [
      'a BOM import whose version is a property (the property value is the place)',
      '<project>\n  <properties>\n    <spring-boot.version>3.2.5</spring-boot.version>\n  </properties>\n  <dependencyManagement><dependencies><dependency>\n    <groupId>org.springframework.boot</groupId>\n    <artifactId>spring-boot-dependencies</artifactId>\n    <version>${spring-boot.version}</version>\n    <type>pom</type><scope>import</scope>\n  </dependency></dependencies></dependencyManagement>\n</project>\n',
      '3.2.5',
      3,
      'the Maven BOM spring-boot-dependencies',
    ],
    [
      "the plugin's own version, not a nested dependency's",
      '<project><build><plugins><plugin>\n  <groupId>org.springframework.boot</groupId>\n  <artifactId>spring-boot-maven-plugin</artifactId>\n  <version>2.7.18</version>\n  <dependencies><dependency><artifactId>x</artifactId><version>9</version></dependency></dependencies>\n</plugin></plugins></build></project>\n',
      '2.7.18',
      4,
      'the version of spring-boot-maven-plugin',
    ],
    [
      'the parent wins over a plugin version',
      '<project><parent><artifactId>spring-boot-starter-parent</artifactId><version>3.1.0</version></parent>\n<build><plugins><plugin><artifactId>spring-boot-maven-plugin</artifactId><version>3.3.0</version></plugin></plugins></build></project>\n',
      '3.1.0',
      1,
      'the Maven parent spring-boot-starter-parent',
    ],
  ])('Maven: %s', (_name, text, version, line, by) => {
    expect(found(mavenSpringBoot, text)).toMatchObject({ version, line, by });
  });

  it.each([
    [
      'a commented-out parent',
      '<project>\n<!-- <parent><artifactId>spring-boot-starter-parent</artifactId><version>3.2.0</version></parent> -->\n</project>\n',
    ],
    [
      'a parent of another group',
      '<project><parent><groupId>com.acme</groupId><artifactId>spring-boot-starter-parent</artifactId><version>7</version></parent></project>\n',
    ],
    [
      'a property the pom does not set (a parent outside the tree)',
      '<project><parent><artifactId>spring-boot-starter-parent</artifactId><version>${boot}</version></parent></project>\n',
    ],
    [
      'a starter dependency (its version is not the release)',
      '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId><version>3.2.0</version></dependency></dependencies></project>\n',
    ],
  ])('Maven: %s says nothing', (_name, text) => {
    expect(found(mavenSpringBoot, text)).toBeUndefined();
  });

  it.each([
    [
      'Groovy plugins block',
      "plugins {\n  id 'java'\n  id 'org.springframework.boot' version '3.2.2'\n}\n",
      '3.2.2',
      3,
    ],
    [
      'Kotlin DSL, apply false',
      'plugins {\n  id("org.springframework.boot") version "3.3.0" apply false\n}\n',
      '3.3.0',
      2,
    ],
    [
      'buildscript ext variable',
      'buildscript {\n  ext {\n    springBootVersion = \'2.1.4.RELEASE\'\n  }\n  dependencies {\n    classpath("org.springframework.boot:spring-boot-gradle-plugin:${springBootVersion}")\n  }\n}\n',
      '2.1.4.RELEASE',
      3,
    ],
    [
      'a mavenBom coordinate',
      "dependencyManagement {\n  imports { mavenBom 'org.springframework.boot:spring-boot-dependencies:3.1.4' }\n}\n",
      '3.1.4',
      2,
    ],
  ])('Gradle: %s', (_name, text, version, line) => {
    expect(found(gradleSpringBoot, text)).toMatchObject({ version, line });
  });

  it.each([
    [
      'a version from gradle.properties',
      'plugins {\n  id \'org.springframework.boot\' version "${springBootVersion}"\n}\n',
    ],
    ['a version catalog alias', 'plugins {\n  alias(libs.plugins.spring.boot)\n}\n'],
    ['a commented-out plugin', "plugins {\n  // id 'org.springframework.boot' version '3.2.0'\n}\n"],
  ])('Gradle: %s says nothing', (_name, text) => {
    expect(found(gradleSpringBoot, text)).toBeUndefined();
  });

  it('classifies a pom or Gradle script naming Spring Boot as build.spring-boot, one building an image as build.image', () => {
    expect(classifyFile('/t/app/pom.xml', TRODIX_POM)?.kind).toBe('build.spring-boot');
    expect(
      classifyFile('/t/app/build.gradle.kts', 'plugins { id("org.springframework.boot") version "3.3.0" }\n')?.kind,
    ).toBe('build.spring-boot');
    expect(classifyFile('/t/app/pom.xml', '<project><artifactId>plain</artifactId></project>\n')).toBeUndefined();
    const imagePom = TRODIX_POM.replace(
      '</project>',
      '<build><plugins><plugin><artifactId>spring-boot-maven-plugin</artifactId><configuration><image><name>acme/app</name></image></configuration></plugin></plugins></build></project>',
    );
    const classified = classifyFile('/t/app/pom.xml', imagePom);
    expect(classified?.kind).toBe('build.image');
    const doc = classified!.handler.parse({ path: '/t/app/pom.xml', text: imagePom, hadBom: false }, 'build.image');
    expect((doc.data as ImageBuildData).springBoot?.version).toBe('3.3.2');
  });
});
