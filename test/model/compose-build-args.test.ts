import { composeFormat } from '../../src/parse/compose';
import { parseDockerfile } from '../../src/parse/dockerfile';
import { lintTree } from '../engine/lint-helper';

/**
 * A Dockerfile that Compose services build with `build.args` (jistol/docker-compose-nginx-tomcat-clustering-sample
 * @6c7e160, shape only): `DockerfileTomcat` (a name no Dockerfile name test takes, read because Compose names it) copies
 * `$conf/*` into Tomcat's conf/, each service giving `conf` its own directory. Each build's copy is read with its
 * arguments; an argument the file does not give stays unknown.
 */
const dockerfile = (from: string) =>
  `FROM ${from}\nARG conf\nRUN rm -rf /usr/local/tomcat/webapps/*\nCOPY $conf/* /usr/local/tomcat/conf/\n`;
const service = (name: string, args: string) =>
  `  ${name}:\n    build:\n      context: .\n      dockerfile: ./DockerfileTomcat\n      args:\n${args}`;
const serverXml =
  '<Server port="8005">\n  <Service name="Catalina">\n    <Connector port="8009" protocol="AJP/1.3" />\n  </Service>\n</Server>\n';

const tree = (from: string, args1: string, args2: string) => ({
  DockerfileTomcat: dockerfile(from),
  'docker-compose.yml': `services:\n${service('tomcat1', args1)}${service('tomcat2', args2)}`,
  'tomcat1/conf/server.xml': serverXml,
  'tomcat2/conf/server.xml': serverXml,
});

/** Each AJP finding's server.xml and whether it names the Dockerfile's release. */
function ajpVerdicts(files: Record<string, string>): string[] {
  const { findings, root } = lintTree(files, { builtIn: ['tomcat/ajp-without-secret'] });
  return findings
    .map(
      (f) =>
        `${f.location.file.slice(root.length + 1)} ${f.message.includes('9.0.30 (DockerfileTomcat:1') ? 'release' : 'unknown'}`,
    )
    .sort();
}

describe('a Dockerfile read with the build arguments each Compose service gives it', () => {
  it.each([
    [
      'a mapping of arguments: each server.xml is in its own image, FROM tomcat:9.0.30',
      tree('tomcat:9.0.30', '        conf: tomcat1/conf\n', '        conf: tomcat2/conf\n'),
      ['tomcat1/conf/server.xml release', 'tomcat2/conf/server.xml release'],
    ],
    [
      'a list of NAME=value items',
      tree('tomcat:9.0.30', '        - conf=tomcat1/conf\n', '        - conf=tomcat2/conf\n'),
      ['tomcat1/conf/server.xml release', 'tomcat2/conf/server.xml release'],
    ],
    [
      'one service gives the argument, the other takes it from the environment: that copy stays unknown',
      tree('tomcat:9.0.30', '        conf: tomcat1/conf\n', '        - conf\n'),
      ['tomcat1/conf/server.xml release', 'tomcat2/conf/server.xml unknown'],
    ],
    [
      'a value Compose interpolates from the environment: unknown',
      tree('tomcat:9.0.30', '        conf: ${CONF_DIR}\n', '        conf: $CONF_DIR\n'),
      ['tomcat1/conf/server.xml unknown', 'tomcat2/conf/server.xml unknown'],
    ],
  ])('%s', (_name, files, expected) => {
    expect(ajpVerdicts(files)).toEqual(expected);
  });

  it('Compose build.args: the values the file writes, by name', () => {
    const read = (args: string) =>
      composeFormat.parse(
        { path: '/t/compose.yml', text: `services:\n${service('web', args)}`, hadBom: false },
        'compose',
      ).data.services[0]?.buildArgs;
    expect(read('        conf: a/conf\n        war: a.war\n')).toEqual({ conf: 'a/conf', war: 'a.war' });
    expect(read('        - conf=a/conf\n        - FROM_ENV\n')).toEqual({ conf: 'a/conf' });
    expect(read('        conf: ${DIR}/conf\n')).toBeUndefined();
  });

  it('an argument overrides the ARG default it names, and names no ARG it does not declare', () => {
    const copies = (text: string, args: Record<string, string>) =>
      parseDockerfile({ path: '/t/Dockerfile', text, hadBom: false }, 'dockerfile', args).data.copies.map(
        (c) => c.sources,
      );
    expect(copies('FROM x\nARG conf=default\nCOPY $conf/a /a\n', { conf: 'given' })).toEqual([['given/a']]);
    expect(copies('ARG conf=global\nFROM x\nARG conf\nCOPY $conf/a /a\n', { conf: 'given' })).toEqual([['given/a']]);
    expect(copies('FROM x\nCOPY $conf/a /a\n', { conf: 'given' })).toEqual([[]]);
  });
});
