import * as path from 'node:path';
import { defineRule } from '../types';
import { ours, said } from '../../core/phrase';
import { relativePosix } from '../../core/posix-path';
import { isIpAddress } from '../../core/ip';
import { runBy } from '../_lib/search-node-layers';
import { certutilFilenameOf } from '../../knowledge/certutil';
import type { CertutilInstanceRecord } from '../../model/certutil-instance-records';
import type { CertutilWritten } from '../../parse/certutil-instances';

/**
 * Kibana, a Beat or a Logstash output that reaches an Elasticsearch/OpenSearch node over HTTPS by a host name the
 * node's certificate will not hold, where that certificate is one `elasticsearch-certutil cert --in <instances file>`
 * makes: the node's HTTP layer presents `<filename>/<filename>.crt` (or `.p12`) from a path the tree does not hold
 * (a setup service generates it), and an instances file of the tree declares that instance. certutil puts the
 * instance's `dns` and `ip` entries in the certificate's subject alternative names and its name only in the subject
 * (knowledge certutil.json, after CertificateTool.java), so a client that verifies the host (`full`, the default of
 * Kibana, the Beats and Logstash) refuses a host among neither. Links are model/elastic-links.ts's (one node answers
 * the host and port). An error when the certificate's host path lies under the instances file's directory (the
 * docker-elk layout: `tls/instances.yml` → `tls/certs/<name>/<name>.crt`); a warning when only the file name ties them
 * (a named volume: another run may have made the file). Not judged: a host name when the instance lists no `dns` (the
 * subject's CN may then be checked), an IP host when it lists neither, an entry with `${…}`, a client whose
 * verification is `certificate`, `none` or unknown, several instances files declaring the name with the host in one.
 */
export default defineRule({
  meta: {
    id: 'elastic/certutil-host-not-in-certificate',
    description:
      'Check that the host a client calls an Elasticsearch/OpenSearch node by is among the names elasticsearch-certutil puts in the certificate that node presents',
    severity: 'error',
    messages: {
      missing:
        "{{client}} calls {{node}} as {{host}} and checks the host name, but the certificate the node presents ({{certificate}}) is the one elasticsearch-certutil makes for instance {{instance}} of {{instancesFile}}, whose subject alternative names are {{names}}: {{host}} is not among them, so every connection is refused ({{symptom}}). Add {{host}} to the instance's {{field}} list and generate the certificate again, or call the node by one of its names{{certainty}}",
    },
    defaultOptions: {},
    appliesTo: {
      documents: [
        'elastic.certutil-instances',
        'elasticsearch.config',
        'opensearch.config',
        'compose',
        'kibana.config',
        'beats.config',
        'logstash.',
      ],
    },
    symptoms: [
      "Hostname/IP does not match certificate's altnames",
      'does not match the certificate subject provided by the peer',
      'x509: certificate is valid for',
    ],
  },
  check(ctx) {
    const { deployment } = ctx;
    const instances = deployment.certutilInstances ?? [];
    if (instances.length === 0) return;
    for (const link of deployment.elasticLinks ?? []) {
      if (link.server.kind === 'logstash-input' || link.client.tls !== true || link.server.tls !== true) continue;
      if (link.client.checksHost.value !== true) continue;
      const node = deployment.searchNodes?.find((n) => n.name === link.server.name);
      const presents = node?.layers.http.presents;
      if (!node || !presents || presents.ref.file || presents.setting.placeholder) continue;
      const filename = certutilFilenameOf(presents.outsideFile ?? presents.setting.value);
      const declared = instances.filter((r) => r.instance.filename === filename);
      const [first] = declared;
      if (!first || declared.some((r) => holdsOrUnknown(r, link.host))) continue;
      const field = isIpAddress(link.host.replace(/^\[|\]$/g, '')) ? 'ip' : 'dns';
      const generatedHere =
        presents.outsideFile !== undefined &&
        declared.some((r) => !path.relative(path.dirname(r.file), presents.outsideFile!).startsWith('..'));
      const names = [...first.instance.dns, ...first.instance.ip].map((n) => n.value);
      ctx.report({
        messageId: 'missing',
        ...(!generatedHere && { severity: 'warning' as const }),
        data: {
          client: link.client.name,
          node: node.name,
          host: link.host,
          certificate: presents.outsideFile
            ? relativePosix(deployment.root, presents.outsideFile)
            : presents.setting.value,
          instance: first.instance.name.value,
          instancesFile: relativePosix(deployment.root, first.file),
          names: names.join(', '),
          field,
          symptom:
            link.client.product === 'kibana'
              ? "Kibana: Hostname/IP does not match certificate's altnames"
              : link.client.product === 'logstash'
                ? 'Logstash: Host name … does not match the certificate subject provided by the peer'
                : 'Beats: x509: certificate is valid for …, not …',
          certainty: generatedHere
            ? ''
            : ". Only the file's name ties it to this instance (the tree does not show which run wrote it)",
        },
        location: link.hostAt,
        related: [
          {
            file: first.file,
            range: first.instance.name.range,
            message: said`instance ${first.instance.name.value}: the certificate's names`,
          },
          { ...presents.setting.at, message: ours('the certificate the node presents on HTTP') },
          ...runBy(node),
          ...(link.client.checksHost.at
            ? [{ ...link.client.checksHost.at, message: ours('checks the host name') }]
            : []),
        ],
        fingerprint: [link.client.name, link.host, node.name],
      });
    }
  },
});

/** Whether the instance's certificate holds the host, or whether that is unknown (a placeholder, no names to check). */
function holdsOrUnknown({ instance }: CertutilInstanceRecord, host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  const ip = isIpAddress(bare);
  const list: CertutilWritten[] = ip ? instance.ip : instance.dns;
  if (list.some((n) => n.value.includes('$'))) return true;
  // With no DNS name a client may check the subject's CN; an IP is checked against IP names only.
  if (!ip && list.length === 0) return true;
  if (ip && instance.dns.length + instance.ip.length === 0) return true;
  return list.some((n) => matches(n.value.toLowerCase(), bare, ip));
}

function matches(name: string, host: string, ip: boolean): boolean {
  if (ip) return name === host;
  if (name === host) return true;
  // A wildcard names one label: `*.example.com` matches `a.example.com`.
  return name.startsWith('*.') && host.slice(host.indexOf('.')) === name.slice(1) && host.indexOf('.') > 0;
}
