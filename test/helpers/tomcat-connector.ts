import * as fs from 'node:fs';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import type { Component } from '../../src/model/types';
import { writeTree, type Tree } from './rule-tester';

/** The first Tomcat connector component the pipeline builds from a small tree (the tree is removed after). */
export function tomcatConnector(files: Tree): Component {
  const root = writeTree(files);
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    const found = result.deployments[0].components.find((c) => c.type === 'tomcat.connector');
    if (!found) throw new Error('no connector');
    return found;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
