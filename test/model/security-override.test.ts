import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { writeTree, type Tree } from '../helpers/rule-tester';

/** jdk.tls.disabledAlgorithms of the first Java component, and the file it came from. */
function disabledAlgorithms(files: Tree): string | undefined {
  const root = writeTree(files);
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    const runtime = result.deployments[0].components.find((c) => c.runtime)?.runtime;
    const traced = runtime?.securityProperties['jdk.tls.disabledAlgorithms'];
    if (!traced) return undefined;
    const file =
      traced.from.kind === 'file'
        ? path.relative(root, traced.from.location.file).split(path.sep).join('/')
        : traced.from.kind;
    return `${traced.value} (${file})`;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const CIPHERS = '# CloudStack-style override\njdk.tls.disabledAlgorithms=DH keySize < 128, RC4\n';
const JDK = { 'jdk/release': 'JAVA_VERSION="17.0.15"\nIMPLEMENTOR="Eclipse Adoptium"\n' };

describe('-Djava.security.properties files are read whatever their name', () => {
  it.each([
    [
      'an /etc/default file naming a .in build template (Apache CloudStack)',
      {
        'packaging/systemd/cloudstack-management.default':
          'JAVA_OPTS="-Djava.security.properties=/etc/cloudstack/management/java.security.ciphers -Xmx2G"\n',
        'client/conf/java.security.ciphers.in': CIPHERS,
      },
      'DH keySize < 128, RC4 (client/conf/java.security.ciphers.in)',
    ],
    [
      '== replaces, from jvm.options',
      {
        'wlp/usr/servers/app/jvm.options': '-Djava.security.properties==${server.config.dir}/tls-legacy.properties\n',
        'wlp/usr/servers/app/tls-legacy.properties': CIPHERS,
      },
      'DH keySize < 128, RC4 (wlp/usr/servers/app/tls-legacy.properties)',
    ],
    [
      'a file URL in setenv.sh',
      {
        'tomcat/bin/setenv.sh':
          'CATALINA_OPTS="$CATALINA_OPTS -Djava.security.properties=file:/opt/tomcat/conf/custom.security.conf"\n',
        'tomcat/conf/custom.security.conf': CIPHERS,
      },
      'DH keySize < 128, RC4 (tomcat/conf/custom.security.conf)',
    ],
  ])('%s', (_, files, expected) => expect(disabledAlgorithms(files)).toBe(expected));

  it('is ignored when the JDK sets security.overridePropertiesFile=false', () => {
    const files = {
      ...JDK,
      'jdk/conf/security/java.security':
        'security.overridePropertiesFile=false\njdk.tls.disabledAlgorithms=SSLv3, TLSv1, TLSv1.1, RC4\n',
      'app/setenv.sh': 'JAVA_OPTS="-Djava.security.properties=/opt/app/legacy.properties"\n',
      'app/legacy.properties': CIPHERS,
    };
    expect(disabledAlgorithms(files)).not.toContain('legacy.properties');
  });
});

/** The kinds lint-deploy read the tree's files as (documents kept in the result). */
function kindsRead(files: Tree): string[] {
  const root = writeTree(files);
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root), keepModel: true });
    return result.deployments[0].documents
      .map((d) => `${path.relative(root, d.file.path).split(path.sep).join('/')} ${d.kind}`)
      .sort();
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

describe('sources and documents are not read as configuration, but still name override files', () => {
  const APP = { 'app/setenv.sh': 'JAVA_OPTS="-Xmx1g"\n' };
  it.each([
    ['a README', 'README.md', 'Run it with `java -Djava.security.properties=conf/legacy.ciphers -jar app.jar`.\n'],
    [
      'a Java test',
      'src/test/java/LegacyIT.java',
      'class LegacyIT { String[] cmd = {"java", "-Djava.security.properties=conf/legacy.ciphers"}; }\n',
    ],
  ])('an override named in %s is read as one', (_, file, text) =>
    expect(kindsRead({ ...APP, [file]: text, 'conf/legacy.ciphers': CIPHERS })).toContain(
      'conf/legacy.ciphers java.security-override',
    ),
  );
  it('a source that names nothing is no document, whatever it holds', () =>
    expect(
      kindsRead({
        ...APP,
        'src/main/java/Setup.java': "DEFINE CHANNEL('A.B') CHLTYPE(SVRCONN) SSLCIPH(TLS_RSA_WITH_AES_128_CBC_SHA256)\n",
        'docs/nginx.md': 'server {\n listen 443 ssl;\n ssl_protocols SSLv3;\n}\n',
      }),
    ).toEqual(['app/setenv.sh java.shell-env']));
});
