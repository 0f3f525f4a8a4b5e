import rule from '../../../src/rules/httpd/jk-property-refused';
import { ruleTester } from '../../helpers/rule-tester';

/** A main httpd.conf in conf/ that reads conf/workers.properties, with the given lines after. */
const conf = (workers: string[], ...lines: string[]) => ({
  'conf/httpd.conf': [
    'ServerRoot "/usr/local/apache2"',
    'Listen 80',
    'LoadModule jk_module modules/mod_jk.so',
    'JkWorkersFile conf/workers.properties',
    ...lines,
    '',
  ].join('\n'),
  'conf/workers.properties': [...workers, ''].join('\n'),
});

ruleTester(rule, {
  valid: [
    {
      name: 'known attributes, a variable, a balancer, a status worker, a deprecated attribute (a warning in the log)',
      files: conf([
        'base=tomcat',
        'worker.list=lb,jkstatus',
        'worker.maintain=60',
        'worker.node1.host=$(base)',
        'worker.node1.cachesize=10',
        'worker.lb.type=lb',
        'worker.lb.balance_workers=node1',
        'worker.jkstatus.type=status',
      ]),
    },
    {
      name: 'a workers file no httpd configuration names, with a typo: which httpd reads it is not known',
      files: { 'httpd/workers.properties': 'worker.list=w\nworker.w.hots=tomcat\n' },
    },
    {
      name: 'a type from the environment, or a template; a type a reference may bring; an unlisted worker',
      files: conf([
        'worker.list=a,b',
        'worker.a.type=$(JK_TYPE)',
        'worker.b.reference=worker.tpl',
        'worker.b.type={{ jk_type }}',
        'worker.c.type=ajp',
      ]),
    },
  ],
  invalid: [
    {
      name: 'an attribute name mod_jk does not know (case counts): it stops reading the file, httpd does not start',
      files: conf(['worker.list=w', 'worker.w.Host=tomcat', 'worker.w.lbfactor=1']),
      errors: [
        {
          messageId: 'attribute',
          file: 'conf/workers.properties',
          line: 2,
          severity: 'error',
          messageIncludes: [
            'worker.w.Host is no worker attribute mod_jk knows',
            "The attribute 'worker.w.Host' is not supported",
            "Error in reading worker properties from '…'",
          ],
          related: [{ file: 'conf/httpd.conf', line: 4 }],
        },
      ],
    },
    {
      name: 'a JkWorkerProperty line with an unknown attribute: a syntax error',
      files: {
        'conf/httpd.conf':
          'ServerRoot "/usr/local/apache2"\nJkWorkerProperty worker.list=w\nJkWorkerProperty worker.w.prot=8009\n',
      },
      errors: [
        { messageId: 'attribute', file: 'conf/httpd.conf', line: 3, messageIncludes: ['Invalid JkWorkerProperty'] },
      ],
    },
    {
      name: "a listed worker's type mod_jk has no worker for (AJP13 in capitals): httpd does not start",
      files: conf(['worker.list=w', 'worker.w.type=AJP13', 'worker.w.host=tomcat']),
      errors: [
        {
          messageId: 'type',
          file: 'conf/workers.properties',
          line: 2,
          messageIncludes: [
            'worker w has the type AJP13',
            'Unknown worker type AJP13 for worker w',
            'Error in creating the workers',
          ],
        },
      ],
    },
  ],
});
