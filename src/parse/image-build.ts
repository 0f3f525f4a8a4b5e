/**
 * What the tree says about which directory an image is built from, the fact that binds a container (a Kubernetes
 * workload's `image:`) to an app of the tree:
 * - Skaffold `build.artifacts[]`: `image` built from `context` (default: the skaffold.yaml directory) with a
 *   Dockerfile, Jib without a `project`, or buildpacks (https://skaffold.dev/docs/builders/). A `custom` build
 *   command or a Jib `project` names a module, not a directory: not read.
 * - Spring Boot's Gradle `bootBuildImage` `imageName` and Maven `spring-boot-maven-plugin` `<image><name>`, and
 *   Jib's `to.image` / `<to><image>`: the image the project in that directory builds
 *   (https://docs.spring.io/spring-boot/gradle-plugin/packaging-oci-image.html#build-image.customization).
 * Only the written names are kept here (`${project.name}` is put in by the model, which knows the directory).
 * - IBM Cloud Developer Tools' `cli-config.yml` (`ibmcloud dev build|run|deploy`, the IBM Cloud starter kits): its
 *   `dockerfile-run` is the Dockerfile of the container that runs the app, `dockerfile-tools` the one of the tools
 *   container the app is built in (the generator that writes these files, generator-ibm-cloud-enablement:
 *   https://www.npmjs.com/package/generator-ibm-cloud-enablement, "Dockerfile: configuration file for the run container").
 * A Maven or Gradle build file also says the Spring Boot release its project is built with (./spring-boot-version.ts):
 * one that builds no image but names that release is kind `build.spring-boot`.
 */
import type { Range } from '../core/types';
import type { FormatHandler, ParsedDocument } from './types';
import { basenameOf } from './java/jvm-args';
import { parseSpringYaml } from './spring';
import { LineIndex } from './text';
import {
  gradleDropwizard,
  gradleSpringBoot,
  mavenDropwizard,
  mavenSpringBoot,
  embeddedTomcatOverride,
  type SpringBootDeclaration,
} from './spring-boot-version';

export interface BuiltImage {
  /** The image name as written (may hold `${project.name}`, `${project.version}`, `${artifactId}`…). */
  written: string;
  /** The build directory relative to the file's directory ('.' for a build file's own project). */
  dir: string;
  range: Range;
  /** What says it, as users say it: `Skaffold artifact`, `Gradle bootBuildImage imageName`. */
  by: string;
}

export interface ImageBuildData {
  images: BuiltImage[];
  /** Values a build file's image name may use: `version`, `project.artifactId`, Maven `<properties>`. */
  values: Record<string, string>;
  /** The Spring Boot release of a build file's project, where the file says it. */
  springBoot?: SpringBootDeclaration;
  /** The Dropwizard release of a build file's project, where the file says it (same shape). */
  dropwizard?: SpringBootDeclaration;
  /** The embedded Tomcat release a Spring Boot build pins (`tomcat.version`). */
  embeddedTomcat?: SpringBootDeclaration;
  /** A cli-config.yml's `dockerfile-run`, as written (relative to its directory). */
  runDockerfile?: string;
}

export const IDT_CONFIG_KIND = 'ibmcloud.cli-config';

