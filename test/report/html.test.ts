import * as fs from 'node:fs';
import * as path from 'node:path';
import { range } from '../../src/core/types';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { extractGraph, extractGraphs } from '../../src/report/graph/extract';
import { layoutGraph } from '../../src/report/graph/layout';
import { html } from '../../src/report/html';
import type { ReportContext } from '../../src/report/types';
import { deriveDeployment } from '../../src/derive/derive';
import { writeTree } from '../helpers/rule-tester';
import { bigDeployment, component, context, CWD, doc, finding, pairDeployment } from './html-fixtures';

const P = `${CWD}/prod`;

describe('graph extraction', () => {
  it('groups components by host and labels them with role, JDK and TLS settings', () => {
    const g = extractGraph(deriveDeployment(pairDeployment()), [], CWD);
    expect(g.root).toBe('prod');
    expect(g.groups.map((x) => x.label)).toEqual(['(deployment root)', 'apps/app', 'mq/QM1']);
    const app = g.nodes.find((n) => n.id === 'app');
    expect(app).toMatchObject({
      name: 'Orders app',
      role: 'client',
      jdk: 'IBM 8.0.6.25',
      protocols: 'TLSv1.2',
      where: 'prod/apps/app/app.conf:1',
    });
    expect(g.nodes.find((n) => n.id === 'qm')?.protocols).toBe('TLS_RSA_WITH_AES_256_CBC_SHA256');
    expect(g.edges).toHaveLength(1);
    // The handshake predictor: IBM JSSE2 TLSv1.2 against the queue manager's order.
    expect(g.edges[0]?.outcome).toMatchObject({ status: 'negotiated', protocol: 'TLSv1.2', source: 'predictor' });
  });

  it('links a finding to the nodes of its locations and to the link between them, which turns red', () => {
    const f = finding('mq/cipherspec-not-negotiated', `${P}/apps/app/app.conf`, 0, {
      related: [{ file: `${P}/mq/QM1/qm.mqsc`, range: range(0, 0, 0, 3), message: 'channel here' }],
    });
    const g = extractGraph(deriveDeployment(pairDeployment()), [f], CWD);
    const ids = g.findings[0]?.nodes.map((n) => g.nodes[n]?.id);
    expect(ids?.sort()).toEqual(['app', 'qm']);
    expect(g.findings[0]?.edges).toEqual([0]);
    expect(g.edges[0]?.outcome).toMatchObject({
      status: 'failure',
      alert: 'mq/cipherspec-not-negotiated',
      source: 'findings',
    });
    expect(g.nodes.find((n) => n.id === 'qm')?.worst).toBe('error');
  });

  it('a warning that involves both ends turns a link neither red nor grey', () => {
    const f = finding('tls/weak', `${P}/apps/app/app.conf`, 0, {
      severity: 'warning',
      related: [{ file: `${P}/mq/QM1/qm.mqsc`, message: 'x' }],
    });
    const g = extractGraph(deriveDeployment(pairDeployment()), [f], CWD);
    expect(g.findings[0]?.edges).toEqual([0]);
    expect(g.edges[0]?.outcome.status).toBe('negotiated');
  });

  it("turns a link red when the predictor says the handshake fails, with the failing side's message", () => {
    const d = pairDeployment();
    d.components[0]!.tls!.protocols = { value: ['TLSv1'], from: { kind: 'default', origin: 'test' } };
    const g = extractGraph(deriveDeployment(d), [], CWD);
    expect(g.edges[0]?.outcome).toMatchObject({ status: 'failure', alert: 'protocol_version', source: 'predictor' });
  });

  it('keeps a link grey when the predictor negotiates but an end has an error', () => {
    const f = finding('x/y', `${P}/mq/QM1/qm.mqsc`, 0);
    const g = extractGraph(deriveDeployment(pairDeployment()), [f], CWD);
    expect(g.edges[0]?.outcome.status).toBe('unknown');
  });

  it('links a finding at the link location to the edge', () => {
    const g = extractGraph(deriveDeployment(pairDeployment()), [finding('x/y', `${P}/apps/app/app.conf`, 3)], CWD);
    expect(g.findings[0]?.edges).toEqual([0]);
    expect(g.edges[0]?.outcome.status).toBe('failure');
  });

  it('picks the component defined at the finding line when a file defines several', () => {
    const d = pairDeployment();
    const file = `${P}/mq/QM1/qm.mqsc`;
    d.components.push(component('qm2', 'mq/QM1', file, { location: { file, range: range(10, 0, 14, 0) } }));
    const g = extractGraph(deriveDeployment(d), [finding('mq/x', file, 12)], CWD);
    expect(g.findings[0]?.nodes.map((n) => g.nodes[n]?.id)).toEqual(['qm2']);
  });

  it('masks secret values in every label', () => {
    const d = pairDeployment();
    d.documents.push(doc(`${P}/other.conf`, [{ key: 'keystore_passphrase', value: 'Sup3r-S3cret!', secret: true }]));
    (d.components[2] as { name: string }).name = 'named after Sup3r-S3cret!';
    const text = JSON.stringify(extractGraphs([], context([d])));
    expect(text).not.toContain('Sup3r-S3cret!');
    expect(text).toContain('named after ***');
  });

  it('files findings by deployment; with several deployments, findings of none are listed apart', () => {
    const a = pairDeployment(`${CWD}/a`);
    const b = pairDeployment(`${CWD}/b`);
    const f1 = finding('r/one', `${CWD}/b/other.conf`, 0, { deployment: `${CWD}/b` });
    const f2 = finding('r/two', `${CWD}/nowhere.json`, 0);
    const { graphs, orphans } = extractGraphs([f1, f2], context([a, b]));
    expect(graphs.map((g) => g.findings.length)).toEqual([0, 1]);
    expect(orphans.map((f) => f.ruleId)).toEqual(['r/two']);
    expect(extractGraphs([f2], context([a])).graphs[0]?.findings).toHaveLength(1);
  });
});

