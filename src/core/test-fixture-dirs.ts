/**
 * The directories of an infrastructure code base's own tests, whose files the tests read or compare against and the
 * role, formula or cookbook never deploys: Test Kitchen's suites (`test/integration/<suite>/`, its default
 * test_base_path: https://kitchen.ci/docs/reference/configuration/; `.kitchen/`, its working state) and Molecule's
 * scenarios (`molecule/<scenario>/`: https://ansible.readthedocs.io/projects/molecule/getting-started/).
 * saltstack-formulas/tomcat-formula@2a94e4a keeps 20 expected server.xml renderings under
 * test/integration/default/files/server_xml, each with the kitchen pillar's `keystorePass="somerandomtext"`.
 */
const FIXTURE_DIR = /^(?:.*\/)?(?:test\/integration|\.kitchen|molecule\/[^/]+)(?=\/)/;

/** The test fixture directory (Test Kitchen, Molecule) a relative (posix) path lies in, if any. */
export function testFixtureDir(relative: string): string | undefined {
  return FIXTURE_DIR.exec(relative)?.[0];
}
