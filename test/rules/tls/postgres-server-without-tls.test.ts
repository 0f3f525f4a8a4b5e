import rule from '../../../src/rules/tls/postgres-server-without-tls';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * A Compose project: a Spring app built from app/ whose SPRING_DATASOURCE_URL (compose.yaml line 5) is `url`, and a
 * PostgreSQL service `db` (line 6) of `image` (line 7), with `more` lines under it and `files` beside.
 */
const project = (
  url: string,
  { image = 'postgres:16-alpine', more = '', files = {} as Record<string, string> } = {},
) => ({
  'compose.yaml': `services:\n  app:\n    build: ./app\n    environment:\n      SPRING_DATASOURCE_URL: ${url}\n  db:\n    image: ${image}\n${more}`,
  'app/Dockerfile':
    'FROM eclipse-temurin:17-jre\nCOPY target/app.jar /app.jar\nENTRYPOINT ["java", "-jar", "/app.jar"]\n',
  'app/src/main/resources/application.yml': 'spring:\n  application:\n    name: shop\n',
  ...files,
});

const URL = 'jdbc:postgresql://db:5432/shop';
/** The project with `sslmode=require` and the server service's `more` lines and `files`. */
const requiring = (more: string, files: Record<string, string> = {}) =>
  project(`${URL}?sslmode=require`, { more, files });
const error = (more: Partial<{ messageIncludes: string[] }> = {}) => [
  { messageId: 'sslRefused', severity: 'error' as const, file: 'compose.yaml', line: 5, ...more },
];

