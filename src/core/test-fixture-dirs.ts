/**
 * The directories of an infrastructure code base's own tests, whose files the tests read or compare against and the
 * role, formula, cookbook or collection never deploys: Test Kitchen's suites (`test/integration/<suite>/`, its default
 * test_base_path: https://kitchen.ci/docs/reference/configuration/; `.kitchen/`, its working state), Molecule's
 * scenarios (`molecule/<scenario>/`: https://ansible.readthedocs.io/projects/molecule/getting-started/) and an Ansible
 * collection's ansible-test targets (`tests/integration/targets/<target>/`:
 * https://ansible-community.github.io/package-doc-builds/community/collection_contributors/collection_integration_running.html).
 * saltstack-formulas/tomcat-formula@2a94e4a keeps 20 expected server.xml renderings under
 * test/integration/default/files/server_xml, each with the kitchen pillar's `keystorePass="somerandomtext"`;
 * wenjiuzhanruzhu/ansible-docker-nginx-tomcat-from-scratch vendors community.general 13.1.0, whose targets' Compose
 * files start Jenkins and Keycloak with their test passwords.
 */
const FIXTURE_DIR =
  /^(?:.*\/)?(?:test\/integration|\.kitchen|molecule\/[^/]+|tests\/integration\/targets\/[^/]+)(?=\/)/;

/** The test fixture directory (Test Kitchen, Molecule) a relative (posix) path lies in, if any. */
export function testFixtureDir(relative: string): string | undefined {
  return FIXTURE_DIR.exec(relative)?.[0];
}

/**
 * The expected renderings of a chart's or template's tests (golden files): camunda/camunda-platform-helm keeps what each
 * chart renders with its default values under `test/unit/<component>/golden/*.golden.yaml`, which the Go tests beside
 * them (`goldenfiles_test.go`) compare the rendering against; nothing deploys them.
 */
const GOLDEN_DIR = /^(?:.*\/)?tests?\/(?:[^/]+\/)*golden(?=\/)/;

/** The golden-file directory of a code base's tests a relative (posix) path lies in, if any. */
export function testGoldenDir(relative: string): string | undefined {
  return GOLDEN_DIR.exec(relative)?.[0];
}

/**
 * The `…/src/<source set other than main>/resources` directory a relative (posix) path lies in, if any: a Maven or
 * Gradle test source set's resources, on the classpath of the project's tests only, never packaged with the app.
 */
export function testResourcesDir(relative: string): string | undefined {
  return /^(?:.*\/)?src\/(?!main\/)[^/]+\/resources(?=\/)/.exec(relative)?.[0];
}

/**
 * The tests' directory (`test/`, `tests/`) a relative (posix) path lies in, if any: what a repository keeps there its
 * tests read or mount (madharjan/docker-nginx-ssl@b1ea5a8 test/certbot/live/mail.mycompany.com/*.pem, an expired 2016
 * certificate its Makefile mounts into the containers its bats tests call with `curl -k`), not what it deploys.
 */
export function testsDir(relative: string): string | undefined {
  return /^(?:.*\/)?tests?(?=\/)/.exec(relative)?.[0];
}
