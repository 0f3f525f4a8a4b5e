#!/usr/bin/env node
/**
 * name-alternatives.mjs <dist/index.js> <out.jsonl> <owner+name>… : per tree of $TREES (default /work/try/real-trees),
 * each client the model ties BY NAME to two or more servers whose files lie in different directories — a lab's or an
 * environment's copy of the same server beside the one the client runs with, or a real replica list. One JSON line a
 * tree: {tree, ms, findings, cases:[{kind, dep, client, name, clientFile, servers, nearest, …}]}; `nearest` is the one
 * server file sharing the most directories with the client's file (null on a tie), as kafka/strimzi-listener-mismatch
 * chooses. Kinds: `link` (Deployment.links of one client and one reason: a URL, an MQ channel name), `plainCall` and
 * `refusedCall` (Deployment.plainCallsToTls / refusedCalls of one URL), `kafkaBroker` and `rabbitBroker` (an end's
 * bootstrap or RabbitMQ host against Deployment.kafkaBrokers / rabbitBrokers, as cert/expired's clientKeyStoreOf ties
 * them: `modes` is each broker's ssl.client.auth), `strimzi` (Deployment.kafkaClientReaches against strimziListeners).
 * Session 63: `xargs -P2 -n8 node name-alternatives.mjs dist/index.js out.jsonl < keys.txt` over 1,159 trees.
 */
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

const [dist, out, ...keys] = process.argv.slice(2);
const lib = createRequire(import.meta.url)(path.resolve(dist));
const trees = process.env.TREES ?? '/work/try/real-trees';

/** How many leading directories two files share. */
function shared(a, b) {
  const x = path.dirname(a).split(path.sep);
  const y = path.dirname(b).split(path.sep);
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/** The file sharing the most directories with `file`, undefined on a tie. */
function nearest(file, files) {
  const ranked = files.map((f) => ({ f, n: shared(file, f) })).sort((a, b) => b.n - a.n);
  return ranked.length > 0 && ranked[0].n !== ranked[1]?.n ? ranked[0].f : undefined;
}

/** Items grouped by a key, as arrays. */
function groups(items, keyOf) {
  const map = new Map();
  for (const item of items) {
    const key = keyOf(item);
    if (!map.has(key)) map.set(key, []);
    map.get(key).push(item);
  }
  return [...map.values()];
}

const callKey = (c) => `${c.client}\0${c.url.location.file}:${c.url.location.range?.start.line}\0${c.url.url}`;

function casesOf(cwd, d) {
  const cases = [];
  const rel = (f) => path.relative(cwd, f);
  const components = new Map(d.components.map((c) => [c.id, c]));
  const add = (kind, client, name, clientFile, serverFiles, extra = {}) => {
    const files = [...new Set(serverFiles)];
    if (new Set(files.map((f) => path.dirname(f))).size < 2) return;
    const near = nearest(clientFile, files);
    cases.push({ kind, dep: rel(d.root), client, name, clientFile: rel(clientFile), servers: files.map(rel), nearest: near ? rel(near) : null, ...extra }); // prettier-ignore
  };
  const outcomes = new Map((d.derived?.predictions ?? []).map((p) => [p.link.id, p.outcome?.kind]));
  for (const links of groups(d.links, (l) => `${l.client}\0${l.reason}`)) {
    const client = components.get(links[0].client);
    if (links.length < 2 || !client) continue;
    const servers = links.map((l) => components.get(l.server)?.location.file).filter(Boolean);
    add('link', client.id, links[0].reason, (links[0].location ?? client.location).file, servers, {
      unconfirmed: links.some((l) => l.unconfirmed),
      outcomes: links.map((l) => outcomes.get(l.id) ?? '-'),
    });
  }
  for (const [kind, list] of [
    ['plainCall', d.plainCallsToTls],
    ['refusedCall', d.refusedCalls],
  ])
    for (const calls of groups(list ?? [], callKey)) {
      const { client, url } = calls[0];
      add(
        kind,
        client,
        url.url,
        url.location.file,
        calls.map((c) => c.port.at.file),
      );
    }
  for (const end of d.unlinkedEnds ?? []) {
    const byHost = (kind, hosts, brokers) => {
      for (const host of hosts ?? []) {
        const found = brokers.filter((b) => b.hosts.includes(host));
        add(
          kind,
          end.name,
          host,
          end.location.file,
          found.map((b) => b.location.file),
          {
            modes: found.map((b) => b.clientAuth.mode),
          },
        );
      }
    };
    if (end.kafkaClient) byHost('kafkaBroker', end.kafkaClient.bootstrapHosts, d.kafkaBrokers ?? []);
    if (end.rabbitClient) byHost('rabbitBroker', end.rabbitClient.hosts, d.rabbitBrokers ?? []);
  }
  for (const reach of d.kafkaClientReaches ?? [])
    for (const address of reach.bootstrap.addresses) {
      const colon = address.lastIndexOf(':');
      const host = address.slice(0, colon);
      const port = Number(address.slice(colon + 1));
      const listeners = (d.strimziListeners ?? []).filter(
        (l) => l.port === port && (host === l.service || host.startsWith(`${l.service}.`)),
      );
      add(
        'strimzi',
        reach.name,
        address,
        reach.app.file,
        listeners.map((l) => l.location.file),
      );
    }
  return cases;
}

for (const key of keys) {
  const cwd = path.join(trees, key);
  const started = Date.now();
  const record = { tree: key, cases: [] };
  try {
    const result = lib.lint({ paths: ['.'], cwd, config: lib.defaultConfig(cwd), keepModel: true });
    for (const d of result.deployments) record.cases.push(...casesOf(cwd, d));
    record.findings = result.findings.length;
  } catch (e) {
    record.error = String(e?.message ?? e).split('\n')[0];
  }
  record.ms = Date.now() - started;
  fs.appendFileSync(out, `${JSON.stringify(record)}\n`);
}
