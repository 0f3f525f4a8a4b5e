import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { dot, quote } from '../../src/report/dot';
import { label, mermaid } from '../../src/report/mermaid';
import { context, CWD, finding, pairDeployment } from './html-fixtures';

const P = `${CWD}/prod`;
const failing = () =>
  finding('mq/cipherspec-not-negotiated', `${P}/apps/app/app.conf`, 0, {
    related: [{ file: `${P}/mq/QM1/qm.mqsc`, message: 'here' }],
  });

describe('dot formatter', () => {
  it('draws hosts as clusters and the failing link red', () => {
    const out = dot([failing()], context([pairDeployment()]));
    expect(out).toMatch(/^digraph "deployment 1: prod" \{/);
    expect(out.match(/subgraph "cluster_\d"/g)).toHaveLength(3);
    expect(out).toMatch(/n\d -> n\d \[color="#c62828", label="fails: mq\/cipherspec-not-negotiated"/);
    expect(out).toContain('label="Orders app\\nclient · IBM JSSE2 · IBM 8.0.6.25\\nTLSv1.2"');
    expect(out.trimEnd().endsWith('}')).toBe(true);
  });

  it('quotes labels so nothing ends the string or starts a Graphviz escape', () => {
    expect(quote('a "b" \\N c\nd')).toBe('"a \\"b\\" \\\\N c\\nd"');
    const d = pairDeployment();
    (d.components[0] as { name: string }).name = 'x"; evil -> y [label="';
    const out = dot([], context([d]));
    expect(out).toContain('label="x\\"; evil -> y [label=\\"\\n');
  });
});

describe('a link whose suite depends on the update of a feature-only JDK name', () => {
  it('says it negotiates on every update and which updates give which suite', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-byupdate-'));
    const files: Record<string, string> = {
      'client/Dockerfile': 'FROM eclipse-temurin:11\n',
      'client/application.yml': 'orders:\n  api:\n    base-url: https://api.example.internal:8443/orders\n',
      'api/Dockerfile': 'FROM eclipse-temurin:11\n',
      'api/application.yml': 'server:\n  port: 8443\n  ssl:\n    key-store: classpath:api.p12\n',
    };
    try {
      for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
        fs.writeFileSync(path.join(root, name), text);
      }
      const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
      const out = dot(result.findings, { ...context(result.deployments), cwd: root });
      // 11.0.12's client lists AES-128 first; a JSSE server picks by its own order (AES-256 first) from 11.0.21.
      expect(out).toContain(
        'label="negotiated TLSv1.3 on every JDK update its name leaves open, by update: TLSv1.3 TLS_AES_128_GCM_SHA256 with Java application (client) on 11.0.12 with Spring Boot HTTPS server (api, port 8443) on 11.0.12 to 11.0.20; TLSv1.3 TLS_AES_256_GCM_SHA384 otherwise"',
      );
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('mermaid formatter', () => {
  it('writes a fenced flowchart with subgraphs and coloured link styles', () => {
    const out = mermaid([failing()], context([pairDeployment()]));
    expect(out).toContain('```mermaid\nflowchart LR\n');
    expect(out.match(/ {2}subgraph d0g\d\[/g)).toHaveLength(3);
    expect(out).toMatch(/d0n\d ==>\|"fails: mq\/cipherspec-not-negotiated"\| d0n\d/);
    expect(out).toContain('linkStyle 0 stroke:#c62828,stroke-width:3px');
    expect(out.trimEnd().endsWith('```')).toBe(true);
  });

  it('turns every character Mermaid or HTML would read into an entity code', () => {
    expect(label('<script>alert("x")</script> #1 | a;b [c]')).toBe(
      '"#60;script#62;alert#40;#34;x#34;#41;#60;/script#62; #35;1 #124; a#59;b #91;c#93;"',
    );
    expect(label('one\ntwo')).toBe('"one<br>two"');
    const d = pairDeployment();
    (d.components[0] as { name: string }).name = '<img src=x onerror=alert(1)>"]\n```';
    const out = mermaid([], context([d]));
    expect(out).not.toContain('<img');
    expect(out.match(/```/g)).toHaveLength(2);
  });
});
