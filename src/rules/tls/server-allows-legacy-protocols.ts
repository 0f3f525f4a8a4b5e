import { pushed } from '../../core/pushed';
import type { RuleRelated } from '../types';
import { normaliseProtocol, protocolRank, protocolRetirement } from '../../knowledge';
import { ownEndpoint } from '../../derive/derive';
import type { DerivedDeployment } from '../../derive/types';
import { isNginx, type Component } from '../../model/types';
import type { FloatingOpenssl } from '../../model/attributes';
import { defineRule } from '../types';
import { withSources } from '../_lib/sources';
import { readersNamed, SharedLines } from '../_lib/shared-lines';
import { ours, said, type Phrase } from '../../core/phrase';

/** Protocol versions RFCs retire (SSLv2Hello is a hello format, not a version): protocolRetirement says which. */
const LEGACY = new Set(['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1']);
const SERVER_TYPES = /^(nginx\.|httpd\.server$|tomcat\.|spring\.server$)/;

/**
 * Why the server's own OpenSSL refuses `protocols` whatever the list says (OpenSSL 3 above security level 0 signs no
 * TLS 1.0/1.1 handshake: the model's `signatureFloor`), with the places that settle it; undefined when it does not, or
 * when the tree does not name the OpenSSL release (an alternative series would sign them: unknown, not refused). The
 * official image under a tag naming no release (`FROM nginx`, `FROM httpd:2.4`) is judged as built or pulled now, as
 * nginx/ssl-directive-removed judges it: `floating` then says which releases that is.
 */
function refusedByOpenssl(
  server: Component,
  protocols: string[],
): { floor: string; why: Phrase; at: RuleRelated[]; floating?: FloatingOpenssl } | undefined {
  const floor = server.tls?.signatureFloor;
  const image = isNginx(server) || server.type === 'httpd.server' ? server.attributes.openssl : undefined;
  // The assumed series is the floor's: a floating tag running that series now settles it (an older build may not).
  const floating =
    image?.assumed && image.floating?.series === image.series && !image.floating.prebuilt ? image.floating : undefined;
  if (!floor || (server.tls?.signatureFloorAlternative && !floating)) return undefined;
  if (!protocols.every((p) => protocolRank(p) < protocolRank(floor.value))) return undefined;
  // The release comes from the image the tree names (FROM nginx:1.25 → debian:bookworm): name it too.
  const native = server.type === 'tomcat.connector' ? server.attributes.nativeOpenssl : undefined;
  const runs: RuleRelated[] = floating
    ? [
        {
          ...floating.at,
          message: said`${floating.image} names no release: built or pulled now, ${floating.lowest} or later, on ${floating.bases.join(' or ')} (OpenSSL ${floating.series})`,
        },
      ]
    : image?.at
      ? [{ ...image.at, message: said`${image.via ?? 'this image'}: OpenSSL ${image.release ?? image.series}` }]
      : (native?.at ?? []).map((l) => ({ ...l, message: ours('Tomcat runs this connector on OpenSSL') }));
  const when = floating ? { floating } : {};
  if (floor.from.kind === 'file')
    return {
      floor: floor.value,
      why: ours('above security level 0 (the @SECLEVEL its cipher string sets) it signs no TLS 1.0/1.1 handshake'),
      at: [{ ...floor.from.location, message: ours('the security level is set here') }, ...runs],
      ...when,
    };
  return { floor: floor.value, why: ours(floor.from.origin.replace(/ \(https?:[^)]*\)$/, '')), at: runs, ...when };
}

/** A floating tag Compose builds under an image name: why it is not judged as built now (an earlier build may run). */
function prebuiltImage(server: Component): RuleRelated[] {
  const image = isNginx(server) || server.type === 'httpd.server' ? server.attributes.openssl : undefined;
  const prebuilt = image?.assumed ? image.floating?.prebuilt : undefined;
  if (!image?.floating || !prebuilt) return [];
  const { lowest, series } = image.floating;
  return [
    {
      ...prebuilt.at,
      message: said`Compose runs this build as ${prebuilt.image}: an image of that name built earlier may hold an older release than ${lowest} (OpenSSL ${series} from it on), so which OpenSSL runs is unknown`,
    },
  ];
}

/**
 * Of the legacy protocols a Java (JSSE) server lists, those its runtime still enables: the ones its JDK's
 * jdk.tls.disabledAlgorithms drops are java/protocol-disabled-by-runtime's ("the JDK silently drops it"), in every update
 * a JDK named by its feature may be. All of them when the JDK or its lists are not known, and on other stacks.
 */
