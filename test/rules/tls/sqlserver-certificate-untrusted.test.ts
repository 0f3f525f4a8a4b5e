import rule from '../../../src/rules/tls/sqlserver-certificate-untrusted';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A Compose project: a Spring app built from app/ whose SPRING_DATASOURCE_URL (compose.yaml line 5) is `url`, and an
 * SQL Server service `sqlserver` (line 6) of `image`, with `more` lines under it; the app's pom.xml names Spring Boot
 * `boot` (line 5) and `pomMore` inside <project>.
 */
const project = (
  url: string,
  { image = 'mcr.microsoft.com/mssql/server:2022-latest', more = '', boot = '3.2.5', pomMore = '' } = {},
) => ({
  'compose.yaml': `services:\n  app:\n    build: ./app\n    environment:\n      SPRING_DATASOURCE_URL: ${url}\n  sqlserver:\n    image: ${image}\n${more}`,
  'app/Dockerfile':
    'FROM eclipse-temurin:17-jre\nCOPY target/app.jar /app.jar\nENTRYPOINT ["java", "-jar", "/app.jar"]\n',
  'app/src/main/resources/application.yml': 'spring:\n  application:\n    name: shop\n',
  'app/pom.xml': `<project>\n  <parent>\n    <groupId>org.springframework.boot</groupId>\n    <artifactId>spring-boot-starter-parent</artifactId>\n    <version>${boot}</version>\n  </parent>\n${pomMore}</project>\n`,
});

const URL = 'jdbc:sqlserver://sqlserver:1433;databaseName=shop';

/** The finding on the URL (compose.yaml line 5) naming the image, the app and `more` places. */
const untrustedNaming = (...more: { file: string; line: number }[]) => [
  {
    messageId: 'untrusted',
    file: 'compose.yaml',
    line: 5,
    related: [{ file: 'compose.yaml', line: 7 }, { file: 'app/src/main/resources/application.yml', line: 3 }, ...more],
  },
];

