import type { Finding } from '../../src/core/types';
import { range } from '../../src/core/types';
import type { Component, Deployment, JavaAppComponent } from '../../src/model/types';
import type { ParsedDocument } from '../../src/parse/types';
import type { ReportContext } from '../../src/report/types';
import { deriveDeployment } from '../../src/derive/derive';
import type { DerivedDeployment } from '../../src/derive/types';

/** Hand-built deployments for the html/dot/mermaid formatter tests (no parsing involved). */
export const CWD = '/work/site';

export function doc(file: string, entries: { key: string; value: string; secret?: boolean }[] = []): ParsedDocument {
  return {
    file: { path: file, text: '', hadBom: false },
    kind: 'test',
    entries: entries.map((e, i) => ({
      key: e.key,
      value: e.value,
      secret: e.secret ?? false,
      keyRange: range(i, 0, i, 1),
      valueRange: range(i, 2, i, 3),
    })),
    comments: [],
    problems: [],
    data: undefined,
  };
}

export function component(
  id: string,
  host: string,
  file: string,
  extra: Partial<Omit<JavaAppComponent, 'type' | 'attributes'>> = {},
): Component {
  return {
    id,
    type: 'java.app',
    name: id,
    role: 'both',
    location: { file, range: range(0, 0, 0, 5) },
    host,
    documents: [doc(file)],
    attributes: { urls: [], profiles: [] },
    ...extra,
  };
}

export function finding(ruleId: string, file: string, line: number, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId,
    severity: 'error',
    message: `${ruleId} message`,
    location: { file, range: range(line, 0, line, 4) },
    ...extra,
  };
}

export function context(deployments: (Deployment | DerivedDeployment)[]): ReportContext {
  const derived = deployments.map((d) => ('derived' in d ? d : deriveDeployment(d)));
  return {
    cwd: CWD,
    toolName: 'lint-deploy',
    toolVersion: '0.0.0-test',
    rules: [],
    deployments: derived,
    fileCount: 3,
    color: false,
  };
}

/** A client → server pair on two hosts, plus a lonely component; the link fails when an error involves both ends. */
export function pairDeployment(root = `${CWD}/prod`): Deployment {
  const client = component('app', 'apps/app', `${root}/apps/app/app.conf`, {
    name: 'Orders app',
    role: 'client',
    runtime: {
      vendor: { value: 'ibm', from: { kind: 'default', origin: 'test' } },
      version: { value: '8.0.6.25', from: { kind: 'default', origin: 'test' } },
      securityProperties: {},
      systemProperties: {},
    },
    tls: { implementation: 'ibmjsse2', protocols: { value: ['TLSv1.2'], from: { kind: 'default', origin: 'test' } } },
  });
  const server = component('qm', 'mq/QM1', `${root}/mq/QM1/qm.mqsc`, {
    name: 'SVRCONN channel APP.SVRCONN',
    role: 'server',
    tls: {
      implementation: 'gskit',
      cipherSuites: { value: ['TLS_RSA_WITH_AES_256_CBC_SHA256'], from: { kind: 'default', origin: 'test' } },
    },
  });
  const lonely = component('other', '', `${root}/other.conf`, { role: 'none' });
  return {
    root,
    documents: [...client.documents, ...server.documents, ...lonely.documents],
    components: [client, server, lonely],
    links: [
      {
        id: 'app->qm',
        client: 'app',
        server: 'qm',
        reason: 'same channel name APP.SVRCONN',
        location: { file: `${root}/apps/app/app.conf`, range: range(3, 0, 3, 9) },
      },
    ],
  };
}

/** `n` components on `n / perHost` hosts in a chain of client → server links (for size/scale checks). */
export function bigDeployment(n: number, perHost: number): Deployment {
  const root = `${CWD}/big`;
  const components = Array.from({ length: n }, (_, i) =>
    component(`c${i}`, `host${Math.floor(i / perHost)}`, `${root}/host${Math.floor(i / perHost)}/c${i}.conf`, {
      name: `Component number ${i}`,
    }),
  );
  const links = components.slice(1).map((c, i) => ({ id: `l${i}`, client: `c${i}`, server: c.id, reason: 'test' }));
  return { root, documents: components.flatMap((c) => c.documents), components, links };
}
