/**
 * Fast tier of the Tomcat slice: a JSSE server set up as Tomcat sets it (test/interop/TomcatLab.java with the
 * installed Tomcat's own SSLHostConfig/JSSEUtil) reads generated server.xml trees with their java.security and
 * setenv.sh; the recorded JDK ClientHellos are replayed to it and its answer compared with the pipeline's
 * prediction for the same tree. The long run is `npm run interop`. Skipped (with a note) without Tomcat's jars.
 */
import { installed } from '../interop/stacks';
import { recordings, shuffled } from '../interop/replay';
import { startTomcatLab, tomcatConfigs, tomcatJars, tomcatSliceOf } from '../interop/tomcat';

const ready = tomcatJars() !== undefined && installed('javac', ['-version']) && installed('keytool', ['-help']);
if (!ready)
  console.warn(
    'Tomcat interop test skipped: Tomcat jars (apt-get install libtomcat10-java) and a JDK (javac, keytool) are needed',
  );
const run = ready ? it : it.skip;

describe('recorded JDK ClientHellos replayed to a JSSE server set up as Tomcat sets it (fast tier)', () => {
  run(
    'agrees on 204 pairs: 17 server.xml configurations x 12 recorded hellos, every slice represented',
    async () => {
      const lab = await startTomcatLab();
      try {
        // Both connector-default configurations (no protocols, no ciphers), and 15 of the rest, seeded.
        const all = tomcatConfigs();
        const defaults = all.filter((c) => c.jvm === 'default' && c.protocols === undefined && c.ciphers === undefined);
        const configs = [
          ...defaults,
          ...shuffled(
            all.filter((c) => !defaults.includes(c)),
            7,
          ).slice(0, 15),
        ];
        const recs = recordings();
        const results = (await Promise.all(configs.map((c) => lab.run(c, recs)))).flat();
        expect(results).toHaveLength(204);
        const disagreements = results
          .filter((r) => !r.agree)
          .map((r) => ({ recording: r.recording, server: r.config.id, real: r.real, predicted: r.predicted }));
        expect(disagreements).toEqual([]);
        expect(new Set(configs.map(tomcatSliceOf)).size).toBe(4);
        expect(results.some((r) => r.real.kind === 'hello')).toBe(true);
        expect(results.some((r) => r.real.kind === 'alert')).toBe(true);
      } finally {
        lab.close();
      }
    },
    180_000,
  );
});
