/**
 * httpd/tls-vhost-behind-plain against the real apache2: each configuration (a plain virtual host and one with
 * SSLEngine on, in some order and on some addresses) is served on 127.0.0.1 and 127.0.0.2 and probed with a TLS client
 * asking for the SSL host by SNI, and the same text is linted as a tree. The rule must fire exactly where no probe
 * completes a TLS handshake: the first virtual host of an address set decides whether the connection speaks TLS.
 */
import * as fs from 'node:fs';
import * as tls from 'node:tls';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { describeWithHttpd, startHttpd } from '../helpers/httpd';
import { leaf } from '../helpers/pki';
import { writeTree } from '../helpers/rule-tester';

const site = leaf('ssl.example');
const LISTEN = 'Listen 127.0.0.1:@PORT@\nListen 127.0.0.2:@PORT@\n';
const vhost = (address: string, name: string, ...lines: string[]) =>
  [`<VirtualHost ${address}>`, `  ServerName ${name}`, ...lines.map((l) => `  ${l}`), '</VirtualHost>', ''].join('\n');
const SSL = ['SSLEngine on', 'SSLCertificateFile @DIR@/site.crt', 'SSLCertificateKeyFile @DIR@/site.key'];
const plain = (address: string, ...lines: string[]) => vhost(address, 'plain.example', ...lines);
const secure = (address: string) => vhost(address, 'ssl.example', ...SSL);

interface Case {
  name: string;
  /** httpd.conf after the modules; `@PORT@` the port, `@DIR@` the directory of the files. */
  config: string;
  /** More configuration files, by name (included by the config). */
  files?: Record<string, string>;
}

const CASES: Case[] = [
  { name: '*:P plain, then *:P SSL', config: plain('*:@PORT@') + secure('*:@PORT@') },
  { name: '*:P SSL, then *:P plain', config: secure('*:@PORT@') + plain('*:@PORT@') },
  { name: '_default_:P plain, then *:P SSL', config: plain('_default_:@PORT@') + secure('*:@PORT@') },
  { name: '*:P plain, then _default_:P SSL', config: plain('*:@PORT@') + secure('_default_:@PORT@') },
  { name: '0.0.0.0:P plain, then *:P SSL', config: plain('0.0.0.0:@PORT@') + secure('*:@PORT@') },
  { name: '[::]:P plain, then *:P SSL', config: plain('[::]:@PORT@') + secure('*:@PORT@') },
  { name: '127.0.0.1:P plain, then *:P SSL', config: plain('127.0.0.1:@PORT@') + secure('*:@PORT@') },
  { name: '*:P plain, then 127.0.0.1:P SSL', config: plain('*:@PORT@') + secure('127.0.0.1:@PORT@') },
  { name: '127.0.0.1:P plain, then 127.0.0.1:P SSL', config: plain('127.0.0.1:@PORT@') + secure('127.0.0.1:@PORT@') },
  { name: '10.9.9.9:P plain, then *:P SSL', config: plain('10.9.9.9:@PORT@') + secure('*:@PORT@') },
  { name: '*:* plain, then *:P SSL', config: plain('*:*') + secure('*:@PORT@') },
  { name: '*:P plain, then *:* SSL', config: plain('*:@PORT@') + secure('*:*') },
  { name: 'SSLEngine optional first', config: plain('*:@PORT@', 'SSLEngine optional') + secure('*:@PORT@') },
  { name: 'SSLEngine off first', config: plain('*:@PORT@', 'SSLEngine off') + secure('*:@PORT@') },
  {
    name: 'the main server turns SSLEngine on, the first virtual host inherits it',
    config: SSL.join('\n') + '\n' + plain('*:@PORT@') + secure('*:@PORT@'),
  },
  {
    name: 'the main server turns SSLEngine on, the first virtual host turns it off',
    config: SSL.join('\n') + '\n' + plain('*:@PORT@', 'SSLEngine off') + secure('*:@PORT@'),
  },
  {
    name: 'the plain site sorts first among the included files',
    config: 'Include @DIR@/site-*.conf\n',
    files: { 'site-000-redirect.conf': plain('*:@PORT@'), 'site-010-ssl.conf': secure('*:@PORT@') },
  },
  {
    name: 'the SSL site sorts first among the included files',
    config: 'Include @DIR@/site-*.conf\n',
    files: { 'site-000-ssl.conf': secure('*:@PORT@'), 'site-010-redirect.conf': plain('*:@PORT@') },
  },
  {
    // httpd sorts an Include pattern's files with strcmp: upper case before lower case.
    name: 'the plain site sorts first in byte order, last in a locale order',
    config: 'Include @DIR@/*-site.conf\n',
    files: { 'B-site.conf': plain('*:@PORT@'), 'a-site.conf': secure('*:@PORT@') },
  },
  {
    name: 'the SSL site sorts first in byte order, last in a locale order',
    config: 'Include @DIR@/*-site.conf\n',
    files: { 'B-site.conf': secure('*:@PORT@'), 'a-site.conf': plain('*:@PORT@') },
  },
  // apache2 -t -D DUMP_INCLUDES: a directory's entries in byte order, a subdirectory read where its name sorts.
  ...(
    [
      ['the plain site sorts first', { '000-redirect.conf': plain('*:@PORT@'), '010-ssl.conf': secure('*:@PORT@') }],
      ['the SSL site sorts first', { '000-ssl.conf': secure('*:@PORT@'), '010-redirect.conf': plain('*:@PORT@') }],
      [
        'a subdirectory sorting first holds the plain site',
        { 'a/redirect.conf': plain('*:@PORT@'), 'b-ssl.conf': secure('*:@PORT@') },
      ],
    ] as const
  ).map(([name, files]) => ({
    name: `Include of a directory: ${name}`,
    config: 'Include @DIR@/sites.d/\n',
    files: Object.fromEntries(Object.entries(files).map(([file, body]) => [`sites.d/${file}`, body])),
  })),
];

/** Whether a TLS client asking for ssl.example completes a handshake with the server on host:port. */
function speaksTls(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host, port, servername: 'ssl.example', rejectUnauthorized: false, timeout: 10_000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('secureConnect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

/** Whether httpd/tls-vhost-behind-plain fires on the same text, linted as a tree (the port as 443). */
function predicted(c: Case): boolean {
  const text = (s: string) => s.replaceAll('@PORT@', '443').replaceAll('@DIR@', '/etc/httpd/sites');
  const tree = writeTree({
    'web/conf/httpd.conf': 'ServerRoot "/etc/httpd"\n' + text(LISTEN + c.config),
    ...Object.fromEntries(Object.entries(c.files ?? {}).map(([name, body]) => [`web/sites/${name}`, text(body)])),
  });
  try {
    return lint({ paths: [tree], cwd: tree, config: defaultConfig(tree) }).findings.some(
      (f) => f.ruleId === 'httpd/tls-vhost-behind-plain',
    );
  } finally {
    fs.rmSync(tree, { recursive: true, force: true });
  }
}

describeWithHttpd('which virtual host decides TLS for an address: apache2 and httpd/tls-vhost-behind-plain', () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      const server = await startHttpd({
        config: LISTEN + c.config,
        files: { 'site.crt': site.pem, 'site.key': site.keyPem, ...c.files },
      });
      let reached: boolean[];
      try {
        reached = [await speaksTls('127.0.0.1', server.port), await speaksTls('127.0.0.2', server.port)];
      } finally {
        await server.stop();
      }
      const unreachable = !reached.includes(true);
      expect({ reached, fires: predicted(c) }).toEqual({ reached, fires: unreachable });
    },
    60_000,
  );
});
