/**
 * Azul Zulu 8 as its own vendor family (issue 15): TLS 1.3 in the default SunJSSE from 8u262 (before: only the
 * non-default OpenJSSE provider), and defaults no public Zulu source settles — the client's and the server's TLS 1.3
 * default for 8u262-8u271 — stated as unknown: `--explain-jdk` says so, and a link they decide is unknown, never a
 * failure.
 */
import * as fs from 'node:fs';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import type { LinkOutcome } from '../../src/handshake/types';
import {
  explainJdk,
  jdkFromImage,
  jdkFromPath,
  jdkProfile,
  parseJavaVersion,
  vendorFromRelease,
} from '../../src/knowledge';
import { certFile } from '../rules/cert/cert-files';
import { javaClient, nginx, springServer, TEMURIN17 } from '../rules/tls/trees';
import { writeTree, type Tree } from '../helpers/rule-tester';

const zuluRelease = (update: number) => `JAVA_VERSION="1.8.0_${update}"\nIMPLEMENTOR="Azul Systems, Inc."\n`;
const profile = (update: number) => jdkProfile('zulu', parseJavaVersion(`1.8.0_${update}`)!)!;

describe('Azul Zulu is its own vendor family', () => {
  it.each([
    [{ IMPLEMENTOR: '"Azul Systems, Inc."', JAVA_VERSION: '"1.8.0_262"' }],
    [{ IMPLEMENTOR: 'Azul Systems, Inc.', JAVA_VERSION: '11.0.8', IMPLEMENTOR_VERSION: 'Zulu11.41+23-CA' }],
  ])('release file %j → zulu', (fields) => {
    expect(vendorFromRelease(fields)).toBe('zulu');
  });

  it('image azul/zulu-openjdk:8u262 and path /usr/lib/jvm/zulu8 → zulu', () => {
    expect(jdkFromImage('azul/zulu-openjdk:8u262')).toMatchObject({ vendor: 'zulu', version: '1.8.0_262' });
    expect(jdkFromPath('/usr/lib/jvm/zulu8-ca-amd64/bin/java')).toMatchObject({ vendor: 'zulu', feature: '8' });
  });
});

