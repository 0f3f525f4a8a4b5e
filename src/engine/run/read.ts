import * as path from 'node:path';
import type { Finding, Range, TreeLink } from '../../core/types';
import { decodeFile } from '../../parse/text';
import { classifyBinary, classifyFile } from '../../parse/registry';
import { unlockStores } from '../../parse/keystore/unlock';
import type { ParsedDocument } from '../../parse/types';
import {
  javaSecurityFormat,
  SECURITY_OVERRIDE_KIND,
  SECURITY_PROPERTIES_OPTION,
  securityFileName,
} from '../../parse/jdk';
import { parseEmbedded } from '../../parse/embedded';
import type { TreeFileReader } from '../../parse/shell-file-pieces';
import { innerTemplateName, mavenFiltered, scanTemplate } from '../../parse/template';
import { inGradleOnlyProject, isBuildFile } from '../../core/build-files';
import { readRegularFile } from '../../core/safe-fs';
import { isTerraformTemplateName } from '../../parse/template-terraform';
import { markNumberedPieces } from './numbered-pieces';
import { scriptSubstitutions } from '../../parse/script-substitutions';
import { containerRuns } from '../../parse/container-runs';
import { scriptImageBuilds } from '../../parse/script-image-builds';
import { chefCookbook } from '../../parse/chef-cookbook';
import { shellScript } from '../../parse/script-file-placements';
import { yamlSteps } from '../../parse/yaml-file-placements';
import { provisioningPlacements } from '../../parse/provisioning-placements';
import { runmqscInputs } from '../../parse/runmqsc-input';
import { HelmCharts } from './helm-chart';
import { manifestSourcesDocument } from './manifest-sources';
import { helmManifestName, isFragmentName, rendersYaml } from './template-names';
import { ComposeEnvFiles, serviceEnvFileDocuments } from './compose-env';
import { contentHash, ParseCache } from './parse-cache';
import { parseTemplate, parseWith, problemsOfEachRendering, unbalancedProblems } from './parse-template';
import { springFormat } from '../../parse/spring';
import type { RenderedText } from '../../parse/rendered';
import {
  commonDirectory,
  HEAD_CHARS,
  MAX_FILE_BYTES,
  nginxIncludedDocuments,
  openRegularFile,
  readDocumentsAs,
  runmqscFedDocuments,
  composeNamedDockerfiles,
  type NamingPlace,
  smallTreeFile,
  sourceOf,
  treeFileBySuffix,
} from './read-followed';
import { isEnvFileExample } from '../../parse/env-file';
import { servedFilesToRead } from '../../model/spring-config-locations';
import { PlacedFiles } from './ansible-placed';
import { ansibleYamlDocument, roleFilesIn } from '../../parse/ansible-yaml';
import { containerPlacedDocuments } from './container-placed';
import { classifiedByHead, nothingToRead } from './file-screening';
import { manifestSecretFiles } from './manifest-secret-files';

export interface ReadResult {
  documents: ParsedDocument[];
  /** Problems reading files (unreadable, binary, too large): findings with the file's location. */
  findings: Finding[];
  /** The files read only because another file names them (a Compose `build.dockerfile`), with where it does. */
  namedBy: ReadonlyMap<string, NamingPlace[]>;
}

/** A build file's text (the first 256 KB), or undefined when it cannot be read. */
function readBuildFile(file: string): string | undefined {
  const read = readRegularFile(file, 256 * 1024);
  return read.ok ? read.bytes.toString('utf8') : undefined;
}

/**
 * Reads, decodes, classifies and parses files. Never throws: every problem is a finding. With a
 * `ParseCache`, a content already parsed in an earlier deployment of the run is not parsed again.
 */
