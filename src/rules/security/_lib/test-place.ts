import * as path from 'node:path';
import { CI_SERVICE_SECTION } from '../../../parse/ci-services';
import type { Entry, ParsedDocument } from '../../../parse/types';
import { testFixtureDir, testGoldenDir, testResourcesDir } from '../../../core/test-fixture-dirs';
import { EXAMPLE_SUFFIX, lastPathSegment } from '../../../core/path-name';
import { relativePosix } from '../../../core/posix-path';
import { distributionSampleHome } from './wildfly-copies';
import { ours } from '../../../core/phrase';
import type { RuleRelated } from '../../types';

/**
 * A Maven or Gradle test source set (`src/test/`, `src/it/`, `src/integrationTest/`…) outside its resources: apache/tomee
 * @9b8607a's Arquillian tests start a TomEE whose conf is src/test/conf (tomcat-users.xml, server.xml), and
 * apache/activemq-artemis keeps test brokers' XML beside the test classes in src/test/java. Maven packages neither
 * (https://maven.apache.org/guides/introduction/introduction-to-the-standard-directory-layout.html).
 */
const TEST_SOURCES = /^(?:.*\/)?src\/(?:test|it|integrationTest|intTest|testFixtures|e2e)(?=\/)/;

/**
 * Where a file lies that nothing deploys as it is, with the words for it: an example of a configuration file (the name
 * it documents), or the tests' directory it lies in: a test source set's resources (`src/test/resources`), the
 * rest of a test source set (`src/test/conf`), a Test Kitchen, Molecule, ansible-test or Helm chart-testing fixture
 * directory (`test/integration/<suite>`, `molecule/<scenario>`, `tests/integration/targets/<target>`, a chart's `ci/`), or the golden files of a chart's tests (`test/unit/<component>/golden`), or a WildFly/JBoss
 * distribution's shipped samples (`docs/examples/configs/`); or, for `entry`, a CI job's service container's variable
 * (src/parse/ci-services.ts), which the runner starts for that job alone and removes after it. None is deployed.
 */
export function undeployedPlace(
  root: string,
  listed: readonly string[],
  doc: ParsedDocument,
  entry?: Entry,
):
  | {
      messageId:
        | 'testResource'
        | 'testSources'
        | 'testFixture'
        | 'testGolden'
        | 'example'
        | 'distributionSample'
        | 'ciService';
      dir: string;
      /** The places that make it one, beside the file itself: a distribution's home. */
      related?: RuleRelated[];
    }
  | undefined {
  if (entry?.section === CI_SERVICE_SECTION)
    return { messageId: 'ciService', dir: entry.key.replace(/\.(?:env|variables)\.[^.]+$/, '') };
  const relative = relativePosix(root, doc.file.path);
  const home = distributionSampleHome(root, listed, doc.file.path);
  if (home !== undefined)
    return {
      messageId: 'distributionSample',
      dir: path.posix.dirname(relative),
      related: [
        { file: home, message: ours("the distribution's home, whose docs/examples/configs are the vendor's samples") },
      ],
    };
  const name = lastPathSegment(relative);
  if (EXAMPLE_SUFFIX.test(name)) return { messageId: 'example', dir: name.replace(EXAMPLE_SUFFIX, '') };
  const resources = testResourcesDir(relative);
  if (resources !== undefined) return { messageId: 'testResource', dir: resources };
  const sources = TEST_SOURCES.exec(relative)?.[0];
  if (sources !== undefined) return { messageId: 'testSources', dir: sources };
  const fixture = testFixtureDir(relative) ?? chartTestingDir(root, listed, relative);
  if (fixture !== undefined) return { messageId: 'testFixture', dir: fixture };
  const golden = testGoldenDir(relative);
  return golden !== undefined ? { messageId: 'testGolden', dir: golden } : undefined;
}

/**
 * A Helm chart's `ci/` directory (beside its Chart.yaml): Helm's chart-testing (`ct install`) installs the chart once
 * with each `ci/*-values.yaml` in it (https://github.com/helm/chart-testing, "ct install": "values files … in the
 * chart's ci directory"). helmforgedev/charts@dd8d969 (Apache-2.0) charts/wordpress/ci/bootstrap-values.yaml sets
 * `adminPassword: ci-admin-password` for its CI installs.
 */
function chartTestingDir(root: string, listed: readonly string[], relative: string): string | undefined {
  const parts = relative.split('/');
  for (let i = 0; i < parts.length - 1; i++)
    if (parts[i] === 'ci' && listed.includes(path.join(root, ...parts.slice(0, i), 'Chart.yaml')))
      return parts.slice(0, i + 1).join('/');
  return undefined;
}
