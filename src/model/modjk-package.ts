/**
 * The workers file Debian's and Ubuntu's libapache2-mod-jk package has httpd read (data/tomcat.json
 * ajpFronts.modJk.debianPackage): the jk.conf it installs and enables writes `JkWorkersFile
 * /etc/libapache2-mod-jk/workers.properties`, so an image that installs the package and copies a tree file there has
 * httpd read that file though the tree writes no JkWorkersFile. RHEL ships no mod_jk package: no default there.
 */
import * as path from 'node:path';
import type { RelatedLocation } from '../core/types';
import { TOMCAT_AJP_FRONTS } from '../knowledge/tomcat';
import type { DockerfileData } from '../parse/dockerfile';
import { heldCommands } from '../parse/dockerfile-stages';
import { substituteVariables } from '../parse/dockerfile-copies';
import type { JkWorkersData } from '../parse/modjk-workers';
import { shellCommands } from '../parse/shell-commands';
import type { ParsedDocument } from '../parse/types';
import type { HttpdPlaced } from './httpd-tls';
import type { JkInputs } from './modjk-paths';
import type { AnsibleModJkHost, AnsiblePlaced } from './modjk-package-ansible';

const PACKAGE = TOMCAT_AJP_FRONTS.modJk.debianPackage;
const INSTALLER = /^(apt-get|apt|aptitude)$/;

/** The RUN of a Dockerfile's final image that installs the package (`apt-get install libapache2-mod-jk`), if any. */
function installRun(doc: ParsedDocument<DockerfileData>): RelatedLocation | undefined {
  for (const command of heldCommands(doc.data)) {
    if (command.instruction !== 'RUN') continue;
    const text = (command.variables && substituteVariables(command.joined, command.variables)) ?? command.joined;
    for (const words of shellCommands(text).map((c) => c.words.map((w) => w.text)))
      if (words.some((w) => INSTALLER.test(w)) && words.includes('install') && words.includes(PACKAGE.package))
        return { file: doc.file.path, range: command.range, message: `this installs ${PACKAGE.package}` };
  }
  return undefined;
}

/** Whether a configuration (its includes read) writes a JkWorkersFile line anywhere. */
export const writesWorkersFile = (list: readonly HttpdPlaced[]): boolean =>
  list.some((p) => p.directive.key === 'jkworkersfile' || (p.block !== undefined && writesWorkersFile(p.block)));

/**
 * The tree's workers file the package's jk.conf has httpd read, for a configuration whose files an image holds: the
 * image installs the package, copies the file to the package's path and no jk.conf of the tree over the package's.
 * Undefined when the tree writes a JkWorkersFile of its own (`treeWritesWorkersFile`): then that line decides.
 */
export function packageWorkersFile(
  top: readonly HttpdPlaced[],
  inputs: JkInputs,
): { doc: ParsedDocument<JkWorkersData>; readBy: RelatedLocation[] } | undefined {
  if (inputs.treeWritesWorkersFile) return undefined;
  const files = new Set(top.map((p) => p.file));
  if (inputs.ansible) {
    const byAnsible = ansibleWorkersFile(files, inputs.ansible, inputs.workers);
    if (byAnsible) return byAnsible;
  }
  for (const file of files) {
    for (const { dockerfile } of inputs.images.holding(file)) {
      const image = inputs.dockerfiles.find((d) => d.file.path === dockerfile);
      const installed = image && installRun(image);
      if (!installed) continue;
      // A jk.conf of the tree copied over the package's writes its own JkWorkersFile (or none): not the default.
      if (PACKAGE.confFiles.some((conf) => inputs.images.resolve(file, conf))) return undefined;
      const placed = inputs.images.resolve(file, PACKAGE.workersFile);
      const doc = placed && inputs.workers.find((d) => d.file.path === placed.file);
      if (!placed || !doc) return undefined;
      return {
        doc,
        readBy: [
          { file, message: `the image that installs ${PACKAGE.package} holds this httpd configuration` },
          installed,
          { ...placed.by, message: `this puts the workers file where ${PACKAGE.package}'s jk.conf has httpd read it` },
        ],
      };
    }
  }
  return undefined;
}

/** The package's conf file names (`jk.conf`, `httpd-jk.conf`): a task putting one where its path is unknown may replace it. */
const CONF_NAMES = new Set(PACKAGE.confFiles.map((f) => path.posix.basename(f)));
const UNKNOWN = /\{\{|\{%/;

/**
 * The same for a configuration an Ansible task puts on a host its project installs the package on: a task puts the
 * tree's workers file at the package's path, and none puts a jk.conf where the package's may be (at one of its paths,
 * or under a name or directory the task leaves to a variable).
 */
function ansibleWorkersFile(
  files: ReadonlySet<string>,
  host: AnsibleModJkHost,
  workers: readonly ParsedDocument<JkWorkersData>[],
): { doc: ParsedDocument<JkWorkersData>; readBy: RelatedLocation[] } | undefined {
  const held = host.placed.find((p) => files.has(p.file));
  if (!held) return undefined;
  const replaced = (p: AnsiblePlaced) => {
    const name = path.posix.basename(p.path);
    return PACKAGE.confFiles.includes(p.path) || (UNKNOWN.test(p.path) && (CONF_NAMES.has(name) || UNKNOWN.test(name)));
  };
  if (host.placed.some(replaced)) return undefined;
  const put = host.placed.find((p) => p.path === PACKAGE.workersFile);
  const doc = put && workers.find((d) => d.file.path === put.file);
  if (!put || !doc) return undefined;
  return {
    doc,
    readBy: [
      {
        file: held.file,
        message: `an Ansible task puts this httpd configuration on the host its project installs ${PACKAGE.package} on`,
      },
      { ...host.installed, message: `this installs ${PACKAGE.package}` },
      { ...put.at, message: `this puts the workers file where ${PACKAGE.package}'s jk.conf has httpd read it` },
    ],
  };
}
