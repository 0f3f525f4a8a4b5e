import { X509Certificate } from 'node:crypto';
import rule from '../../../src/rules/cert/expires-soon';
import { ruleTester } from '../../helpers/rule-tester';
import { cert } from './cert-rules.trees';

const pem = cert('qmprod1.crt');
const notAfter = new Date(new X509Certificate(pem).validTo).getTime();
const daysBefore = (n: number) => new Date(notAfter - n * 86_400_000).toISOString();
const files = { 'qm/QM1.mqsc': 'ALTER QMGR CERTLABL(qm)\n', 'qm/ssl/qm.crt': pem };

ruleTester(rule, {
  valid: [
    { name: 'far from expiry', files, options: { referenceDate: daysBefore(400) } },
    { name: 'custom threshold', files, options: { referenceDate: daysBefore(20), days: 10 } },
  ],
  invalid: [
    {
      name: 'within 30 days',
      files,
      options: { referenceDate: daysBefore(20) },
      errors: [
        { messageId: 'soon', file: 'qm/ssl/qm.crt', line: 1, messageIncludes: ['in 20 days', 'threshold 30 days'] },
      ],
    },
    {
      name: 'one day left: singular',
      files,
      options: { referenceDate: daysBefore(1.5) },
      errors: [{ messageId: 'soon', file: 'qm/ssl/qm.crt', line: 1, messageIncludes: ['(in 1 day,'] }],
    },
    {
      name: 'hours left: less than a day, not "0 days"',
      files,
      options: { referenceDate: daysBefore(0.25) },
      errors: [{ messageId: 'soon', file: 'qm/ssl/qm.crt', line: 1, messageIncludes: ['(in less than a day,'] }],
    },
    {
      name: 'within 30 days, in a file no component names: an info',
      files: { 'src/test/resources/site.pem': pem },
      options: { referenceDate: daysBefore(20) },
      errors: [
        {
          messageId: 'soonUnnamed',
          file: 'src/test/resources/site.pem',
          line: 1,
          severity: 'info',
          messageIncludes: ['in 20 days', 'names site.pem'],
        },
      ],
    },
    {
      // It said "nothing lint-deploy read in this deployment names site.pem" although the profile's setting does.
      name: 'within 30 days, named only in a profile the tree does not show active: an info naming the profile',
      files: {
        'app/site.pem': pem,
        'app/application.properties': 'server.port=8080\n',
        'app/application-tls.properties': 'server.ssl.certificate=site.pem\n',
      },
      options: { referenceDate: daysBefore(20) },
      errors: [
        {
          messageId: 'soonNotServed',
          file: 'app/site.pem',
          line: 1,
          severity: 'info',
          messageIncludes: ['names site.pem (server.ssl.certificate) only in profile tls'],
          related: [{ file: 'app/application-tls.properties', line: 1 }],
        },
      ],
    },
  ],
});
