import type { FormatHandler, ParsedDocument } from '../../src/parse/types';
import type { JvmOptionsData } from '../../src/parse/java/jvm-args';
import { jvmOptionsFormat } from '../../src/parse/jvm-options';
import { shellEnvFormat } from '../../src/parse/shell-env';
import { systemdFormat } from '../../src/parse/systemd';
import { dockerfileFormat } from '../../src/parse/dockerfile';
import { classifyFile } from '../../src/parse/registry';

function parse(handler: FormatHandler<JvmOptionsData>, path: string, text: string): ParsedDocument<JvmOptionsData> {
  const kind = handler.classify(path, text);
  if (!kind) throw new Error(`${handler.id} does not classify ${path}`);
  return handler.parse({ path, text, hadBom: false }, kind);
}

/** [name, value, 1-based line, 1-based column of the value] */
type Expected = [string, string, number, number][];

const cases: {
  name: string;
  handler: FormatHandler<JvmOptionsData>;
  path: string;
  text: string;
  expected: Expected;
  comments?: number;
}[] = [
  {
    name: 'jvm.options: one option per line, values keep blanks, # comments',
    handler: jvmOptionsFormat,
    path: '/d/wlp/usr/servers/s/jvm.options',
    text: '# comment\n-Xmx1g\n-Dcom.ibm.jsse2.overrideDefaultTLS=true\n-Dmsg=hello world\n',
    expected: [
      ['com.ibm.jsse2.overrideDefaultTLS', 'true', 3, 36],
      ['msg', 'hello world', 4, 7],
    ],
    comments: 1,
  },
  {
    name: 'setenv.sh: JAVA_OPTS with $JAVA_OPTS, export, trailing comment, continuation',
    handler: shellEnvFormat,
    path: '/d/tomcat/bin/setenv.sh',
    text: '#!/bin/sh\nexport CATALINA_OPTS="$CATALINA_OPTS -Dhttps.protocols=TLSv1.2 -Xmx1g" # tls\nJAVA_OPTS="-Da=1 \\\n  -Djdk.tls.client.protocols=TLSv1.2,TLSv1.3"\n',
    expected: [
      ['https.protocols', 'TLSv1.2', 2, 56],
      ['a', '1', 3, 16],
      ['jdk.tls.client.protocols', 'TLSv1.2,TLSv1.3', 4, 30],
    ],
    comments: 2,
  },
  {
    name: 'setenv.bat: set "JAVA_OPTS=…", rem comments',
    handler: shellEnvFormat,
    path: 'C:/tomcat/bin/setenv.bat',
    text: 'rem TLS settings\r\nset "JAVA_OPTS=%JAVA_OPTS% -Djavax.net.ssl.trustStore=C:\\certs\\trust.jks"\r\n',
    expected: [['javax.net.ssl.trustStore', 'C:\\certs\\trust.jks', 2, 55]],
    comments: 1,
  },
  {
    // Brown-University-Library/fedora_ci@7858561 server/bin/env-server.sh: the command is built in a string for exec.
    name: 'a start command in a double-quoted string: \\" quotes are part of the word, removed from the value',
    handler: shellEnvFormat,
    path: '/d/server/bin/env-server.sh',
    text: '#!/bin/sh\nexec_cmd="exec \\"$java\\" -server \\\n  -Djavax.net.ssl.trustStore=\\"$FEDORA_HOME\\"/server/truststore \\\n  -Djavax.net.ssl.trustStorePassword=tomcat"\n',
    expected: [
      ['javax.net.ssl.trustStore', '$FEDORA_HOME/server/truststore', 3, 30],
      ['javax.net.ssl.trustStorePassword', 'tomcat', 4, 38],
    ],
  },
  {
    name: 'systemd: Environment= quoted assignment and ExecStart',
    handler: systemdFormat,
    path: '/d/etc/systemd/system/orders.service',
    text: '[Unit]\nDescription=Orders\n[Service]\nEnvironment="JAVA_TOOL_OPTIONS=-Dcom.ibm.jsse2.overrideDefaultTLS=true"\nExecStart=/usr/bin/java -Djavax.net.ssl.keyStorePassword=s3cret -jar /opt/o.jar\n',
    expected: [
      ['com.ibm.jsse2.overrideDefaultTLS', 'true', 4, 67],
      ['javax.net.ssl.keyStorePassword', 's3cret', 5, 58],
    ],
  },
  {
    name: 'Dockerfile: ENV K=V and K V forms, JSON ENTRYPOINT, continuation',
    handler: dockerfileFormat,
    path: '/d/app/Dockerfile',
    text: 'FROM ibmjava:8-jre\nENV JAVA_OPTS="-Dcom.ibm.jsse2.overrideDefaultTLS=true" \\\n    OTHER=1\nENV JAVA_TOOL_OPTIONS -Djdk.tls.client.protocols=TLSv1.2\nENTRYPOINT ["java", "-Dhttps.protocols=TLSv1.2", "-jar", "/app.jar"]\n',
    expected: [
      ['com.ibm.jsse2.overrideDefaultTLS', 'true', 2, 51],
      ['jdk.tls.client.protocols', 'TLSv1.2', 4, 50],
      ['https.protocols', 'TLSv1.2', 5, 40],
    ],
  },
];

