import rule from '../../../src/rules/httpd/jkmount-worker-unknown';
import { ruleTester } from '../../helpers/rule-tester';

/** A main httpd.conf in conf/ that reads conf/workers.properties, with the given lines after. */
const conf = (workers: string[], ...lines: string[]) => ({
  'conf/httpd.conf': [
    'ServerRoot "/usr/local/apache2"',
    'Listen 80',
    'LoadModule jk_module modules/mod_jk.so',
    ...lines,
    '',
  ].join('\n'),
  'conf/workers.properties': [...workers, ''].join('\n'),
});
const one = ['worker.list=app', 'worker.app.type=ajp13', 'worker.app.host=tomcat', 'worker.app.port=8009'];
const balancer = [
  'worker.list=lb,status',
  'worker.node1.host=tomcat1',
  'worker.node2.host=tomcat2',
  'worker.lb.type=lb',
  'worker.lb.balance_workers=node1,node2',
  'worker.status.type=status',
];

ruleTester(rule, {
  valid: [
    {
      name: 'mounts of listed workers: one in a <Location>, a mount with extensions, a balancer and a status worker',
      files: conf(
        balancer,
        'JkWorkersFile conf/workers.properties',
        'JkMount /app/* lb;use_server_errors=400',
        '<Location /jk-status>',
        '  JkMount status',
        '</Location>',
      ),
    },
    {
      name: 'a workers file the tree does not hold, or one set when httpd starts: the worker map is not known',
      files: {
        'a/conf/httpd.conf':
          'ServerRoot "/usr/local/apache2"\nJkWorkersFile /opt/jk/workers.properties\nJkMount /x w1\n',
        'a/conf/workers.properties': 'worker.list=app\n',
        'b/conf/httpd.conf': 'ServerRoot "/usr/local/apache2"\nJkWorkersFile ${JK_WORKERS}\nJkMount /x w1\n',
      },
    },
    {
      name: 'worker.list from the environment',
      files: conf(['worker.list=$(JK_WORKERS)'], 'JkWorkersFile conf/workers.properties', 'JkMount /x w1'),
    },
    {
      name: "a main-server mount with a virtual host and no JkMountCopy: it maps no request (Debian's stock jk.conf)",
      files: conf(
        one,
        'JkWorkersFile conf/workers.properties',
        '<Location /jk-status>',
        '  JkMount jk-status',
        '</Location>',
        '<VirtualHost *:80>',
        '  JkMount /app/* app',
        '</VirtualHost>',
      ),
    },
    {
      name: 'no JkWorkersFile, and an Include the tree does not hold: it may set one',
      files: {
        'conf/httpd.conf': 'ServerRoot "/usr/local/apache2"\nInclude conf/extra/mod_jk.conf\nJkMount /x w1\n',
      },
    },
    {
      name: "no JkWorkersFile, no worker.list: mod_jk's default worker ajp13; JkWorkerProperty lines list the others",
      files: {
        'conf/httpd.conf': [
          'ServerRoot "/usr/local/apache2"',
          'JkMount /a/* ajp13',
          '<VirtualHost *:80>',
          '</VirtualHost>',
          'JkMountCopy All',
          '',
        ].join('\n'),
        'b/conf/httpd.conf': [
          'ServerRoot "/usr/local/apache2"',
          'JkWorkerProperty worker.list=w1',
          'JkWorkerProperty worker.w1.host=tomcat',
          'JkMount /a/* w1',
          '',
        ].join('\n'),
      },
    },
    {
      name: "a JkMountFile's exclusion and disabled lines name no worker that serves; its mounts name listed workers",
      files: {
        ...conf(one, 'JkWorkersFile conf/workers.properties', 'JkMountFile conf/uriworkermap.properties'),
        'conf/uriworkermap.properties': '/app/*=app;use_server_errors=500\n!/app/*.png=other\n-/old/*=gone\n',
      },
    },
    {
      name: 'a main-server JkMountFile with a virtual host and no JkMountCopy: its mounts map nothing',
      files: {
        ...conf(
          one,
          'JkWorkersFile conf/workers.properties',
          'JkMountFile conf/uriworkermap.properties',
          '<VirtualHost *:80>',
          '</VirtualHost>',
        ),
        'conf/uriworkermap.properties': '/*=gone\n',
      },
    },
    {
      name: 'a JkMountFile the tree does not hold: its mounts are not known',
      files: conf(one, 'JkWorkersFile conf/workers.properties', 'JkMountFile conf/extra/uriworkermap.properties'),
    },
    {
      name: 'JkWorkersFile twice: httpd does not start ("only allowed once"), no request to judge',
      files: conf(
        one,
        'JkWorkersFile conf/workers.properties',
        'JkWorkersFile conf/workers.properties',
        'JkMount /x w1',
      ),
    },
  ],
  invalid: [
    {
      // The shape of tges/httpd24-jk (mod_jk.conf, uriworkermap.properties), with a worker the list does not name.
      name: 'a line of the JkMountFile naming a worker the map does not hold',
      files: {
        ...conf(
          one,
          'JkWorkersFile conf/workers.properties',
          '<VirtualHost *:80>',
          '  JkMountFile conf/uriworkermap.properties',
          '</VirtualHost>',
        ),
        'conf/uriworkermap.properties': '# mounts\n/app/*=app\n/jkstatus/*=status\n!/app/*.png=app\n',
      },
      errors: [
        {
          messageId: 'unknown',
          file: 'conf/uriworkermap.properties',
          line: 3,
          severity: 'error',
          messageIncludes: [
            'The mount /jkstatus/*=status of the JkMountFile names the worker status',
            'holds only app',
          ],
          related: [
            { file: 'conf/httpd.conf', line: 4 },
            { file: 'conf/workers.properties', line: 1 },
            { file: 'conf/httpd.conf', line: 6 },
          ],
        },
      ],
    },
    {
      // A relative JkWorkersFile is the ServerRoot's: the Dockerfile puts the tree's file at /usr/local/apache2/conf/.
      name: 'a relative JkWorkersFile, a main configuration outside conf/ and a COPY into the ServerRoot',
      files: {
        'httpd/Dockerfile':
          'FROM httpd:2.4.62\nCOPY httpd.conf /usr/local/apache2/conf/httpd.conf\nCOPY jk/workers.properties /usr/local/apache2/conf/\n',
        'httpd/httpd.conf':
          'ServerRoot "/usr/local/apache2"\nListen 80\nJkWorkersFile conf/workers.properties\nJkMount /app/* tomcat\n',
        'httpd/jk/workers.properties': 'worker.list=app\nworker.app.host=tomcat\n',
      },
      errors: [
        {
          messageId: 'unknown',
          file: 'httpd/httpd.conf',
          line: 4,
          related: [
            { file: 'httpd/httpd.conf', line: 3 },
            { file: 'httpd/Dockerfile', line: 3 },
            { file: 'httpd/jk/workers.properties', line: 1 },
          ],
        },
      ],
    },
    {
      // The shape of BloodyChaton/Ansible-trois-tiers httpd.conf: copied to /etc/httpd/conf/ with workers.properties.
      name: 'an installed path in the directory of the main configuration, and a worker it does not list',
      files: {
        'httpd.conf': [
          'ServerRoot "/etc/httpd"',
          'Listen 80',
          'JkWorkersFile /etc/httpd/conf/workers.properties',
          '  JkMount  /examples/* worker1',
          '',
        ].join('\n'),
        'workers.properties': ['worker.list=app1Worker', 'worker.app1Worker.port=8009', ''].join('\n'),
      },
      errors: [
        {
          messageId: 'unknown',
          file: 'httpd.conf',
          line: 4,
          severity: 'error',
          messageIncludes: [
            'JkMount /examples/* names the worker worker1',
            'holds only app1Worker',
            'Could not find a worker for worker name=worker1',
            'gets a 500',
          ],
          related: [
            { file: 'httpd.conf', line: 3 },
            { file: 'workers.properties', line: 1 },
          ],
        },
      ],
    },
    {
      // BloodyChaton/Ansible-trois-tiers itself: its conf.d/*.conf (app1.conf, a <VirtualHost *:80>) is not in conf.d/.
      name: 'a main-server mount, and an Include the tree cannot follow that may hold a virtual host: a warning',
      files: {
        'httpd.conf': [
          'ServerRoot "/etc/httpd"',
          'Listen 80',
          'JkWorkersFile /etc/httpd/conf/workers.properties',
          'JkMount /examples/* worker1',
          'IncludeOptional conf.d/*.conf',
          '',
        ].join('\n'),
        'workers.properties': 'worker.list=app1Worker\n',
      },
      errors: [{ messageId: 'unknown', file: 'httpd.conf', line: 4, severity: 'warning' }],
    },
    {
      name: "a balancer's member mounted in a virtual host",
      files: conf(
        balancer,
        'JkWorkersFile conf/workers.properties',
        '<VirtualHost *:80>',
        '  JkMount /app/* node1',
        '</VirtualHost>',
      ),
      errors: [
        {
          messageId: 'unknown',
          file: 'conf/httpd.conf',
          line: 6,
          messageIncludes: ['member of the balancer lb', 'mount lb'],
        },
      ],
    },
    {
      name: "Debian's apache2.conf (ServerRoot /etc/apache2): a worker the file sets but does not list",
      files: {
        'apache2.conf': 'IncludeOptional mods-enabled/*.conf\nIncludeOptional sites-enabled/*.conf\n',
        'mods-enabled/jk.conf': '<IfModule jk_module>\nJkWorkersFile /etc/apache2/workers.properties\n</IfModule>\n',
        'sites-enabled/000-default.conf': '<VirtualHost *:80>\nJkMount /shop/* worker2\n</VirtualHost>\n',
        'workers.properties': 'worker.list=worker1\nworker.worker1.port=8009\nworker.worker2.port=8010\n',
      },
      errors: [
        {
          messageId: 'unknown',
          file: 'sites-enabled/000-default.conf',
          line: 2,
          messageIncludes: ['worker.list does not name it'],
        },
      ],
    },
    {
      // The shape of bee-infraverse/tomcat-cluster-lab examples/httpd2tomcat/docker/httpd: the image holds both files.
      name: 'a jk.conf and workers file a Dockerfile copies, no main configuration: a warning',
      files: {
        'httpd/Dockerfile': [
          'FROM debian:bookworm-slim',
          'ADD jk.conf /etc/apache2/mods-enabled/jk.conf',
          'ADD workers.properties /etc/libapache2-mod-jk/workers.properties',
          '',
        ].join('\n'),
        'httpd/jk.conf': [
          '<IfModule jk_module>',
          '  JkWorkersFile /etc/libapache2-mod-jk/workers.properties',
          '  <Location /jk-manager>',
          '    JkMount jk-manager',
          '  </Location>',
          '  JkMount /* tomcat',
          '</IfModule>',
          '',
        ].join('\n'),
        'httpd/workers.properties': 'worker.list=tomcat\nworker.tomcat.host=tomcat\nworker.list=jk-manage\n',
      },
      errors: [
        {
          messageId: 'unknown',
          file: 'httpd/jk.conf',
          line: 4,
          severity: 'warning',
          messageIncludes: ['holds only tomcat, jk-manage', 'no main configuration, or an Include it cannot follow'],
          related: [
            { file: 'httpd/jk.conf', line: 2 },
            { file: 'httpd/Dockerfile', line: 3 },
            { file: 'httpd/workers.properties', line: 1 },
          ],
        },
      ],
    },
    {
      // The shape of AdoreJE/docker-httpd-tomcat-cluster: a conf.d/mod_jk.conf of mod_jk lines alone.
      name: 'a conf.d file of mod_jk lines alone, included by the main configuration',
      files: {
        'httpd/conf/httpd.conf': 'ServerRoot "/etc/httpd"\nListen 80\nIncludeOptional conf.d/*.conf\n',
        'httpd/conf.d/mod_jk.conf': 'JkWorkersFile /etc/httpd/conf.d/workers.properties\nJkMount /* balancer\n',
        'httpd/conf.d/workers.properties': 'worker.list=loadbalancer\nworker.loadbalancer.type=lb\n',
      },
      errors: [{ messageId: 'unknown', file: 'httpd/conf.d/mod_jk.conf', line: 2, severity: 'error' }],
    },
    {
      name: "no worker.list: mod_jk's default list, ajp13 alone",
      files: conf(['worker.worker1.port=8009'], 'JkWorkersFile conf/workers.properties', 'JkMount /x worker1'),
      errors: [
        {
          messageId: 'unknown',
          file: 'conf/httpd.conf',
          line: 5,
          messageIncludes: ['holds only ajp13', "mod_jk's default list", 'worker.list does not name it'],
        },
      ],
    },
  ],
});