export function readDocuments(
  files: string[],
  cache?: ParseCache,
  root?: string,
  links: readonly TreeLink[] = [],
): ReadResult {
  cache?.nextDeployment();
  const documents: ParsedDocument[] = [];
  const findings: Finding[] = [];
  const fileFinding = (file: string, code: string, severity: Finding['severity'], message: string): void => {
    findings.push({
      ruleId: `parse/${code}`,
      severity,
      message,
      location: { file },
      fingerprint: `parse/${code}|${file}`,
    });
  };
  const notUnderstood = (file: string, why: string, range?: Range): void => {
    findings.push({
      ruleId: 'parse/not-understood',
      severity: 'info',
      message: `Not understood: ${why}; it is not checked`,
      location: { file, range },
      fingerprint: `parse/not-understood|${path.basename(file)}|${why}`,
    });
  };
  // Files named by `-Djava.security.properties=<file>` are java.security files whatever their name.
  const securityFiles = new Set<string>();
  const charts = new HelmCharts(findings);
  const composeEnv = new ComposeEnvFiles();
  const notReadAsSecurity: string[] = [];
  const placed = new PlacedFiles();
  // Each YAML file the Ansible questions read (which role files a run deploys, where a task puts a file), recorded once.
  const base = root ?? commonDirectory(files);
  const roleFilesInTree = roleFilesIn(files, base);
  const ansibleYaml: ParsedDocument[] = [];
  const gradleOnly = inGradleOnlyProject(files.filter(isBuildFile), readBuildFile);
  let treeFile: TreeFileReader | undefined;
  for (const file of files) {
    // Whether the name alone says it is a configuration file: only asked when the file cannot be read.
    const byName = () => classifyFile(file, '');
    let bytes: Buffer;
    try {
      const opened = openRegularFile(file);
      if ('notRegular' in opened) {
        // FIFOs, sockets, devices: never read (reading a FIFO would block); named like a config, said so.
        if (byName()) fileFinding(file, 'not-a-regular-file', 'info', 'This is not a regular file: it is never opened');
        continue;
      }
      if ('tooLarge' in opened) {
        // Named like a config, or whose first 64 KB look like one: said, never silently dropped.
        if (byName() || classifiedByHead(file))
          fileFinding(
            file,
            'file-too-large',
            'warning',
            `File is ${Math.round(opened.tooLarge / 1048576)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit for a configuration file: not checked`,
          );
        continue;
      }
      bytes = opened.bytes;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
      fileFinding(
        file,
        'unreadable-file',
        byName() ? 'error' : 'warning',
        `Cannot read file (${code}): it is not checked`,
      );
      continue;
    }
    // Key stores are binary: read from their bytes, before any text decoding.
    const binary = classifyBinary(file, bytes);
    if (binary) {
      try {
        const source = { path: file, text: '', hadBom: false, bytes };
        documents.push(
          cache
            ? cache.parse(binary.handler, binary.kind, source, contentHash(bytes))
            : binary.handler.parse(source, binary.kind),
        );
      } catch (error) {
        fileFinding(
          file,
          'parser-crash',
          'error',
          `The ${binary.handler.id} parser failed on this file (${(error as Error).message}); please report it`,
        );
      }
      continue;
    }
    if (nothingToRead(file, bytes)) {
      notReadAsSecurity.push(file);
      continue;
    }
    const decoded = decodeFile(bytes);
    if (!decoded.ok) {
      if (byName())
        fileFinding(
          file,
          decoded.reason === 'binary' ? 'binary-file' : 'invalid-encoding',
          'error',
          `${decoded.message}; lint-deploy cannot check it`,
        );
      continue;
    }
    // A template is classified by the name it renders to (`nginx.conf.j2` is nginx.conf) and its text
    // with the template syntax set aside (src/parse/template.ts).
    const inner = innerTemplateName(file);
    const template = scanTemplate(
      decoded.text,
      inner !== undefined,
      mavenFiltered(inner ?? file) && !gradleOnly(file),
      isTerraformTemplateName(file),
      rendersYaml(inner ?? file),
      /\.xml$/i.test(inner ?? file),
    );
    // In a Helm chart, plain `{{ .Values.x }}` get the chart's defaults (positions mapped back to the template).
    const helm = template && charts.render(file, decoded.text, template);
    const text = helm?.masked.text ?? template?.masked ?? decoded.text;
    const asNamed = classifyFile(inner ?? file, text.slice(0, HEAD_CHARS));
    // `.env.example` documents the variables of `.env` and nothing runs with it (src/parse/env-file.ts): its name is
    // no template of `.env` whose sample values would be the environment's (SuperSon7/doktori-cloud@8e031b9).
    const classified =
      asNamed?.kind === 'env-file' && inner !== undefined && isEnvFileExample(file) ? undefined : asNamed;
    const source = sourceOf(file, decoded);
    placed.see(source, classified !== undefined);
    const ansible = ansibleYamlDocument(source, base, bytes.length, roleFilesInTree);
    if (ansible) ansibleYaml.push(ansible);
    if (decoded.text.includes('java.security.properties'))
      for (const m of decoded.text.matchAll(SECURITY_PROPERTIES_OPTION)) securityFiles.add(securityFileName(m[2]!));
    if (classified?.kind !== 'java.security') notReadAsSecurity.push(file);
    // A Compose file gets the values of the `.env` beside it (src/parse/compose-env.ts; positions mapped back).
    const compose = !template && classified?.kind === 'compose' ? composeEnv.render(file, decoded.text) : undefined;
    // Named like a file lint-deploy reads (also as a template of one) but its content is not: say so. Not for a
    // script (`#!`): it is named for what it does (a buildpack's bin/release), not for a file it should be.
    const named = classified || decoded.text.startsWith('#!') ? undefined : classifyFile(inner ?? file, '');
    const notOfKind = named?.handler.notOfKind?.(text.slice(0, HEAD_CHARS));
    if (named)
      notUnderstood(
        file,
        `its name says ${named.kind}${inner ? ' (a template)' : ''} but ${notOfKind ?? 'its content does not look like one'}`,
      );
    try {
      if (classified)
        documents.push(
          template
            ? parseTemplate(classified, source, template, isFragmentName(inner ?? file), helm ? undefined : cache, helm)
            : compose
              ? parseTemplate(classified, source, compose.template, false, undefined, { masked: compose.rendered })
              : parseWith(classified, source, cache, bytes),
        );
      // A Secret's base64 `data:` keys that are PEM files (`tls.crt`), each a document embedded at its value; of a
      // template too, unless a Helm chart renders it (an envsubst `.yaml_template`'s `$QMpre-cert` Secret keeps its data
      // as written: ibm-cloudintegration/mqoncp4i's unicluster.yaml_template).
      const manifests =
        classified && !helm ? manifestSecretFiles(classified.kind, source, documents.at(-1), inner) : [];
      documents.push(...manifests);
      // A ConfigMap or Secret read as something else (MQSC, embedded keys) is still what a Pod mounting it sees.
      const sources =
        classified?.kind === 'kubernetes' || manifests.some((d) => d.kind === 'kubernetes')
          ? undefined
          : manifestSourcesDocument(source, inner ?? file, text, template, helm);
      if (sources) documents.push(sources);
      // What a script replaces in configuration files when it runs (`sed s|REPLACE|…|`): placeholders, not values.
      const substituted = scriptSubstitutions(source);
      if (substituted) documents.push(substituted);
      // The containers a script starts (`docker run -v $(pwd)/haproxy.cfg:… haproxy:1.9.10`): their images' releases.
      const started = containerRuns(source);
      if (started) documents.push(started);
      // The images it builds (`docker build -t myorg/tomcat ./tomcat`): a `FROM myorg/tomcat` is that Dockerfile's image.
      const built = scriptImageBuilds(source);
      if (built) documents.push(built);
      // A Chef cookbook's attributes and resources about Tomcat (the release it installs).
      const cookbook = chefCookbook(source);
      if (cookbook) documents.push(cookbook);
      // A script that may link, copy or render files (`ln -s …/sites-available/x …/sites-enabled/`) and a YAML file whose
      // steps may (Compose and Kubernetes commands, Ansible file/template/copy/command tasks), which the model reads only
      // when it asks (src/model/script-placements.ts); Chef, Puppet and Salt resources.
      const placed = shellScript(source) ?? yamlSteps(source) ?? provisioningPlacements(source);
      if (placed) documents.push(placed);
      // MQSC files the script feeds runmqsc (`runmqsc QM1 < dev.mqsc`): the model ties them to their queue manager.
      const fed = runmqscInputs(source);
      if (fed) documents.push(fed);
      // Configuration embedded in this file (ConfigMap keys, heredocs to runmqsc), each a document of its own.
      const emptied = template?.emptiedLines;
      const readEmbedded = (embeddedText: string, rendered: RenderedText | undefined) =>
        parseEmbedded(
          source,
          helmManifestName(file) ?? inner ?? file,
          embeddedText,
          classified?.kind,
          emptied && ((line) => emptied.has(rendered ? rendered.toSource({ line, character: 0 }, 'start').line : line)),
          (treeFile ??= treeFileBySuffix(files)),
        );
      const embedded = readEmbedded(text, helm?.masked);
      for (const doc of embedded.documents) helm?.masked.remap(doc);
      // An `if` and its `else` that each open a block (`location … {` in both: IBM/charts@951c317
      // ibm-watson-gateway/templates/30-configmap-nginx.yaml) leave one unclosed only when both are kept: such a
      // document is read again from the first branches alone, as the file itself is (./parse-template.ts).
      const firstBranch = helm ? helm.firstBranch?.text : template?.firstBranch;
      if (firstBranch !== undefined && embedded.documents.some((doc) => unbalancedProblems(doc) > 0)) {
        const first = readEmbedded(firstBranch, helm?.firstBranch).documents;
        embedded.documents = embedded.documents.map((doc) => {
          const broken = unbalancedProblems(doc);
          const alternative =
            broken > 0
              ? first.find(
                  (d) =>
                    d.embedded.container === doc.embedded.container &&
                    d.embedded.name === doc.embedded.name &&
                    unbalancedProblems(d) < broken,
                )
              : undefined;
          if (!alternative) return doc;
          helm?.firstBranch?.remap(alternative);
          return alternative;
        });
      }
      for (const doc of embedded.documents) {
        documents.push(
          template ? { ...doc, problems: problemsOfEachRendering(doc.problems, template), template } : doc,
        );
      }
      const sourceRange = (range: Range): Range =>
        helm
          ? { start: helm.masked.toSource(range.start, 'start'), end: helm.masked.toSource(range.end, 'end') }
          : range;
      for (const { file: written, said, more, range } of embedded.assembledUnknown) {
        const others = more > 0 ? ` (and ${more} more such piece${more === 1 ? '' : 's'})` : '';
        findings.push({
          ruleId: 'parse/assembled-file-unknown',
          severity: 'info',
          message: `${written}, which this script writes in pieces, is not checked: this piece is text the tree does not show (${said})${others}, so what the file holds is unknown`,
          location: { file, range: sourceRange(range) },
          fingerprint: `parse/assembled-file-unknown|${path.basename(file)}|${written}`,
        });
      }
      for (const region of embedded.notUnderstood) {
        region.range = sourceRange(region.range);
        notUnderstood(
          file,
          `${region.container} is named like a configuration file but its content is not one lint-deploy reads`,
          region.range,
        );
      }
    } catch (error) {
      // A parser bug must not lose the other files' findings.
      fileFinding(
        file,
        'parser-crash',
        'error',
        `The ${classified?.handler.id ?? 'embedded configuration'} parser failed on this file (${(error as Error).message}); please report it`,
      );
    }
  }
  for (const file of notReadAsSecurity) {
    if (!securityFiles.has(securityFileName(file))) continue;
    documents.push(...readDocumentsAs(file, javaSecurityFormat, SECURITY_OVERRIDE_KIND));
    // Read after all, as the override it is: the "its name says java.security" said of it above no longer holds.
    const said = findings.findIndex((f) => f.ruleId === 'parse/not-understood' && f.location.file === file);
    if (said >= 0 && findings[said]!.message.includes('its name says java.security')) findings.splice(said, 1);
  }
  // The files a Spring Cloud Config server serves (`config-repo/orders-service.yml`), named after the app they configure.
  for (const file of servedFilesToRead(documents, files, root ?? commonDirectory(files), links))
    documents.push(
      ...readDocumentsAs(file, springFormat, /\.properties$/.test(file) ? 'spring.properties' : 'spring.yaml'),
    );
  documents.push(...ansibleYaml);
  documents.push(...placed.documents(documents, files, links));
  // Then those a Dockerfile's COPY/ADD or a Compose bind mount puts where a format reads them.
  documents.push(
    ...containerPlacedDocuments(documents, placed.unread(documents), root ?? commonDirectory(files), links),
  );
  documents.push(...nginxIncludedDocuments(documents, files, root ?? commonDirectory(files)));
  documents.push(...runmqscFedDocuments(documents, files, root ?? commonDirectory(files)));
  const composeNamed = composeNamedDockerfiles(documents, files);
  documents.push(...composeNamed.documents);
  // The `.env` files Compose files took values from: documents too (their secrets are masked and judged there).
  const read = new Set(documents.map((d) => d.file.path));
  documents.push(...composeEnv.documents(read));
  // The `env_file:` files of Compose services that lie in the tree: documents too (a server's port, its passwords).
  const listed = new Set(files);
  documents.push(...serviceEnvFileDocuments(documents, listed, new Set(documents.map((d) => d.file.path))));
  // PKCS#12 stores whose certificates need a password: tried with the passwords the configuration gives.
  return {
    documents: markNumberedPieces(unlockStores(documents, smallTreeFile(listed)), files),
    findings,
    namedBy: composeNamed.namedBy,
  };
}