describe('JVM option readers', () => {
  for (const c of cases) {
    it(c.name, () => {
      const doc = parse(c.handler, c.path, c.text);
      const got: Expected = doc.data.properties.map((p) => [
        p.name,
        p.value,
        p.valueRange.start.line + 1,
        p.valueRange.start.character + 1,
      ]);
      expect(got).toEqual(c.expected);
      if (c.comments !== undefined) expect(doc.comments).toHaveLength(c.comments);
      expect(doc.problems).toEqual([]);
    });
  }

  it('marks passwords as secret', () => {
    const doc = parse(
      systemdFormat,
      '/d/x.service',
      '[Service]\nExecStart=java -Djavax.net.ssl.trustStorePassword=changeit -jar a.jar\n',
    );
    expect(doc.entries.find((e) => e.key === 'javax.net.ssl.trustStorePassword')?.secret).toBe(true);
  });

  it('marks ${VAR} and %VAR% values as unresolved', () => {
    const doc = parse(shellEnvFormat, '/d/bin/setenv.sh', 'JAVA_OPTS="-Dx=${TLS} -Dy=%Z%"\n');
    expect(doc.data.properties.map((p) => p.unresolved)).toEqual([true, true]);
  });

  it.each([
    ['/d/bin/setenv.sh', 'java.shell-env'],
    ['/d/start.sh', undefined],
    ['/d/wlp/usr/servers/s/jvm.options', 'java.jvm-options'],
    ['/d/Dockerfile.prod', 'dockerfile'],
    ['/d/app.service', 'systemd.unit'],
  ])('classifies %s as %s', (path, kind) => {
    expect(classifyFile(path, 'echo hello\n')?.kind).toBe(kind);
  });

  it.each([
    [
      'a Java start passing -Dserver.ssl.*',
      'exec java -Dserver.ssl.enabled-protocols=TLSv1.2 -jar app.jar\n',
      'java.shell-env',
    ],
    [
      'a Java start exporting SERVER_SSL_*',
      'export SERVER_SSL_ENABLED_PROTOCOLS=TLSv1.2\nexec java -jar app.jar\n',
      'java.shell-env',
    ],
    // Kibana's own start reads SERVER_SSL_ENABLED / SERVER_SSL_CERTIFICATE: no JVM, no Spring.
    [
      'a Kibana start exporting SERVER_SSL_*',
      'export SERVER_SSL_ENABLED=true\nexec /usr/share/kibana/bin/kibana\n',
      undefined,
    ],
  ])('a run.sh: %s', (_, text, kind) => {
    expect(classifyFile('/d/run.sh', `#!/bin/sh\n${text}`)?.kind).toBe(kind);
  });
});

// A UTF-8 byte order mark before a shell script's first command: bash 5.2 and dash 0.5.12 read it as part of the
// first word, so that command is not found and does not run (measured with `. ./setenv.sh`); `;` starts one that runs.
// Liberty's server script (readServerEnv) drops a server.env line whose name is not alphanumeric.
describe('a shell script that starts with a UTF-8 byte order mark', () => {
  const cases: { name: string; path: string; text: string; names: string[]; problems: number }[] = [
    {
      name: 'the first line sets JAVA_OPTS: not set, said',
      path: '/d/bin/setenv.sh',
      text: 'export JAVA_OPTS="-Dhttps.protocols=TLSv1.2"\nexport CATALINA_OPTS="-Djdk.tls.client.protocols=TLSv1.3"\n',
      names: ['jdk.tls.client.protocols'],
      problems: 1,
    },
    {
      name: 'indented, with `&&`: the whole first line fails',
      path: '/d/bin/setenv.sh',
      text: '  cd /opt && export JAVA_OPTS="-Dhttps.protocols=TLSv1.2"\n',
      names: [],
      problems: 1,
    },
    {
      name: 'after `;` a second command runs',
      path: '/d/bin/setenv.sh',
      text: 'cd /opt; export JAVA_OPTS="-Dhttps.protocols=TLSv1.2"\n',
      names: ['https.protocols'],
      problems: 0,
    },
    {
      name: 'a comment or shebang first: harmless',
      path: '/d/bin/start.sh',
      text: '#!/bin/sh\nexport JAVA_OPTS="-Dhttps.protocols=TLSv1.2"\n',
      names: ['https.protocols'],
      problems: 0,
    },
    {
      name: "Liberty server.env: the server script takes the first line's name for an invalid one",
      path: '/d/wlp/usr/servers/s/server.env',
      text: 'JVM_ARGS=-Dhttps.protocols=TLSv1.2\nIBM_JAVA_OPTIONS=-Djdk.tls.client.protocols=TLSv1.3\n',
      names: ['jdk.tls.client.protocols'],
      problems: 1,
    },
    {
      name: 'Liberty server.env behind a comment: harmless',
      path: '/d/wlp/usr/servers/s/server.env',
      text: '# JVM options\nJVM_ARGS=-Dhttps.protocols=TLSv1.2\n',
      names: ['https.protocols'],
      problems: 0,
    },
    {
      name: 'a batch file: cmd.exe not measured, left as read',
      path: '/d/bin/setenv.bat',
      text: 'set "JAVA_OPTS=-Dhttps.protocols=TLSv1.2"\r\n',
      names: ['https.protocols'],
      problems: 0,
    },
  ];
  it.each(cases)('$name', ({ path, text, names, problems }) => {
    const kind = shellEnvFormat.classify(path, text);
    if (!kind) throw new Error(`not classified: ${path}`);
    const doc = shellEnvFormat.parse({ path, text, hadBom: true }, kind);
    expect(doc.data.properties.map((p) => p.name)).toEqual(names);
    expect(doc.problems.map((p) => `${p.code} ${p.range.start.line + 1}`)).toEqual(
      problems ? ['byte-order-mark 1'] : [],
    );
  });
});
