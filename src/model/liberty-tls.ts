import * as path from 'node:path';
import { libertyFeatureSsl } from '../knowledge/liberty-features';
import type { DockerfileData } from '../parse/dockerfile';
import type { ParsedDocument } from '../parse/types';
import { elementsNamed } from '../parse/xml';
import type { ModelContext } from './contributor';
import { libertyServersOf, type LibertyServerConfig } from './liberty-config';

/**
 * Whether a Liberty server serves TLS at all: Liberty starts the HTTPS listener of an `<httpEndpoint httpsPort>`,
 * and reads `<keyStore>`/`<ssl>` for inbound TLS, only when its features include ssl-1.0 (knowledge:
 * liberty-features.json). `enabled`: a feature the server enables includes it; `absent`: the feature list is settled
 * and no feature of it does; `unknown`: the list is not settled (see `unsettled`), so nothing may be concluded.
 */
export interface LibertyTlsFeatures {
  state: 'enabled' | 'absent' | 'unknown';
  /** The feature that brings ssl-1.0 in (`enabled`). */
  feature?: string;
  /** Why the feature list is not settled (`unknown`). */
  unsettled: string[];
}

/** `ARG`/`ENV` settings by which the Liberty container images' build scripts add features in configDropins. */
const IMAGE_FEATURE_SETTING = /(?:^|\s)(TLS|SSL|SEC_SSO_PROVIDERS)(?:=("[^"]*"|'[^']*'|\S*)|\s+(\S+)|\s*$)/;

/**
 * What a Dockerfile of the tree may add to a Liberty server's features: the Open Liberty and WebSphere Liberty
 * images' `features.sh` copies tls.xml (transportSecurity-1.0) into configDropins/overrides when `TLS` or `SSL` is
 * true, and SSO snippets for `SEC_SSO_PROVIDERS` (OpenLiberty/ci.docker releases/latest/kernel-slim/helpers/build/
 * features.sh); a `COPY`/`ADD` into configDropins brings a file the tree holds elsewhere, or not at all.
 */
function dockerfileAdditions(doc: ParsedDocument<DockerfileData>): string[] {
  const images = doc.data.stages;
  // A Dockerfile whose every stage is a known image other than Liberty's builds something else.
  if (images.length > 0 && images.every((s) => s.image !== undefined && !/liberty/i.test(s.image))) return [];
  const out: string[] = [];
  const name = path.basename(doc.file.path);
  for (const line of doc.file.text.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
    const instruction = /^\s*(ARG|ENV|COPY|ADD)\s+(.*)$/i.exec(line);
    if (!instruction) continue;
    const verb = instruction[1] ?? '';
    const rest = instruction[2] ?? '';
    if (/^(COPY|ADD)$/i.test(verb)) {
      if (/configDropins/i.test(rest.trim().split(/\s+/).at(-1) ?? ''))
        out.push(`${name} copies a file into configDropins`);
      continue;
    }
    for (const part of rest.split(/\s+(?=[A-Za-z_]\w*=)/)) {
      const m = IMAGE_FEATURE_SETTING.exec(` ${part}`);
      if (!m) continue;
      const value = (m[2] ?? m[3] ?? '').replace(/^["']|["']$/g, '').toLowerCase();
      if (m[1] !== 'SEC_SSO_PROVIDERS' && value === 'false') continue;
      out.push(`${name} sets ${m[1]}${value ? `=${value}` : ' at build time'}`);
    }
  }
  return out;
}

function libertyTlsFeatures(
  config: LibertyServerConfig,
  dockerfiles: readonly ParsedDocument<DockerfileData>[],
): LibertyTlsFeatures {
  const features = config.data.features.map((f) => f.trim()).filter(Boolean);
  const enabling = features.find((f) => libertyFeatureSsl(f).ssl === 'enables');
  if (enabling) return { state: 'enabled', feature: enabling, unsettled: [] };
  const unsettled: string[] = [];
  if (elementsNamed(config.data.xml, 'featureManager').length === 0)
    unsettled.push('no <featureManager>: the file may be a fragment another configuration includes');
  for (const f of features)
    if (/\$\{/.test(f)) unsettled.push(`feature ${f} is named by a variable`);
    else if (libertyFeatureSsl(f).ssl === 'unknown') unsettled.push(`feature ${f} is not in the knowledge base`);
  for (const include of config.unresolvedIncludes) unsettled.push(`include ${include.written} is not resolved`);
  for (const include of config.missingIncludes) unsettled.push(`include ${include.written} is not in the tree`);
  for (const doc of dockerfiles) unsettled.push(...dockerfileAdditions(doc));
  return { state: unsettled.length > 0 ? 'unknown' : 'absent', unsettled };
}

/** Each Liberty server of the deployment (by its root server.xml) with whether it serves TLS; computed once per model build. */
export function libertyTlsOf(ctx: Pick<ModelContext, 'deployment' | 'once'>): Map<string, LibertyTlsFeatures> {
  return ctx.once('libertyTls', () => {
    const dockerfiles = ctx.deployment.documents.filter(
      (d): d is ParsedDocument<DockerfileData> => d.kind === 'dockerfile',
    );
    return new Map(libertyServersOf(ctx).map((c) => [c.root.file.path, libertyTlsFeatures(c, dockerfiles)]));
  });
}
