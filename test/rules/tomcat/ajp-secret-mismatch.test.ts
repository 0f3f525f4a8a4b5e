import rule from '../../../src/rules/tomcat/ajp-secret-mismatch';
import { ruleTester } from '../../helpers/rule-tester';

/** A server.xml whose AJP connector (line 4) has `ajp` as its attributes. */
const serverXml = (ajp: string) =>
  [
    '<Server port="8005">',
    '  <Service name="Catalina">',
    '    <Connector port="8080" protocol="HTTP/1.1" />',
    `    <Connector port="8009" protocol="AJP/1.3" address="0.0.0.0" ${ajp} />`,
    '    <Engine name="Catalina" defaultHost="localhost"><Host name="localhost"/></Engine>',
    '  </Service>',
    '</Server>',
    '',
  ].join('\n');

/** The httpd.conf of composed(): mod_jk reads conf/workers.properties (the ServerRoot's), with `lines` after. */
const jkConf = (...lines: string[]) =>
  [
    'ServerRoot "/usr/local/apache2"',
    'Listen 80',
    'LoadModule jk_module modules/mod_jk.so',
    'JkWorkersFile conf/workers.properties',
    ...lines,
    '',
  ].join('\n');

/**
 * An httpd service built from httpd/ and a Tomcat service of `image` that mounts tomcat/conf: on the Compose network
 * the host `tomcat` is the Tomcat service (as bee-infraverse/tomcat-cluster-lab@(real-trees) examples/httpd2tomcat).
 * Its httpd.conf names the workers file, which the Dockerfile puts in the ServerRoot's conf/.
 */
const composed = (image: string, workers: string, ajp: string) => ({
  'docker-compose.yml': `services:\n  httpd:\n    build: ./httpd\n  tomcat:\n    image: ${image}\n    volumes:\n      - ./tomcat/conf:/usr/local/tomcat/conf\n`,
  'httpd/Dockerfile':
    'FROM httpd:2.4.62\nCOPY httpd.conf /usr/local/apache2/conf/httpd.conf\nCOPY workers.properties /usr/local/apache2/conf/workers.properties\n',
  'httpd/httpd.conf': jkConf(),
  'httpd/workers.properties': workers,
  'tomcat/conf/server.xml': serverXml(ajp),
});

/** A load balancer over one ajp13 worker on the `tomcat` service (line 4: the member's first line). */
const lbWorkers = (lbExtra = '', memberExtra = '') =>
  [
    '# workers',
    'worker.list=loadbalancer,jkstatus',
    '',
    'worker.node1.type=ajp13',
    'worker.node1.host=tomcat',
    'worker.node1.port=8009',
    memberExtra,
    'worker.loadbalancer.type=lb',
    'worker.loadbalancer.balance_workers=node1',
    lbExtra,
    'worker.jkstatus.type=status',
    '',
  ].join('\n');

const atWorker = { file: 'httpd/workers.properties', line: 4 };

/**
 * The AdoreJE/docker-httpd-tomcat-cluster@8a49ee3 shape: httpd and the Tomcats in two Compose files of docker/, each
 * run alone; `tomcatDir` holds the Tomcat one. The worker reaches the host `tomcat1` on 8009, which sends no secret.
 */
const twoComposeFiles = (tomcatDir: string, tomcatService = '  tomcat1:\n') => ({
  'docker/docker-compose-httpd.yml':
    'services:\n  httpd:\n    image: httpd:2.4.62\n    volumes:\n      - ../httpd/conf.d/:/etc/httpd/conf.d/\n',
  [`${tomcatDir}/docker-compose-tomcat.yml`]: `services:\n${tomcatService}    image: tomcat:9.0.85\n    volumes:\n      - ../tomcat/conf1/:/usr/local/tomcat/conf/\n`,
  'httpd/conf.d/mod_jk.conf': 'JkWorkersFile /etc/httpd/conf.d/workers.properties\nJkMount /app/* worker1\n',
  'httpd/conf.d/workers.properties': 'worker.list=worker1\nworker.worker1.type=ajp13\nworker.worker1.host=tomcat1\n',
  'tomcat/conf1/server.xml': serverXml('secret="s3cret"'),
});

