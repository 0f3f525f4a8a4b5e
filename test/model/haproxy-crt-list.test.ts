import * as fs from 'node:fs';
import { defaultConfig } from '../../src/core/config';
import { lint } from '../../src/engine/lint';
import { leaf } from '../helpers/pki';
import { writeTree, type Tree } from '../helpers/rule-tester';

/** The certificates each HAProxy bind names (certificate, then moreCertificates), and what its handshake leaves open. */
function binds(files: Tree) {
  const root = writeTree(files);
  try {
    const result = lint({ paths: [root], cwd: root, config: defaultConfig(root) });
    const deployment = result.deployments[0];
    return {
      kinds: deployment.documents.map((d) => d.kind).sort(),
      binds: deployment.components
        .filter((c) => c.type === 'haproxy.bind')
        .map((c) => ({
          certificates: [c.tls?.certificate, ...(c.tls?.moreCertificates ?? [])].flatMap((r) => r?.file ?? []),
          unknown: c.tls?.unknownValues,
          documents: c.documents.map((d) => d.file.path.slice(root.length + 1)),
        })),
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const LIST =
  '# sites\n\nsite.pem !*\nsecond.pem [alpn h2,http/1.1] www.example.com *.example.org !secure.example.org\n';

describe('HAProxy crt-list', () => {
  it('reads the crt-list beside the configuration: its certificates below crt-base, in order, after crt', () => {
    expect(
      binds({
        'lb/haproxy.cfg':
          'global\n  crt-base /usr/local/etc/haproxy/certs\nfrontend web\n  bind :443 ssl crt first.pem crt-list /usr/local/etc/haproxy/crt-list.txt\n',
        'lb/crt-list.txt': LIST,
      }),
    ).toEqual({
      kinds: ['haproxy.config', 'haproxy.crt-list'],
      binds: [
        {
          certificates: [
            '/usr/local/etc/haproxy/certs/first.pem',
            '/usr/local/etc/haproxy/certs/site.pem',
            '/usr/local/etc/haproxy/certs/second.pem',
          ],
          unknown: undefined,
          documents: ['lb/haproxy.cfg', 'lb/crt-list.txt'],
        },
      ],
    });
  });

  it('a crt-list line that sets ciphers or versions makes the bind handshake unknown (it depends on the SNI)', () => {
    expect(
      binds({
        'lb/haproxy.cfg': 'frontend web\n  bind :443 ssl crt-list /etc/haproxy/certs.list\n',
        'lb/certs.list': '/etc/ssl/a.pem [ssl-min-ver TLSv1.3] a.example.com\n/etc/ssl/b.pem\n',
      }).binds,
    ).toEqual([
      {
        certificates: ['/etc/ssl/a.pem', '/etc/ssl/b.pem'],
        unknown: ['the protocols and ciphers its crt-list sets per certificate'],
        documents: ['lb/haproxy.cfg', 'lb/certs.list'],
      },
    ]);
  });

  it('a crt-list that is not in the tree names no certificate; a file of another name or shape is no crt-list', () => {
    expect(
      binds({
        'lb/haproxy.cfg': 'frontend web\n  bind :443 ssl crt-list /etc/haproxy/other-list.txt\n',
        'lb/crt-list.txt': LIST,
        'lb/notes-list.txt': 'site.pem example.com\n',
        'lb/crtlist.txt': 'key = value\n',
      }),
    ).toEqual({
      kinds: ['haproxy.config', 'haproxy.crt-list'],
      binds: [{ certificates: [], unknown: undefined, documents: ['lb/haproxy.cfg'] }],
    });
  });

  describe('crt <directory>: the PEM files HAProxy loads from it, in alphabetical order (ssl_crtlist.c crtlist_load_cert_dir)', () => {
    const site = leaf('site.example');
    const pem = site.pem + site.keyPem;
    const certificatesOf = (files: Tree) =>
      binds(files).binds.map((b) => b.certificates.map((c) => c.split('/').slice(-2).join('/')));

    it.each<[string, Tree, string[][]]>([
      [
        'the directory beside haproxy.cfg, named by its last segment; hidden and .key/.ocsp files skipped',
        {
          'lb/haproxy.cfg': 'frontend web\n  bind :443 ssl crt /usr/local/etc/haproxy/certs/\n',
          'lb/certs/z.example.pem': pem,
          'lb/certs/a.example.pem': pem,
          'lb/certs/.old.pem': pem,
          'lb/certs/a.example.pem.key': site.keyPem,
        },
        [['certs/a.example.pem', 'certs/z.example.pem']],
      ],
      [
        'a directory a Dockerfile copies there under another name (crt-base joined, no trailing slash)',
        {
          'lb/haproxy.cfg': 'global\n  crt-base /usr/local/etc/haproxy\nfrontend web\n  bind :443 ssl crt certs\n',
          'lb/Dockerfile':
            'FROM haproxy:2.8\nCOPY haproxy.cfg /usr/local/etc/haproxy/haproxy.cfg\nCOPY tls/ /usr/local/etc/haproxy/certs/\n',
          'lb/tls/web.pem': pem,
        },
        [['tls/web.pem']],
      ],
      [
        'a directory the tree does not show: no certificate (unknown, not a missing one)',
        {
          'lb/haproxy.cfg': 'frontend web\n  bind :443 ssl crt /etc/haproxy/certs/\n',
          'lb/other/site.pem': pem,
        },
        [[]],
      ],
      [
        'a crt naming a file is still that file',
        {
          'lb/haproxy.cfg': 'frontend web\n  bind :443 ssl crt /etc/haproxy/certs/site.pem\n',
          'lb/certs/site.pem': pem,
        },
        [['certs/site.pem']],
      ],
    ])('%s', (_name, files, expected) => expect(certificatesOf(files)).toEqual(expected));
  });
});
