import * as path from 'node:path';
import type { Location, RelatedLocation } from '../../../core/types';
import type { TreeCertificate } from '../../../model/mq-certs';
import type { DerivedDeployment, ResolvedLink } from '../../../derive/types';
import type { Component, Deployment, JavaRuntime } from '../../../model/types';
import { certificatesOf, certLocation } from './shared';

const segments = (p: string) => p.split(/[\\/]+/).filter((s) => s && s !== '.' && !/\$\{|\{\{/.test(s));

/** How many trailing path segments two paths share (case-sensitive, as on the servers that read them). */
function commonTail(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonHead(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * The certificates of the PEM file a component's TLS settings name, when the tree holds it:
 * the same absolute path, else the tree file sharing the longest path tail with the reference
 * (`/etc/nginx/ssl/api.crt` → `api/ssl/api.crt`), ties broken by nearness to the config file.
 * Keystores (`.p12`, `.jks`) never match a PEM file. Leaf first, then the rest of the file.
 */
export function presentedCertificates(deployment: DerivedDeployment, component: Component, all = certificatesOf(deployment)): TreeCertificate[] {
  const wanted = component.tls?.certificate?.file;
  // `${server.config.dir}/resources/security/key.pem`: a placeholder in a leading directory still leaves a tail to match.
  if (!wanted || /\$\{|\{\{/.test(path.basename(wanted))) return [];
  let file: string | undefined;
  if (all.some((c) => c.doc.file.path === wanted)) file = wanted;
  else {
    const want = segments(wanted);
    const near = segments(component.location.file);
    let best: { file: string; tail: number; head: number } | undefined;
    for (const c of all) {
      const have = segments(c.doc.file.path);
      const tail = commonTail(want, have);
      if (tail === 0) continue;
      const head = commonHead(near, have);
      if (!best || tail > best.tail || (tail === best.tail && head > best.head)) best = { file: c.doc.file.path, tail, head };
    }
    file = best?.file;
  }
  const inFile = all.filter((c) => c.doc.file.path === file);
  return [...inFile.filter((c) => !c.cert.isCa), ...inFile.filter((c) => c.cert.isCa)];
}

/** Where the server's configuration names its certificate (falls back to the component). */
export function certificateReference(component: Component): Location {
  return component.tls?.certificate?.reference ?? component.location;
}

export function relatedCertificate(c: TreeCertificate, message: string): RelatedLocation {
  return { ...certLocation(c), message };
}

export function resolvedLinks(deployment: DerivedDeployment): ResolvedLink[] {
  return deployment.derived.links;
}

/** The JDK a component validates peer certificates with, when it is a Java endpoint. */
export function javaRuntimeOf(deployment: Deployment, component: Component): JavaRuntime | undefined {
  if (component.tls && component.tls.implementation !== 'jsse' && component.tls.implementation !== 'ibmjsse2') return undefined;
  if (!component.tls && !component.runtime) return undefined;
  return component.runtime ?? deployment.runtime;
}

export function displayPath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/') || path.basename(file);
}