const ARTIFACT_KEY = /^(?:profiles\[\d+\]\.)?build\.artifacts\[(\d+)\]\.(image|context|custom\..*|jib\.project)$/;
const GRADLE_IMAGE = /\b(imageName|image)\s*(?:=|\.set\()\s*["']([^"'\n]+)["']/g;
const GRADLE_VERSION = /^\s*version\s*=\s*["']([^"'\n]+)["']/m;
/** Inside that plugin's own `<plugin>` element (not a later plugin's `<image>`). */
const MAVEN_BOOT_IMAGE =
  /<artifactId>spring-boot-maven-plugin<\/artifactId>(?:(?!<\/plugin>)[\s\S])*?<image>\s*<name>([^<]+)<\/name>/g;
const MAVEN_JIB_IMAGE =
  /<artifactId>jib-maven-plugin<\/artifactId>(?:(?!<\/plugin>)[\s\S])*?<to>\s*<image>([^<]+)<\/image>/g;

export const imageBuildFormat: FormatHandler<ImageBuildData> = {
  id: 'image-build',
  classify(filePath, head) {
    const name = basenameOf(filePath);
    if (/^skaffold[\w.-]*\.ya?ml$/.test(name) && /^apiVersion:\s*skaffold\//m.test(head)) return 'skaffold';
    if (/^cli-config\.ya?ml$/.test(name) && /^dockerfile-run\s*:/m.test(head)) return IDT_CONFIG_KIND;
    if (/^build\.gradle(\.kts)?$/.test(name) && /\b(bootBuildImage|jib)\b/.test(head) && /\bimage(Name)?\b/.test(head))
      return 'build.image';
    if (name === 'pom.xml' && /<artifactId>(spring-boot|jib)-maven-plugin</.test(head) && /<image>/.test(head))
      return 'build.image';
    if (name === 'pom.xml' && /<artifactId>\s*spring-boot-(starter-parent|dependencies|maven-plugin)\s*</.test(head))
      return 'build.spring-boot';
    if (/^build\.gradle(\.kts)?$/.test(name) && /org\.springframework\.boot/.test(head)) return 'build.spring-boot';
    if (name === 'pom.xml' && /<groupId>\s*io\.dropwizard\s*<\/groupId>/.test(head)) return 'build.dropwizard';
    if (/^build\.gradle(\.kts)?$/.test(name) && /["']io\.dropwizard:/.test(head)) return 'build.dropwizard';
    return undefined;
  },
  parse(file, kind): ParsedDocument<ImageBuildData> {
    const index = new LineIndex(file.text);
    if (kind === IDT_CONFIG_KIND) {
      const parsed = parseSpringYaml(file.text);
      const run = parsed.parts.flatMap((p) => p.entries).find((e) => e.key === 'dockerfile-run');
      return {
        file,
        kind,
        entries: run ? [run] : [],
        comments: parsed.comments,
        problems: parsed.problems,
        data: { images: [], values: {}, ...(run?.value && { runDockerfile: run.value }) },
      };
    }
    if (kind === 'skaffold') {
      const parsed = parseSpringYaml(file.text);
      const artifacts = new Map<string, { image?: { value: string; range: Range }; context?: string; other?: true }>();
      for (const part of parsed.parts)
        for (const entry of part.entries) {
          const m = ARTIFACT_KEY.exec(entry.key);
          if (!m) continue;
          const key = `${parsed.parts.indexOf(part)}:${entry.key.slice(0, entry.key.indexOf(']') + 1)}:${m[1]}`;
          const artifact = artifacts.get(key) ?? {};
          if (m[2] === 'image') artifact.image = { value: entry.value, range: entry.valueRange };
          else if (m[2] === 'context') artifact.context = entry.value;
          else artifact.other = true;
          artifacts.set(key, artifact);
        }
      const images = [...artifacts.values()].flatMap((a) =>
        a.image && !a.other
          ? [{ written: a.image.value, dir: a.context ?? '.', range: a.image.range, by: 'Skaffold artifact' }]
          : [],
      );
      return {
        file,
        kind,
        entries: [],
        comments: parsed.comments,
        problems: parsed.problems,
        data: { images, values: {} },
      };
    }
    const images: BuiltImage[] = [];
    const values: Record<string, string> = {};
    let springBoot: SpringBootDeclaration | undefined;
    let dropwizard: SpringBootDeclaration | undefined;
    let embeddedTomcat: SpringBootDeclaration | undefined;
    const found = (pattern: RegExp, group: number, by: string) => {
      for (const m of file.text.matchAll(pattern)) {
        const end = (m.index ?? 0) + m[0].lastIndexOf(m[group]!) + m[group]!.length;
        const start = end - m[group]!.length;
        images.push({ written: m[group]!.trim(), dir: '.', range: index.rangeAt(start, end), by });
      }
    };
    if (file.path.endsWith('.xml')) {
      found(MAVEN_BOOT_IMAGE, 1, 'Maven spring-boot-maven-plugin image name');
      found(MAVEN_JIB_IMAGE, 1, 'Maven jib-maven-plugin to.image');
      // The project's own coordinates (not its <parent>'s) and its <properties>.
      const own = file.text.replace(/<parent>[\s\S]*?<\/parent>/, '').replace(/<build>[\s\S]*$/, '');
      const artifactId = /<artifactId>([^<]+)<\/artifactId>/.exec(own)?.[1];
      const version = /<version>([^<]+)<\/version>/.exec(own)?.[1];
      if (artifactId) values['project.artifactId'] = values['artifactId'] = artifactId.trim();
      if (version) values['project.version'] = values['version'] = version.trim();
      const properties = /<properties>([\s\S]*?)<\/properties>/.exec(file.text)?.[1] ?? '';
      for (const p of properties.matchAll(/<([\w.-]+)>([^<]*)<\/\1>/g)) values[p[1]!] ??= p[2]!.trim();
      springBoot = mavenSpringBoot(file.text, index);
      dropwizard = mavenDropwizard(file.text, index);
      embeddedTomcat = embeddedTomcatOverride(file.text, index, true, springBoot);
    } else {
      for (const m of file.text.matchAll(GRADLE_IMAGE)) {
        // `image` alone is Jib's `to { image = … }` (also `jib.to.image = …`); `imageName` is bootBuildImage's.
        if (m[1] === 'image' && !/\bto\s*\{[^{}]*$|\bto\.$/.test(file.text.slice(0, m.index))) continue;
        const end = (m.index ?? 0) + m[0].lastIndexOf(m[2]!) + m[2]!.length;
        images.push({
          written: m[2]!,
          dir: '.',
          range: index.rangeAt(end - m[2]!.length, end),
          by: m[1] === 'image' ? 'Gradle jib to.image' : 'Gradle bootBuildImage imageName',
        });
      }
      const version = GRADLE_VERSION.exec(file.text)?.[1];
      if (version) values['project.version'] = values['version'] = version;
      springBoot = gradleSpringBoot(file.text, index);
      dropwizard = gradleDropwizard(file.text, index);
      embeddedTomcat = embeddedTomcatOverride(file.text, index, false, springBoot);
    }
    return {
      file,
      kind,
      entries: [],
      comments: [],
      problems: [],
      data: {
        images,
        values,
        ...(springBoot && { springBoot }),
        ...(dropwizard && { dropwizard }),
        ...(embeddedTomcat && { embeddedTomcat }),
      },
    };
  },
};