function stillEnabledOnJsse(deployment: DerivedDeployment, server: Component, legacy: string[]): string[] {
  const implementation = server.tls?.implementation;
  if (legacy.length === 0 || (implementation !== 'jsse' && implementation !== 'ibmjsse2')) return legacy;
  const endpoint = ownEndpoint(deployment, server);
  if (!endpoint || endpoint.missing.length > 0) return legacy;
  const enabled = new Set(
    [...endpoint.side.protocols, ...(endpoint.updates?.candidates.flatMap((c) => c.patch.protocols ?? []) ?? [])].map(
      normaliseProtocol,
    ),
  );
  return legacy.filter((p) => enabled.has(p));
}

export default defineRule({
  meta: {
    id: 'tls/server-allows-legacy-protocols',
    description: 'Warn when an nginx, httpd, Tomcat or Spring Boot server enables SSLv3, TLSv1 or TLSv1.1',
    severity: 'warning',
    messages: {
      legacy:
        '{{server}} enables {{legacy}} ({{retiredBy}}; disabled by default in current JDKs, browsers and OpenSSL 3 at security level 1 and above). Fix: allow only TLSv1.2 and TLSv1.3, and upgrade the clients that still need {{legacy}}',
      refusedByFloatingImage:
        "{{server}} lists {{legacy}}, but the image {{image}} names no release: built or pulled now it runs {{lowest}} or later{{since}}, on OpenSSL {{series}}, which refuses them ({{why}}), so a client that offers only {{legacy}} fails with alert internal_error (OpenSSL: 'no suitable signature algorithm') and nothing below {{floor}} is served; an image of the tag built or pulled earlier may still run an OpenSSL 1.x that serves them. Fix: remove {{legacy}} so the list says what runs",
      refusedByRuntime:
        "{{server}} lists {{legacy}}, but its {{runtime}} refuses them: {{why}}, so a client that offers only {{legacy}} fails with alert internal_error (OpenSSL: 'no suitable signature algorithm') and nothing below {{floor}} is served. Fix: remove {{legacy}} so the list says what runs",
    },
    defaultOptions: {},
    symptoms: [],
  },
  check(ctx) {
    // Servers that take the list from one line (an included snippet shared by many server blocks) are one finding.
    const byLine = new SharedLines<{ legacy: string[]; refused?: Refusal }>();
    for (const server of ctx.deployment.components) {
      if (!SERVER_TYPES.test(server.type) || server.role === 'client') continue;
      const protocols = server.tls?.protocols;
      if (!protocols || protocols.from.kind !== 'file') continue;
      const legacy = stillEnabledOnJsse(
        ctx.deployment,
        server,
        pushed(protocols.value, normaliseProtocol).filter((p) => LEGACY.has(p)),
      );
      if (legacy.length === 0) continue;
      // Set outside the file that defines the server (a Spring `-Dserver.ssl.*` in a Dockerfile): that file decides
      // too, and so does what made the value apply (the place that activates its Spring profile).
      const elsewhere = protocols.from.location.file !== server.location.file;
      const defined = elsewhere ? [{ ...server.location, message: said`${server.name} is defined here` }] : [];
      const refused = refusedByOpenssl(server, legacy);
      const related = withSources(
        protocols.from.location,
        [...defined, ...(refused?.at ?? prebuiltImage(server))],
        protocols.from.via ?? [],
      );
      const runtime = refused ? (ctx.deployment.derived.stacks.get(server.id)?.label ?? 'OpenSSL') : '';
      const detail = `${legacy.join(',')}|${runtime}|${refused?.floor ?? ''}`;
      byLine.add(protocols.from.location, detail, server, { legacy, ...(refused && { refused }) }, related);
    }
    for (const { components: servers, value, related } of byLine.values()) {
      const { legacy, refused } = value;
      const first = servers[0]!;
      const protocols = first.tls!.protocols!;
      const data = { server: readersNamed(servers), legacy: legacy.join(', ') };
      const floating = refused?.floating;
      ctx.report({
        ...(refused && floating
          ? {
              messageId: 'refusedByFloatingImage' as const,
              severity: 'info' as const,
              data: {
                ...data,
                image: floating.image,
                lowest: floating.lowest,
                since: floating.since ? ours(` (true of every such tag since ${floating.since})`) : '',
                series: floating.series,
                why: refused.why,
                floor: refused.floor,
              },
            }
          : refused
            ? {
                messageId: 'refusedByRuntime' as const,
                severity: 'info' as const,
                data: {
                  ...data,
                  runtime: ctx.deployment.derived.stacks.get(first.id)?.label ?? 'OpenSSL',
                  why: refused.why,
                  floor: refused.floor,
                },
              }
            : { messageId: 'legacy' as const, data: { ...data, retiredBy: ours(protocolRetirement(legacy) ?? '') } }),
        location: protocols.from.kind === 'file' ? protocols.from.location : first.location,
        ...(related.length > 0 ? { related } : {}),
        fingerprint: [...servers.map((s) => s.id), legacy.join(',')],
      });
    }
  },
});

type Refusal = NonNullable<ReturnType<typeof refusedByOpenssl>>;
