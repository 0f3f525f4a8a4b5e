import type { RuleRelated } from '../../types';
import type { Location } from '../../../core/types';
import type { TreeCertificate } from '../../../model/mq-certs';
import type { DerivedDeployment, ResolvedLink } from '../../../derive/types';
import type { Component, Deployment, JavaRuntime } from '../../../model/types';
import { certLocation } from './shared';
import { said } from '../../../core/phrase';
import { shownRelative } from '../../../core/posix-path';

/** The certificates of the PEM file a component's TLS settings name, when the tree holds it (leaf first). */
export function presentedCertificates(deployment: DerivedDeployment, component: Component): TreeCertificate[] {
  return deployment.derived.presented.get(component.id)?.[0]?.certificates ?? [];
}

/** Where the server's configuration names its certificate (falls back to the component). */
export function certificateReference(component: Component): Location {
  return component.tls?.certificate?.reference ?? component.location;
}

/** Where Docker Compose (or a Dockerfile COPY) puts the certificate file at the path the configuration names, when it does. */
export function certificateMount(component: Component): RuleRelated[] {
  const at = component.tls?.certificate?.mountedAt;
  const copied = component.tls?.certificate?.copiedAt;
  return at
    ? [{ ...at, message: said`Docker Compose mounts the certificate file at the path ${component.name} names` }]
    : copied
      ? [{ ...copied, message: said`the Dockerfile copies the certificate file to the path ${component.name} names` }]
      : [];
}

export function relatedCertificate(c: TreeCertificate, message: string): RuleRelated {
  return { ...certLocation(c), message };
}

export function resolvedLinks(deployment: DerivedDeployment): ResolvedLink[] {
  return deployment.derived.links;
}

/** The JDK a component validates peer certificates with, when it is a Java endpoint. */
export function javaRuntimeOf(deployment: Deployment, component: Component): JavaRuntime | undefined {
  if (component.tls && component.tls.implementation !== 'jsse' && component.tls.implementation !== 'ibmjsse2')
    return undefined;
  if (!component.tls && !component.runtime) return undefined;
  return component.runtime ?? deployment.runtime;
}

export function displayPath(root: string, file: string): string {
  return shownRelative(root, file);
}
