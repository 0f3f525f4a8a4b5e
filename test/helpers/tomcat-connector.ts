import * as fs from 'node:fs';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import type { Component } from '../../src/model/types';
import { writeTree, type Tree } from './rule-tester';

/** The deployment the pipeline builds from a small tree (the tree is removed after). */
export function tomcatDeployment(files: Tree) {
  const root = writeTree(files);
  try {
    return lint({ paths: [root], cwd: root, config: defaultConfig(root) }).deployments[0];
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** The first Tomcat connector component the pipeline builds from a small tree. */
export function tomcatConnector(files: Tree): Component {
  const found = tomcatDeployment(files).components.find((c) => c.type === 'tomcat.connector');
  if (!found) throw new Error('no connector');
  return found;
}
