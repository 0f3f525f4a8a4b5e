import Ajv from 'ajv';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');
const datasets: [string, string][] = [
  ['src/knowledge/data/cipher-suites.json', 'schemas/knowledge/cipher-suites.schema.json'],
  ['src/knowledge/data/jdk-tls-defaults.json', 'schemas/knowledge/jdk-tls-defaults.schema.json'],
  ['src/knowledge/data/jsse-cipher-suites.json', 'schemas/knowledge/jsse-cipher-suites.schema.json'],
  ['src/knowledge/data/mq.json', 'schemas/knowledge/mq.schema.json'],
  ['src/knowledge/data/mq-access.json', 'schemas/knowledge/mq-access.schema.json'],
  ['src/knowledge/data/mqsc-keywords.json', 'schemas/knowledge/mqsc-keywords.schema.json'],
  ['src/knowledge/data/openssl-servers.json', 'schemas/knowledge/openssl-servers.schema.json'],
  ['src/knowledge/data/liberty-features.json', 'schemas/knowledge/liberty-features.schema.json'],
  ['src/knowledge/data/jdk-locations.json', 'schemas/knowledge/jdk-locations.schema.json'],
  ['src/knowledge/data/tomcat.json', 'schemas/knowledge/tomcat.schema.json'],
  ['src/knowledge/data/elastic-links.json', 'schemas/knowledge/elastic-links.schema.json'],
  ['src/knowledge/data/certutil.json', 'schemas/knowledge/certutil.schema.json'],
  ['src/knowledge/data/wildfly.json', 'schemas/knowledge/wildfly.schema.json'],
  ['src/knowledge/data/spring-boot.json', 'schemas/knowledge/spring-boot.schema.json'],
  ['src/knowledge/data/kafka.json', 'schemas/knowledge/kafka.schema.json'],
  ['src/knowledge/data/spring-boot-tomcat.json', 'schemas/knowledge/spring-boot-tomcat.schema.json'],
  ['src/knowledge/data/dropwizard.json', 'schemas/knowledge/dropwizard.schema.json'],
  ['src/knowledge/data/jetty.json', 'schemas/knowledge/jetty.schema.json'],
  ['src/knowledge/data/quarkus.json', 'schemas/knowledge/quarkus.schema.json'],
  ['src/knowledge/data/keycloak.json', 'schemas/knowledge/keycloak.schema.json'],
  ['src/knowledge/data/rabbitmq.json', 'schemas/knowledge/rabbitmq.schema.json'],
  ['src/knowledge/data/search-nodes.json', 'schemas/knowledge/search-nodes.schema.json'],
  ['src/knowledge/data/activemq.json', 'schemas/knowledge/activemq.schema.json'],
  ['src/knowledge/data/gskit-signers.json', 'schemas/knowledge/gskit-signers.schema.json'],
  ['src/knowledge/data/ihs.json', 'schemas/knowledge/ihs.schema.json'],
  ['src/knowledge/data/mssql-servers.json', 'schemas/knowledge/mssql-servers.schema.json'],
  ['src/knowledge/data/mysql-servers.json', 'schemas/knowledge/mysql-servers.schema.json'],
  ['src/knowledge/data/postgres-servers.json', 'schemas/knowledge/postgres-servers.schema.json'],
];
const read = (rel: string) => JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8'));

describe('knowledge datasets validate against their JSON Schemas', () => {
  test.each(datasets)('%s', (data, schema) => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(read(schema));
    const ok = validate(read(data));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  test('every data file is covered by a schema', () => {
    const files = fs.readdirSync(path.join(root, 'src/knowledge/data')).filter((f) => f.endsWith('.json'));
    expect(files.map((f) => `src/knowledge/data/${f}`).sort()).toEqual(datasets.map(([d]) => d).sort());
  });

  test('JDK rows of one property never overlap for the same vendor scope', () => {
    const rows = read('src/knowledge/data/jdk-tls-defaults.json').rows as {
      property: string;
      feature: number;
      from: number;
      to?: number;
      vendors?: string[];
    }[];
    for (const a of rows)
      for (const b of rows) {
        if (a === b || a.property !== b.property || a.feature !== b.feature || String(a.vendors) !== String(b.vendors))
          continue;
        const overlap = a.from <= (b.to ?? Infinity) && b.from <= (a.to ?? Infinity);
        expect(overlap ? `${a.property} ${a.feature} ${a.from}-${a.to} overlaps ${b.from}-${b.to}` : '').toBe('');
      }
  });

  test('suite lists only name registered suites', () => {
    const names = new Set(
      (read('src/knowledge/data/cipher-suites.json').suites as { iana: string }[]).map((s) => s.iana),
    );
    const lists = read('src/knowledge/data/jsse-cipher-suites.json').lists as Record<
      string,
      { defaultEnabled: string[]; supportedNotEnabled: string[] }
    >;
    for (const list of Object.values(lists))
      for (const n of [...list.defaultEnabled, ...list.supportedNotEnabled])
        expect(names.has(n) ? n : `unregistered ${n}`).toBe(n);
  });
});