// mssql-jdbc 10.1.0+ encrypts by default (microsoft/mssql-jdbc#1697) and validates the certificate unless
// trustServerCertificate=true (IOBuffer.enableSSL at v10.2.0); Spring Boot manages 10.2.1 from 2.7.0, 9.4.1 in 2.6.15.
ruleTester(rule, {
  valid: [
    { name: 'trustServerCertificate=true', files: project(`${URL};encrypt=true;trustServerCertificate=true`) },
    { name: 'encrypt=false', files: project(`${URL};encrypt=false`) },
    {
      name: 'Spring Boot 2.6.15 manages mssql-jdbc 9.4.1: encrypt defaults to false',
      files: project(URL, { boot: '2.6.15' }),
    },
    {
      name: 'the pom names its own mssql-jdbc version: the managed default is not known to apply',
      files: project(URL, {
        pomMore: '  <properties>\n    <mssql-jdbc.version>9.4.1.jre8</mssql-jdbc.version>\n  </properties>\n',
      }),
    },
    { name: 'a trust store in the URL', files: project(`${URL};encrypt=true;trustStore=/certs/db.jks`) },
    {
      name: 'mssql.conf mounted: a certificate may be provisioned',
      files: project(`${URL};encrypt=true`, { more: '    volumes:\n      - ./mssql.conf:/var/opt/mssql/mssql.conf\n' }),
    },
    {
      name: 'a certificate file mounted',
      files: project(`${URL};encrypt=true`, { more: '    volumes:\n      - ./certs/db.pem:/etc/ssl/certs/db.pem\n' }),
    },
    { name: 'another image', files: project(`${URL};encrypt=true`, { image: 'registry.example.com/db/sqlserver:1' }) },
    { name: 'a named instance', files: project('jdbc:sqlserver://sqlserver\\SQLEXPRESS;encrypt=true') },
    {
      name: 'encrypt=strict with a pinned serverCertificate: validated against that file, not known here',
      files: project(`${URL};encrypt=strict;serverCertificate=/certs/sql.cer`),
    },
    {
      name: 'a service of the project sets driver properties through its environment: the URL alone does not decide',
      files: project(`${URL};encrypt=true`, {
        more: '  tools:\n    image: busybox\n    environment:\n      SPRING_DATASOURCE_HIKARI_DATA_SOURCE_PROPERTIES_TRUSTSERVERCERTIFICATE: "true"\n',
      }),
    },
    // mssql-jdbc SQLServerConnection.primaryPermissionCheck (v12.8.1, 96c824d): a named instance without a port number is
    // looked up through SQL Server Browser (UDP 1434), whatever port the server's container maps.
    {
      name: 'instanceName= without a port: SQL Browser says the port',
      files: project('jdbc:sqlserver://sqlserver;instanceName=SQLEXPRESS;encrypt=true'),
    },
    { name: 'portNumber= another port', files: project(`${URL};portNumber=1434;encrypt=true`) },
    // MSSQL_TCP_PORT: 'Configure the TCP port that SQL Server listens on (default 1433)'
    // (learn.microsoft.com/en-us/sql/linux/sql-server-linux-configure-environment-variables).
    {
      name: "MSSQL_TCP_PORT moves the server's port: no server listens on 1433",
      files: project(`${URL};encrypt=true`, { more: '    environment:\n      MSSQL_TCP_PORT: "1533"\n' }),
    },
    {
      name: 'MSSQL_TCP_PORT in an env_file of the tree moves it',
      files: {
        ...project(`${URL};encrypt=true`, { more: '    env_file: ./sqlserver.env\n' }),
        'sqlserver.env': 'ACCEPT_EULA=Y\nMSSQL_TCP_PORT=1533\n',
      },
    },
    {
      name: 'an env_file the tree does not hold: the port (and any TLS variable) is unknown',
      files: project(`${URL};encrypt=true`, { more: '    env_file: ../secrets/sqlserver.env\n' }),
    },
    {
      name: 'MSSQL_TCP_PORT from the shell: the port is unknown',
      files: project(`jdbc:sqlserver://sqlserver:1533;encrypt=true`, {
        more: '    environment:\n      - MSSQL_TCP_PORT\n',
      }),
    },
    {
      name: 'a server built from a Dockerfile: its image may hold a certificate',
      files: project(`${URL};encrypt=true`, { more: '    build: ./sqlserver\n' }),
    },
  ],
  invalid: [
    {
      name: 'a named instance with an explicit port 1433: the port wins, no SQL Browser',
      files: project('jdbc:sqlserver://sqlserver\\SQLEXPRESS:1433;encrypt=true'),
      errors: [{ messageId: 'untrusted', file: 'compose.yaml', line: 5 }],
    },
    {
      name: 'instanceName= with portNumber=1433',
      files: project('jdbc:sqlserver://sqlserver;instanceName=SQLEXPRESS;portNumber=1433;encrypt=true'),
      errors: [{ messageId: 'untrusted', file: 'compose.yaml', line: 5 }],
    },
    // mssql-jdbc SQLServerConnection (since 887cf6f, #1757): "ignore trustServerCertificate for strict".
    {
      name: 'encrypt=strict ignores trustServerCertificate=true: the certificate is still validated',
      files: project(`${URL};encrypt=strict;trustServerCertificate=true`),
      errors: [
        {
          messageId: 'untrusted',
          file: 'compose.yaml',
          line: 5,
          messageIncludes: ['encrypt=strict validates it whatever trustServerCertificate says'],
        },
      ],
    },
    {
      name: 'encrypt=true without trustServerCertificate: error',
      files: project(`${URL};encrypt=true`),
      errors: [
        {
          messageId: 'untrusted',
          severity: 'error',
          file: 'compose.yaml',
          line: 5,
          messageIncludes: ['encrypt=true', 'PKIX path building failed'],
        },
      ],
    },
    {
      name: 'the URL calls the port MSSQL_TCP_PORT moves the server to: the env file line is named',
      files: {
        ...project('jdbc:sqlserver://sqlserver:1533;encrypt=true', { more: '    env_file: ./sqlserver.env\n' }),
        'sqlserver.env': 'ACCEPT_EULA=Y\nMSSQL_TCP_PORT=1533\n',
      },
      errors: untrustedNaming({ file: 'sqlserver.env', line: 2 }),
    },
    {
      name: 'MSSQL_TCP_PORT in the environment, an env_file of the tree beside it',
      files: {
        ...project('jdbc:sqlserver://sqlserver:1533;encrypt=true', {
          more: '    env_file: ./sqlserver.env\n    environment:\n      MSSQL_TCP_PORT: 1533\n',
        }),
        'sqlserver.env': 'ACCEPT_EULA=Y\nMSSQL_TCP_PORT=1433\n',
      },
      errors: untrustedNaming({ file: 'compose.yaml', line: 10 }, { file: 'sqlserver.env', line: 1 }),
    },
    {
      name: 'a data directory mounted below /var/opt/mssql: no certificate in it',
      files: project(`${URL};Encrypt=strict`, { more: '    volumes:\n      - ./data:/var/opt/mssql/data\n' }),
      errors: [{ messageId: 'untrusted', file: 'compose.yaml', line: 5, messageIncludes: ['encrypt=strict'] }],
    },
    {
      name: 'no encrypt, Spring Boot 3.2.5 manages an mssql-jdbc that encrypts by default: warning',
      files: project(URL),
      errors: [
        {
          messageId: 'untrustedByDefault',
          severity: 'warning',
          file: 'compose.yaml',
          line: 5,
          messageIncludes: ['Spring Boot 3.2.5'],
        },
      ],
    },
  ],
});