describe('layout', () => {
  it('places 200 components without overlapping boxes, clients left of their servers', () => {
    const g = extractGraph(deriveDeployment(bigDeployment(200, 5)), [], CWD);
    const layout = layoutGraph(g);
    expect(layout.nodes).toHaveLength(200);
    const boxes = [...layout.nodes].sort((p, q) => p.x - q.x || p.y - q.y);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const p = boxes[i]!;
        const q = boxes[j]!;
        if (q.x >= p.x + p.w) break;
        expect(q.y >= p.y + p.h || p.y >= q.y + q.h).toBe(true);
      }
    }
    for (const b of layout.nodes) expect(b.x + b.w <= layout.width && b.y + b.h <= layout.height).toBe(true);
    expect(layout.edges.every((d) => /^M\d+,\d+ [CL]/.test(d))).toBe(true);
  });

  it('routes a link that skips a column under that column, not through its nodes', () => {
    const d = bigDeployment(3, 1);
    d.links.push({ id: 'skip', client: 'c0', server: 'c2', reason: 'skips c1' });
    const layout = layoutGraph(extractGraph(deriveDeployment(d), [], CWD));
    const middle = layout.nodes[1]!;
    const skip = layout.edges[2]!;
    const points = [...skip.matchAll(/(-?\d+),(-?\d+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    const crossing = points
      .slice(1)
      .map((p, i) => [points[i]!, p] as const)
      .filter(([p, q]) => Math.min(p[0], q[0]) < middle.x && Math.max(p[0], q[0]) > middle.x + middle.w);
    expect(crossing.length).toBeGreaterThan(0);
    expect(crossing.every(([p, q]) => p[1] > middle.y + middle.h && q[1] > middle.y + middle.h)).toBe(true);
    expect(layout.height).toBeGreaterThan(Math.max(...points.map(([, y]) => y)));
  });

  it('survives cycles and self-links', () => {
    const d = bigDeployment(6, 2);
    d.links.push(
      { id: 'back', client: 'c5', server: 'c0', reason: 'cycle' },
      { id: 'self', client: 'c1', server: 'c1', reason: 'self' },
    );
    const layout = layoutGraph(extractGraph(deriveDeployment(d), [], CWD));
    expect(layout.edges).toHaveLength(7);
    expect(layout.nodes.every((b) => Number.isFinite(b.x) && Number.isFinite(b.y))).toBe(true);
  });
});

describe('html formatter', () => {
  const hostile = () => {
    const d = pairDeployment();
    const c = d.components[0] as { name: string; host: string };
    c.name = '<script>alert("name")</script>';
    c.host = '<img src=x onerror=alert(1)>';
    const f = finding('x/evil', `${P}/<script>alert(1)<x>.conf`, 0, {
      message: 'value is <script>alert("v")</script> & more',
    });
    return html([f], context([d]));
  };

  it('writes one self-contained page: inline style and script, a CSP that allows no request', () => {
    const out = html([], context([pairDeployment()]));
    expect(out.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(out).toMatch(/Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-/);
    expect(out).not.toMatch(/<link\b|\bsrc=|url\((?!#)|@import/i);
    expect(out.match(/<script>/g)).toHaveLength(1);
    expect(out.match(/<style>/g)).toHaveLength(1);
    expect(html([], context([pairDeployment()]))).toBe(out);
  });

  it('escapes every text it shows (component names, hosts, messages, file names)', () => {
    const out = hostile();
    expect(out.match(/<script/g)).toHaveLength(1);
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;');
    expect(out).toContain('value is &lt;script&gt;alert(&quot;v&quot;)&lt;/script&gt; &amp; more');
    expect(out).toContain('prod/&lt;script&gt;alert(1)&lt;x&gt;.conf:1:1');
  });

  it('draws each node and edge, colours the failing link red and links findings to them and to the rule docs', () => {
    const f = finding('mq/cipherspec-not-negotiated', `${P}/apps/app/app.conf`, 0, {
      related: [{ file: `${P}/mq/QM1/qm.mqsc`, message: 'here' }],
    });
    const out = html([f], context([pairDeployment()]));
    expect(out.match(/<g class="node[ "]/g)).toHaveLength(3);
    expect(out).toMatch(/<g class="edge failure" id="d0-e0"[^>]*><title>fails: mq\/cipherspec-not-negotiated/);
    expect(out).toContain('stroke="#c62828"');
    expect(out).toMatch(/<li class="finding error" id="d0-f0" data-targets="d0-n\d d0-n\d d0-e0"/);
    expect(out).toContain(
      'href="https://github.com/lint-deploy/lint-deploy/blob/main/docs/rules/mq/cipherspec-not-negotiated.md"',
    );
    expect(out).toContain('prod/apps/app/app.conf:1:1');
  });

  it('gives several deployments one section each under a summary table', () => {
    const out = html(
      [finding('r/x', `${CWD}/b/other.conf`, 0, { deployment: `${CWD}/b` })],
      context([pairDeployment(`${CWD}/a`), pairDeployment(`${CWD}/b`)]),
    );
    expect(out.match(/<section class="deployment"/g)).toHaveLength(2);
    expect(out).toMatch(/<table class="summary">[\s\S]*href="#d0">a<[\s\S]*href="#d1">b<[\s\S]*<\/table>/);
  });

  it('stays small with 200 components', () => {
    const out = html([], context([bigDeployment(200, 5)]));
    expect(out.match(/<g class="node[ "]/g)).toHaveLength(200);
    expect(Buffer.byteLength(out)).toBeLessThan(300_000);
  });

  it('never shows a secret or an unescaped value from a real tree', () => {
    const root = writeTree({
      '<script>alert(1)/aserver.conf':
        'cleartrust.net.ssl.use=<script>alert(2)</script>\ncleartrust.net.ssl.keystore_passphrase=Keystore-Pass-42!\n',
      'dispatch/dispatcher.conf': 'cleartrust.net.ssl.use=anon\n',
    });
    try {
      const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
      const ctx: ReportContext = { ...context(result.deployments), cwd: root };
      const out = html(result.findings, ctx);
      expect(result.deployments[0]?.components.length).toBeGreaterThan(0);
      expect(out).not.toContain('Keystore-Pass-42!');
      expect(out.match(/<script/g)).toHaveLength(1);
      expect(out).toContain('&lt;script&gt;alert(1)');
      expect(fs.existsSync(path.join(root, '<script>alert(1)', 'aserver.conf'))).toBe(true);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