// docker-library/postgres (6edb0a8c4d): the entrypoint runs initdb over the sample configuration and never sets ssl,
// whose boot value is off. pgjdbc (SslMode.java at REL42.7.4, ConnectionFactoryImpl.enableSSL): require, verify-ca and
// verify-full (ssl=true without sslmode: verify-full) throw 'The server does not support SSL.' when the server says 'N';
// prefer falls back to plain, allow starts plain, disable never asks.
ruleTester(rule, {
  valid: [
    { name: 'no SSL parameter: pgjdbc prefers SSL and falls back to plain', files: project(URL) },
    { name: 'sslmode=prefer falls back to plain', files: project(`${URL}?sslmode=prefer`) },
    { name: 'sslmode=disable', files: project(`${URL}?sslmode=disable`) },
    {
      name: 'timescale/timescaledb-ha is built otherwise: not known',
      files: project(`${URL}?sslmode=require`, { image: 'timescale/timescaledb-ha:pg16' }),
    },
    {
      name: 'bitnami/postgresql is built otherwise (its own scripts, POSTGRESQL_ENABLE_TLS): not known',
      files: project(`${URL}?sslmode=require`, { image: 'bitnami/postgresql:16' }),
    },
    { name: 'sslmode=allow starts plain', files: project(`${URL}?sslmode=allow`) },
    { name: 'ssl=false', files: project(`${URL}?ssl=false`) },
    { name: 'sslmode wins over ssl=true', files: project(`${URL}?ssl=true&sslmode=prefer`) },
    { name: 'sslMode (another case) is not a pgjdbc parameter', files: project(`${URL}?sslMode=require`) },
    {
      name: 'ssl=on in the command',
      files: requiring(
        '    command: -c ssl=on -c ssl_cert_file=/etc/ssl/certs/ssl-cert-snakeoil.pem -c ssl_key_file=/etc/ssl/private/ssl-cert-snakeoil.key\n',
      ),
    },
    {
      name: 'a configuration file named in a list command',
      files: requiring('    command: ["postgres", "-c", "config_file=/etc/postgresql/postgresql.conf"]\n'),
    },
    {
      name: 'a command that runs another program',
      files: project(`${URL}?sslmode=require`, { more: '    command: sh /start.sh\n' }),
    },
    {
      name: 'postgresql.conf mounted',
      files: requiring('    volumes:\n      - ./pg/postgresql.conf:/etc/postgresql/postgresql.conf\n', {
        'pg/postgresql.conf': 'ssl = on\n',
      }),
    },
    {
      name: 'a data directory mounted whose tree copy holds postgresql.conf',
      files: requiring('    volumes:\n      - ./pgdata:/var/lib/postgresql/data\n', {
        'pgdata/postgresql.conf': "listen_addresses = '*'\nssl = on\n",
      }),
    },
    {
      name: 'an init script that turns SSL on',
      files: requiring('    volumes:\n      - ./initdb:/docker-entrypoint-initdb.d\n', {
        'initdb/10-ssl.sh': 'echo "ssl = on" >> "$PGDATA/postgresql.conf"\n',
      }),
    },
    {
      name: 'an init script the tree does not hold',
      files: requiring('    volumes:\n      - ./missing.sql:/docker-entrypoint-initdb.d/init.sql\n'),
    },
    {
      name: 'a variable naming SSL',
      files: requiring('    environment:\n      POSTGRES_INITDB_ARGS: "-c ssl=on"\n'),
    },
    {
      name: 'an env file the tree does not hold',
      files: project(`${URL}?sslmode=require`, { more: '    env_file: .env.db\n' }),
    },
    // The service's variables as Compose reads them (src/parse/compose-service-variables.ts). Was: an error for each.
    {
      name: 'an env file line PGPORT without a value: the shell running Compose gives it (the port), or none',
      files: requiring('    env_file: db.env\n', { 'db.env': 'POSTGRES_PASSWORD=example\nPGPORT\n' }),
    },
    {
      name: 'PGDATA set in an env file, the data directory mounted there holds a configuration',
      files: requiring('    env_file: db.env\n    volumes:\n      - ./data:/pgdata\n', {
        'db.env': 'PGDATA=/pgdata\n',
        'data/postgresql.conf': 'ssl = on\n',
      }),
    },
    {
      name: 'the server image is built from the tree',
      files: requiring('    build: ./db\n', {
        'db/Dockerfile': 'FROM postgres:16\nCOPY postgresql.conf /etc/postgresql/\n',
      }),
    },
    { name: 'another image', files: project(`${URL}?sslmode=require`, { image: 'bitnami/postgresql:16' }) },
    { name: 'a placeholder in the URL', files: project('jdbc:postgresql://${DB_HOST:db}:5432/shop?sslmode=require') },
    { name: 'a localhost URL', files: project('jdbc:postgresql://localhost:5432/shop?sslmode=require') },
    { name: 'another port', files: project('jdbc:postgresql://db:5433/shop?sslmode=require') },
    { name: 'a failover host list', files: project('jdbc:postgresql://db:5432,db2:5432/shop?sslmode=require') },
    {
      name: 'a host parameter replaces the URL host (pgjdbc Driver.parseURL)',
      files: project(`${URL}?sslmode=require&host=db.example.com`),
    },
    {
      name: 'a socket factory (a cloud connector) makes the connection',
      files: project(`${URL}?sslmode=require&socketFactory=com.google.cloud.sql.postgres.SocketFactory`),
    },
    {
      name: 'an app no Compose service runs: the server it reaches elsewhere is not this one',
      files: {
        'compose.yaml': 'services:\n  db:\n    image: postgres:16\n',
        'app/Dockerfile': 'FROM eclipse-temurin:17-jre\nCOPY target/app.jar /app.jar\n',
        'app/src/main/resources/application.yml': `spring:\n  datasource:\n    url: ${URL}?sslmode=require\n`,
      },
    },
    {
      name: 'two services answer to the host',
      files: project(`${URL}?sslmode=require`, {
        files: { 'compose.override.yaml': 'services:\n  db:\n    command: -c ssl=on\n' },
      }),
    },
  ],
  invalid: [
    // postgis/docker-postgis@51b3555 16-3.5/Dockerfile: FROM docker.io/postgres:16-bullseye, an init script that only
    // creates the extensions; timescale/timescaledb-docker@029292c Dockerfile: FROM postgres:<pg>-alpine, init scripts
    // that tune memory and workers. The entrypoint and its ssl off are postgres's.
    {
      name: "sslmode=require against PostGIS's image, built FROM postgres",
      files: project(`${URL}?sslmode=require`, { image: 'postgis/postgis:16-3.4' }),
      errors: error({
        messageIncludes: ["(PostGIS's image, built from Docker's official postgres image, never turns it on"],
      }),
    },
    {
      name: "sslmode=verify-full against Timescale's TimescaleDB image, built FROM postgres",
      files: project(`${URL}?sslmode=verify-full`, { image: 'timescale/timescaledb:2.14.2-pg16' }),
      errors: error({ messageIncludes: ['TimescaleDB image'] }),
    },
    {
      name: 'sslmode=require against the official image',
      files: project(`${URL}?sslmode=require`),
      errors: error({ messageIncludes: ['sslmode=require', 'The server does not support SSL.'] }),
    },
    {
      name: 'sslmode=verify-full, a floating tag (every release runs with ssl off)',
      files: project(`${URL}?sslmode=verify-full&sslrootcert=/certs/root.crt`, { image: 'postgres' }),
      errors: error({ messageIncludes: ['sslmode=verify-full'] }),
    },
    {
      name: 'ssl=true without sslmode',
      files: project(`${URL}?ssl=true`, { image: 'docker.io/library/postgres:15' }),
      errors: error({ messageIncludes: ['ssl=true', 'verify-full from 42.2.5'] }),
    },
    {
      name: 'harmless command options, a data volume, init SQL that creates tables',
      files: project(`${URL}?sslmode=verify-ca`, {
        more: '    command: postgres -c max_connections=200 -c log_statement=all\n    environment:\n      POSTGRES_DB: shop\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n      - ./sql/schema.sql:/docker-entrypoint-initdb.d/schema.sql\nvolumes:\n  pgdata: {}\n',
        files: { 'sql/schema.sql': 'CREATE TABLE item (id serial PRIMARY KEY);\n' },
      }),
      errors: error({ messageIncludes: ['sslmode=verify-ca'] }),
    },
    {
      // Was: silent (any "ssl" in the env file's text counted, its comments too).
      name: 'an env file whose comment names SSL: a comment sets nothing',
      files: requiring('    env_file: db.env\n', { 'db.env': '# no ssl in development\nPOSTGRES_PASSWORD=example\n' }),
      errors: error(),
    },
    {
      name: 'the URL in application.yml, the app run by a Compose service',
      files: {
        ...project('jdbc:postgresql://db/shop', { image: 'postgres:16.4' }),
        'compose.yaml': 'services:\n  app:\n    build: ./app\n  db:\n    image: postgres:16.4\n    env_file: db.env\n',
        'db.env': 'POSTGRES_PASSWORD=example\n',
        'app/src/main/resources/application.yml':
          'spring:\n  application:\n    name: shop\n  datasource:\n    url: jdbc:postgresql://db/shop?sslmode=require\n',
      },
      errors: [
        {
          messageId: 'sslRefused',
          file: 'app/src/main/resources/application.yml',
          line: 5,
          related: [
            { file: 'compose.yaml', line: 5 },
            { file: 'db.env', line: 1 },
          ],
        },
      ],
    },
  ],
});