ruleTester(rule, {
  valid: [
    {
      name: 'the worker sends the secret the connector has',
      files: composed('tomcat:11.0.6', lbWorkers('', 'worker.node1.secret=mySecretKey'), 'secret="mySecretKey"'),
    },
    {
      name: "a load balancer's secret is its members': the same as the connector's",
      files: composed('tomcat:9.0.85', lbWorkers('worker.loadbalancer.secret=s3cret'), 'secret="s3cret"'),
    },
    {
      name: 'a worker on an address the tree does not tie to the connector: not linked',
      files: composed(
        'tomcat:9.0.85',
        'worker.list=w\nworker.w.host=10.0.0.5\nworker.w.port=8009\n',
        'secret="s3cret"',
      ),
    },
    {
      name: 'a worker no list names is not made; a status worker speaks no AJP',
      files: composed(
        'tomcat:9.0.85',
        'worker.list=jkstatus\nworker.jkstatus.type=status\nworker.w.host=tomcat\nworker.w.port=8009\n',
        'secret="s3cret"',
      ),
    },
    {
      name: 'requiredSecret then secret on 10.1: secret, written later, is read',
      files: composed(
        'tomcat:10.1.30',
        lbWorkers('', 'worker.node1.secret=s3cret'),
        'requiredSecret="old" secret="s3cret"',
      ),
    },
    {
      // httpd refuses ProxySet secret= in a balancer's section (httpd/directive-refused): it does not start.
      name: "a balancer's ProxySet secret= is no secret its members send: httpd does not start, its members are no fronts",
      files: {
        ...composed('tomcat:9.0.85', 'worker.list=jkstatus\nworker.jkstatus.type=status\n', 'secret="s3cret"'),
        'httpd/httpd.conf':
          'Listen 80\n<Proxy "balancer://cluster">\n  BalancerMember "ajp://tomcat:8009"\n  ProxySet secret=other\n</Proxy>\nProxyPass "/app" "balancer://cluster/app"\n',
      },
    },
    {
      name: 'Compose files in two directories: two projects, two networks; the worker is not tied',
      files: twoComposeFiles('compose'),
    },
    {
      name: 'hostname: is no name other containers look up',
      files: twoComposeFiles('docker', '  app:\n    hostname: tomcat1\n'),
    },
    {
      name: 'another port: not this connector',
      files: composed('tomcat:9.0.85', 'worker.list=w\nworker.w.host=tomcat\nworker.w.port=8010\n', 'secret="s3cret"'),
    },
    {
      name: 'both secrets from outside the tree (a property, the environment): nothing to say',
      files: composed('tomcat:9.0.85', lbWorkers('worker.loadbalancer.secret=$(AJP_SECRET)'), 'secret="${ajp.secret}"'),
    },
  ],
  invalid: [
    {
      name: 'the connector has a secret, the lb member sends none: 403 (error)',
      files: composed('tomcat:9.0.85', lbWorkers(), 'secret="s3cret"'),
      errors: [
        {
          messageId: 'notSent',
          severity: 'error',
          ...atWorker,
          messageIncludes: [
            'mod_jk worker node1 (httpd/workers.properties) sends no secret to Tomcat AJP connector 8009 (tomcat/conf/server.xml)',
            'with 403',
            'worker.<name>.secret=',
          ],
          related: [
            { file: 'tomcat/conf/server.xml', line: 4 },
            { file: 'tomcat/conf/server.xml', line: 4 },
            { file: 'httpd/workers.properties', line: 5 },
            { file: 'httpd/workers.properties', line: 6 },
            { file: 'docker-compose.yml', line: 7 },
            { file: 'httpd/httpd.conf', line: 4 },
            { file: 'httpd/Dockerfile', line: 3 },
          ],
        },
      ],
    },
    {
      name: "the member takes its load balancer's secret, which is another: 403; no secret is printed",
      files: composed('tomcat:10.1.20', lbWorkers('worker.loadbalancer.secret=first-one'), 'secret="second-one"'),
      errors: [
        {
          messageId: 'different',
          ...atWorker,
          messageExcludes: ['first-one', 'second-one'],
          related: [
            { file: 'tomcat/conf/server.xml', line: 4 },
            { file: 'tomcat/conf/server.xml', line: 4 },
            { file: 'httpd/workers.properties', line: 10 },
            { file: 'httpd/workers.properties', line: 5 },
            { file: 'httpd/workers.properties', line: 6 },
            { file: 'docker-compose.yml', line: 7 },
            { file: 'httpd/httpd.conf', line: 4 },
            { file: 'httpd/Dockerfile', line: 3 },
          ],
        },
      ],
    },
    {
      name: "the worker's own secret wins over the load balancer's; a later line replaces an earlier one",
      files: composed(
        'tomcat:9.0.85',
        lbWorkers('worker.loadbalancer.secret=s3cret', 'worker.node1.secret=s3cret\nworker.node1.secret=other # typo'),
        'secret="s3cret"',
      ),
      errors: [{ messageId: 'different', ...atWorker }],
    },
    {
      name: 'two Compose files of one directory, each run alone: one default network, the worker reaches tomcat1',
      files: twoComposeFiles('docker'),
      errors: [
        {
          messageId: 'notSent',
          file: 'httpd/conf.d/workers.properties',
          line: 2,
          related: [
            { file: 'tomcat/conf1/server.xml', line: 4 },
            { file: 'tomcat/conf1/server.xml', line: 4 },
            { file: 'httpd/conf.d/workers.properties', line: 3 },
            { file: 'docker/docker-compose-tomcat.yml', line: 5 },
            { file: 'docker/docker-compose-httpd.yml', line: 1 },
            { file: 'httpd/conf.d/mod_jk.conf', line: 1 },
            { file: 'docker/docker-compose-httpd.yml', line: 5 },
          ],
        },
      ],
    },
    {
      name: "the host is the Tomcat service's container_name, or one of its network aliases",
      files: {
        ...twoComposeFiles('docker', '  app:\n    container_name: tomcat1\n'),
        'httpd/conf.d/workers.properties':
          'worker.list=worker1,worker2\nworker.worker1.host=tomcat1\nworker.worker2.host=backend\nworker.worker2.secret=other\n',
        'docker/docker-compose-tomcat.yml':
          'services:\n  app:\n    container_name: tomcat1\n    image: tomcat:9.0.85\n    networks:\n      web:\n        aliases: [backend]\n    volumes:\n      - ../tomcat/conf1/:/usr/local/tomcat/conf/\n',
      },
      errors: [
        { messageId: 'notSent', file: 'httpd/conf.d/workers.properties', line: 2 },
        { messageId: 'different', file: 'httpd/conf.d/workers.properties', line: 3 },
      ],
    },
    {
      name: 'mod_proxy_ajp without secret= to a connector with one',
      files: {
        ...composed('tomcat:9.0.85', 'worker.list=jkstatus\nworker.jkstatus.type=status\n', 'secret="s3cret"'),
        'httpd/httpd.conf': 'Listen 80\nProxyPass "/app" "ajp://tomcat:8009/app"\n',
        'httpd/Dockerfile':
          'FROM httpd:2.4.62\nCOPY httpd.conf /usr/local/apache2/conf/httpd.conf\nCOPY workers.properties /usr/local/apache2/conf/workers.properties\n',
      },
      errors: [
        {
          messageId: 'notSent',
          file: 'httpd/httpd.conf',
          line: 2,
          messageIncludes: ['httpd ProxyPass ajp://tomcat:8009/app (httpd/httpd.conf:2)', 'secret= on the ProxyPass'],
        },
      ],
    },
    {
      name: 'a BalancerMember with another secret= than the connector',
      files: {
        ...composed('tomcat:9.0.85', 'worker.list=jkstatus\nworker.jkstatus.type=status\n', 'secret="s3cret"'),
        'httpd/httpd.conf':
          'Listen 80\n<Proxy "balancer://cluster">\n  BalancerMember "ajp://tomcat:8009" secret=nope\n</Proxy>\nProxyPass "/app" "balancer://cluster/app"\n',
      },
      errors: [{ messageId: 'different', file: 'httpd/httpd.conf', line: 3, messageExcludes: ['nope', 's3cret'] }],
    },
    {
      // The secret= of an old release is no setter there (9.0.30 has only requiredSecret): Tomcat asks for nothing.
      name: "the worker's secret, and secret= on a release that reads only requiredSecret: ignored (warning)",
      files: composed('tomcat:9.0.30', lbWorkers('', 'worker.node1.secret=s3cret'), 'secret="s3cret"'),
      errors: [
        {
          messageId: 'ignored',
          severity: 'warning',
          ...atWorker,
          messageIncludes: ['Tomcat 9.0.30 has no secret attribute (only requiredSecret'],
        },
      ],
    },
    {
      // 8.5.51 to 10.1: both setters set one field, in document order (data/tomcat.json ajpSecret.requiredSecretRemoved).
      name: 'secret and requiredSecret on 10.1: the one written later is the secret',
      files: composed(
        'tomcat:10.1.30',
        lbWorkers('', 'worker.node1.secret=s3cret'),
        'secret="s3cret" requiredSecret="old"',
      ),
      errors: [{ messageId: 'different', ...atWorker, messageExcludes: ['s3cret', 'old'] }],
    },
    {
      name: 'a connector secret from a property the tree does not settle: unknown (info)',
      files: composed('tomcat:9.0.85', lbWorkers(), 'secret="${ajp.secret}"'),
      errors: [
        { messageId: 'unknown', severity: 'info', ...atWorker, messageIncludes: ["the connector's secret is unknown"] },
      ],
    },
    {
      name: 'a worker secret from the environment ($(…) that the file does not set): unknown (info)',
      files: composed('tomcat:9.0.85', lbWorkers('', 'worker.node1.secret=$(AJP_SECRET)'), 'secret="s3cret"'),
      errors: [{ messageId: 'unknown', severity: 'info', ...atWorker, messageIncludes: ['from the environment'] }],
    },
    {
      name: 'localhost, with httpd and Tomcat in one image: the same container; the worker is a JkWorkerProperty line',
      files: {
        Dockerfile:
          'FROM tomcat:9.0.85\nCOPY conf/server.xml /usr/local/tomcat/conf/server.xml\nCOPY httpd/httpd.conf /etc/httpd/conf/httpd.conf\n',
        'conf/server.xml': serverXml('secret="s3cret"'),
        'httpd/httpd.conf': [
          'ServerRoot "/etc/httpd"',
          'LoadModule jk_module modules/mod_jk.so',
          'JkWorkerProperty worker.list=w1',
          'JkWorkerProperty worker.w1.host=localhost',
          'JkMount /app/* w1',
          '',
        ].join('\n'),
      },
      errors: [
        {
          messageId: 'notSent',
          file: 'httpd/httpd.conf',
          line: 4,
          messageIncludes: ['mod_jk worker w1 (httpd/httpd.conf)'],
          related: [
            { file: 'conf/server.xml', line: 4 },
            { file: 'conf/server.xml', line: 4 },
            { file: 'httpd/httpd.conf', line: 4 },
            { file: 'Dockerfile', line: 1 },
          ],
        },
      ],
    },
    {
      // The tree's httpd reads another workers file: this one may be a leftover, or another httpd's (not in the tree).
      name: 'a workers file no httpd configuration of the tree names: the facts, as an info',
      files: {
        Dockerfile:
          'FROM tomcat:9.0.85\nCOPY conf/server.xml /usr/local/tomcat/conf/server.xml\nCOPY httpd/ /etc/httpd/conf/\n',
        'conf/server.xml': serverXml('secret="s3cret"'),
        'httpd/httpd.conf': 'ServerRoot "/etc/httpd"\nJkWorkersFile conf/workers.properties\nJkMount /app/* w1\n',
        'httpd/workers.properties': 'worker.list=w1\nworker.w1.host=localhost\nworker.w1.secret=s3cret\n',
        'httpd/old/workers.properties':
          'worker.list=w1\nworker.w1.type=ajp13\nworker.w1.host=localhost\nworker.w1.port=8009\n',
      },
      errors: [
        {
          messageId: 'unread',
          severity: 'info',
          file: 'httpd/old/workers.properties',
          line: 2,
          messageIncludes: [
            'mod_jk worker w1 (httpd/old/workers.properties) sends no secret to Tomcat AJP connector 8009 (conf/server.xml), which has one',
            'no httpd configuration of the tree names its workers file',
          ],
        },
      ],
    },
  ],
});
