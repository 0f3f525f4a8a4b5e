"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.imageBuildFormat = void 0;
const jvm_args_1 = require("./java/jvm-args");
const spring_1 = require("./spring");
const text_1 = require("./text");
const spring_boot_version_1 = require("./spring-boot-version");
const ARTIFACT_KEY = /^(?:profiles\[\d+\]\.)?build\.artifacts\[(\d+)\]\.(image|context|custom\..*|jib\.project)$/;
const GRADLE_IMAGE = /\b(imageName|image)\s*(?:=|\.set\()\s*["']([^"'\n]+)["']/g;
const GRADLE_VERSION = /^\s*version\s*=\s*["']([^"'\n]+)["']/m;
/** Inside that plugin's own `<plugin>` element (not a later plugin's `<image>`). */
const MAVEN_BOOT_IMAGE = /<artifactId>spring-boot-maven-plugin<\/artifactId>(?:(?!<\/plugin>)[\s\S])*?<image>\s*<name>([^<]+)<\/name>/g;
const MAVEN_JIB_IMAGE = /<artifactId>jib-maven-plugin<\/artifactId>(?:(?!<\/plugin>)[\s\S])*?<to>\s*<image>([^<]+)<\/image>/g;
exports.imageBuildFormat = {
    id: 'image-build',
    classify(filePath, head) {
        const name = (0, jvm_args_1.basenameOf)(filePath);
        if (/^skaffold[\w.-]*\.ya?ml$/.test(name) && /^apiVersion:\s*skaffold\//m.test(head))
            return 'skaffold';
        if (/^build\.gradle(\.kts)?$/.test(name) && /\b(bootBuildImage|jib)\b/.test(head) && /\bimage(Name)?\b/.test(head))
            return 'build.image';
        if (name === 'pom.xml' && /<artifactId>(spring-boot|jib)-maven-plugin</.test(head) && /<image>/.test(head))
            return 'build.image';
        if (name === 'pom.xml' && /<artifactId>\s*spring-boot-(starter-parent|dependencies|maven-plugin)\s*</.test(head))
            return 'build.spring-boot';
        if (/^build\.gradle(\.kts)?$/.test(name) && /org\.springframework\.boot/.test(head))
            return 'build.spring-boot';
        if (name === 'pom.xml' && /<groupId>\s*io\.dropwizard\s*<\/groupId>/.test(head))
            return 'build.dropwizard';
        if (/^build\.gradle(\.kts)?$/.test(name) && /["']io\.dropwizard:/.test(head))
            return 'build.dropwizard';
        return undefined;
    },
    parse(file, kind) {
        const index = new text_1.LineIndex(file.text);
        if (kind === 'skaffold') {
            const parsed = (0, spring_1.parseSpringYaml)(file.text);
            const artifacts = new Map();
            for (const part of parsed.parts)
                for (const entry of part.entries) {
                    const m = ARTIFACT_KEY.exec(entry.key);
                    if (!m)
                        continue;
                    const key = `${parsed.parts.indexOf(part)}:${entry.key.slice(0, entry.key.indexOf(']') + 1)}:${m[1]}`;
                    const artifact = artifacts.get(key) ?? {};
                    if (m[2] === 'image')
                        artifact.image = { value: entry.value, range: entry.valueRange };
                    else if (m[2] === 'context')
                        artifact.context = entry.value;
                    else
                        artifact.other = true;
                    artifacts.set(key, artifact);
                }
            const images = [...artifacts.values()].flatMap((a) => a.image && !a.other
                ? [{ written: a.image.value, dir: a.context ?? '.', range: a.image.range, by: 'Skaffold artifact' }]
                : []);
            return {
                file,
                kind,
                entries: [],
                comments: parsed.comments,
                problems: parsed.problems,
                data: { images, values: {} },
            };
        }
        const images = [];
        const values = {};
        let springBoot;
        let dropwizard;
        const found = (pattern, group, by) => {
            for (const m of file.text.matchAll(pattern)) {
                const end = (m.index ?? 0) + m[0].lastIndexOf(m[group]) + m[group].length;
                const start = end - m[group].length;
                images.push({ written: m[group].trim(), dir: '.', range: index.rangeAt(start, end), by });
            }
        };
        if (file.path.endsWith('.xml')) {
            found(MAVEN_BOOT_IMAGE, 1, 'Maven spring-boot-maven-plugin image name');
            found(MAVEN_JIB_IMAGE, 1, 'Maven jib-maven-plugin to.image');
            // The project's own coordinates (not its <parent>'s) and its <properties>.
            const own = file.text.replace(/<parent>[\s\S]*?<\/parent>/, '').replace(/<build>[\s\S]*$/, '');
            const artifactId = /<artifactId>([^<]+)<\/artifactId>/.exec(own)?.[1];
            const version = /<version>([^<]+)<\/version>/.exec(own)?.[1];
            if (artifactId)
                values['project.artifactId'] = values['artifactId'] = artifactId.trim();
            if (version)
                values['project.version'] = values['version'] = version.trim();
            const properties = /<properties>([\s\S]*?)<\/properties>/.exec(file.text)?.[1] ?? '';
            for (const p of properties.matchAll(/<([\w.-]+)>([^<]*)<\/\1>/g))
                values[p[1]] ??= p[2].trim();
            springBoot = (0, spring_boot_version_1.mavenSpringBoot)(file.text, index);
            dropwizard = (0, spring_boot_version_1.mavenDropwizard)(file.text, index);
        }
        else {
            for (const m of file.text.matchAll(GRADLE_IMAGE)) {
                // `image` alone is Jib's `to { image = … }` (also `jib.to.image = …`); `imageName` is bootBuildImage's.
                if (m[1] === 'image' && !/\bto\s*\{[^{}]*$|\bto\.$/.test(file.text.slice(0, m.index)))
                    continue;
                const end = (m.index ?? 0) + m[0].lastIndexOf(m[2]) + m[2].length;
                images.push({
                    written: m[2],
                    dir: '.',
                    range: index.rangeAt(end - m[2].length, end),
                    by: m[1] === 'image' ? 'Gradle jib to.image' : 'Gradle bootBuildImage imageName',
                });
            }
            const version = GRADLE_VERSION.exec(file.text)?.[1];
            if (version)
                values['project.version'] = values['version'] = version;
            springBoot = (0, spring_boot_version_1.gradleSpringBoot)(file.text, index);
            dropwizard = (0, spring_boot_version_1.gradleDropwizard)(file.text, index);
        }
        return {
            file,
            kind,
            entries: [],
            comments: [],
            problems: [],
            data: { images, values, ...(springBoot && { springBoot }), ...(dropwizard && { dropwizard }) },
        };
    },
};