describe('Zulu 8 TLS 1.3 by update (src/knowledge/data/jdk-tls-defaults.json)', () => {
  it.each([
    // update, TLS 1.3 supported, client default, client unknown?, server default, server unknown?
    [252, false, ['TLSv1.2', 'TLSv1.1', 'TLSv1'], false, ['TLSv1.2', 'TLSv1.1', 'TLSv1', 'SSLv2Hello'], false],
    [262, true, ['TLSv1.2', 'TLSv1.1', 'TLSv1'], true, ['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1'], true],
    [265, true, ['TLSv1.2', 'TLSv1.1', 'TLSv1'], true, ['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1'], true],
    [272, true, ['TLSv1.2', 'TLSv1.1', 'TLSv1'], false, ['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1'], false],
    [352, true, ['TLSv1.3', 'TLSv1.2'], false, ['TLSv1.3', 'TLSv1.2'], false],
  ] as const)(
    '8u%i: TLS 1.3 supported %s, client %j (unknown %s), server %j (unknown %s)',
    (update, tls13, client, clientUnknown, server, serverUnknown) => {
      const p = profile(update);
      expect(p.supportedProtocols.value.includes('TLSv1.3')).toBe(tls13);
      expect(p.defaultClientProtocols.value).toEqual(client);
      expect(p.defaultServerProtocols.value).toEqual(server);
      expect(p.defaultClientProtocols.unknown !== undefined).toBe(clientUnknown);
      expect(p.defaultServerProtocols.unknown !== undefined).toBe(serverUnknown);
      for (const fact of [p.supportedProtocols, p.defaultClientProtocols, p.defaultServerProtocols])
        expect(fact.source).toMatch(/https:\/\//);
    },
  );

  it('8u262: the unsettled client default names its other candidate (TLS 1.3 on), the server the reverse', () => {
    expect(profile(262).defaultClientProtocols.unknown?.alternative).toEqual([
      'TLSv1.3',
      'TLSv1.2',
      'TLSv1.1',
      'TLSv1',
    ]);
    expect(profile(262).defaultServerProtocols.unknown?.alternative).toEqual(['TLSv1.2', 'TLSv1.1', 'TLSv1']);
  });

  it('--explain-jdk 1.8.0_262 --java-vendor zulu says, client and server separately, what is unknown', () => {
    const text = explainJdk('1.8.0_262', 'zulu');
    expect(text).toMatch(/^Azul Zulu 8u262 \(SunJSSE\)/);
    expect(text).toMatch(/default client protocols: TLSv1\.2, TLSv1\.1, TLSv1 \(UNKNOWN: or TLSv1\.3, TLSv1\.2/);
    expect(text).toMatch(/default server protocols: TLSv1\.3, TLSv1\.2, TLSv1\.1, TLSv1 \(UNKNOWN: or TLSv1\.2/);
    expect(text).toMatch(/unknown: whether Azul Zulu 8u262-8u271 enables TLS 1.3 on the client/);
    expect(text).toMatch(/unknown: whether Azul Zulu 8u262-8u271 enables TLS 1.3 on the server/);
    expect(text).toMatch(/supported protocols: TLSv1\.3/);
    expect(explainJdk('1.8.0_252', 'Azul Systems, Inc.')).not.toMatch(/UNKNOWN|TLSv1\.3/);
  });
});

function outcomes(files: Tree): { outcomes: LinkOutcome[]; errors: string[] } {
  const root = writeTree(files);
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    return {
      outcomes: result.deployments.flatMap((d) => d.derived.predictions.map((p) => p.outcome)),
      errors: result.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`),
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const nginxApi = (protocols: string) => ({
  'api/nginx.conf': nginx(
    `ssl_protocols ${protocols};`,
    'ssl_certificate /etc/nginx/ssl/rsa.crt;',
    'ssl_certificate_key /etc/nginx/ssl/rsa.key;',
  ),
  'api/ssl/rsa.crt': certFile('api-san.crt'),
});

describe('Zulu 8 links through the pipeline: unknown only where the unsettled default decides', () => {
  it.each([
    ['Zulu 8u262 client → nginx TLSv1.3 only: TLS 1.3 on the client is unsettled', 262, [], 'TLSv1.3', 'unknown'],
    ['Zulu 8u262 client → nginx TLSv1.2: either candidate negotiates', 262, [], 'TLSv1.2', 'negotiates'],
    [
      'Zulu 8u262 client with jdk.tls.client.protocols=TLSv1.3 → nginx TLSv1.3: settled by the property',
      262,
      ['-Djdk.tls.client.protocols=TLSv1.3'],
      'TLSv1.3',
      'negotiates',
    ],
    ['Zulu 8u252 client → nginx TLSv1.3 only: no TLS 1.3 in the default provider', 252, [], 'TLSv1.3', 'fails'],
  ] as const)('%s', (_name, update, options, serverProtocols, kind) => {
    const run = outcomes({ ...javaClient([...options], zuluRelease(update)), ...nginxApi(serverProtocols) });
    expect(run.outcomes.map((o) => o.kind)).toEqual([kind]);
    const outcome = run.outcomes[0];
    if (outcome.kind === 'unknown') {
      expect(outcome.missing.join('\n')).toMatch(/enables TLS 1.3 on the client/);
      expect(run.errors).toEqual([]);
    }
  });

  it('a Temurin 17 client offering only TLS 1.3 → a Spring server on Zulu 8u262: the server default is unsettled', () => {
    const run = outcomes({
      ...javaClient(['-Djdk.tls.client.protocols=TLSv1.3'], TEMURIN17),
      'api/jdk/release': zuluRelease(262),
      'api/application.yml': springServer(),
    });
    expect(run.outcomes).toHaveLength(1);
    expect(run.outcomes[0]).toMatchObject({ kind: 'unknown' });
    expect((run.outcomes[0] as { missing: string[] }).missing.join('\n')).toMatch(/TLS 1.3 on the server/);
    expect(run.errors).toEqual([]);
  });
});
