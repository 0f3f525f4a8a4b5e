import rule from '../../../src/rules/tls/client-certificate-required';
import { ruleTester } from '../../helpers/rule-tester';
import { javaClient, nginxServer, tomcatServer } from './trust-trees';

const trusting = { trustStore: 'trust-root.jks' };

ruleTester(rule, {
  valid: [
    {
      name: 'Tomcat requires, the client sends a certificate from a CA it trusts',
      files: {
        ...javaClient({ ...trusting, keyStore: 'client-chain.p12' }),
        ...tomcatServer('server-chain.p12', { mode: 'required', trustStore: 'trust-root.jks' }),
      },
    },
    {
      name: 'nginx requires, ssl_client_certificate holds the Clients CA and its root',
      files: {
        ...javaClient({ ...trusting, keyStore: 'client-chain.p12' }),
        ...nginxServer('server-fullchain.pem', { mode: 'on', caFile: 'clients-ca.pem', depth: 2 }),
      },
    },
    {
      name: 'optional, and the client has no certificate',
      files: {
        ...javaClient(trusting),
        ...tomcatServer('server-chain.p12', { mode: 'optional', trustStore: 'trust-root.jks' }),
      },
    },
    { name: 'no client authentication', files: { ...javaClient(trusting), ...tomcatServer('server-chain.p12') } },
  ],
  invalid: [
    {
      name: 'Tomcat requires a certificate, the client has no key store',
      files: {
        ...javaClient(trusting),
        ...tomcatServer('server-chain.p12', { mode: 'required', trustStore: 'trust-root.jks' }),
      },
      errors: [
        {
          messageId: 'none',
          file: 'api/conf/server.xml',
          line: 3,
          messageIncludes: ['Empty client certificate chain', 'bad_certificate'],
        },
      ],
    },
    {
      name: 'nginx requires one, the client has none: 400 No required SSL certificate was sent',
      files: {
        ...javaClient(trusting),
        ...nginxServer('server-fullchain.pem', { mode: 'on', caFile: 'clients-ca.pem' }),
      },
      errors: [
        {
          messageId: 'none',
          file: 'api/nginx.conf',
          line: 6,
          messageIncludes: ['No required SSL certificate was sent', 'client sent no required SSL certificate'],
        },
      ],
    },
    {
      name: 'the client holds a partner CA certificate nginx does not list: JSSE sends none',
      files: {
        ...javaClient({ ...trusting, keyStore: 'client-partner.jks' }),
        ...nginxServer('server-fullchain.pem', { mode: 'on', caFile: 'clients-ca.pem', depth: 2 }),
      },
      errors: [
        {
          messageId: 'noMatch',
          file: 'api/nginx.conf',
          line: 6,
          messageIncludes: ['Fixture Partner CA', 'Fixture Clients CA', 'sends no certificate'],
        },
      ],
    },
    {
      name: 'nginx verify depth 0: the client chain has an intermediate',
      files: {
        ...javaClient({ ...trusting, keyStore: 'client-chain.p12' }),
        ...nginxServer('server-fullchain.pem', { mode: 'on', caFile: 'clients-ca.pem', depth: 0 }),
      },
      errors: [
        {
          messageId: 'untrusted',
          file: 'api/nginx.conf',
          line: 6,
          messageIncludes: ['verify depth', '22:certificate chain too long', 'The SSL certificate error'],
        },
      ],
    },
  ],
});
