import rule from '../../../src/rules/haproxy/crt-directory-stray-file';
import { leaf } from '../../helpers/pki';
import { ruleTester } from '../../helpers/rule-tester';

const site = leaf('www.example.com');
/** What HAProxy wants in a crt file: the certificate, then its key. */
const bundle = site.pem + site.keyPem;
const CSR =
  '-----BEGIN CERTIFICATE REQUEST-----\nMIIBVjCB/QIBADAbMRkwFwYDVQQDDBB3d3cuZXhhbXBsZS5jb20w\n-----END CERTIFICATE REQUEST-----\n';
const CFG =
  'defaults\n  mode http\n  timeout connect 5s\n  timeout client 5s\n  timeout server 5s\nfrontend web\n  bind :443 ssl crt /usr/local/etc/haproxy/certs/\n  default_backend app\nbackend app\n  server app1 app:8080\n';
/** The official image's layout: the configuration and a certs directory bind-mounted by the haproxy service. */
const COMPOSE =
  'services:\n  lb:\n    image: haproxy:2.8\n    volumes:\n      - ./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro\n      - ./certs:/usr/local/etc/haproxy/certs:ro\n';
const DOCKERFILE =
  'FROM haproxy:2.8\nCOPY haproxy.cfg /usr/local/etc/haproxy/haproxy.cfg\nCOPY certs/ /usr/local/etc/haproxy/certs/\n';

ruleTester(rule, {
  valid: [
    {
      name: 'certificates, their .key/.ocsp companions, a hidden file and a subdirectory: all loaded or skipped',
      files: {
        'compose.yaml': COMPOSE,
        'haproxy.cfg': CFG,
        'certs/site.pem': site.pem,
        'certs/site.pem.key': site.keyPem,
        'certs/site.pem.ocsp': 'not read as a certificate\n',
        'certs/.gitkeep': '',
        'certs/old/README.md': 'a subdirectory is not loaded\n',
      },
    },
    {
      // Release unknown (a tag that names none): whether a .key file or a dotfile is loaded is not claimed.
      name: 'the same directory, haproxy:latest: .key and hidden files not judged',
      files: {
        'compose.yaml': COMPOSE.replace('haproxy:2.8', 'haproxy:latest'),
        'haproxy.cfg': CFG,
        'certs/site.pem': site.pem,
        'certs/site.pem.key': site.keyPem,
        'certs/.gitkeep': '',
      },
    },
    {
      // Found by its name beside the configuration only: what is deployed there is not known.
      name: 'a certs directory nothing mounts or copies is not judged',
      files: { 'haproxy.cfg': CFG, 'certs/site.pem': bundle, 'certs/README.md': '# certificates\n' },
    },
    {
      name: 'a .dockerignore that leaves the README out of the build context',
      files: {
        Dockerfile: DOCKERFILE,
        '.dockerignore': '**/*.md\n',
        'haproxy.cfg': CFG,
        'certs/site.pem': bundle,
        'certs/README.md': '# certificates\n',
      },
    },
    {
      name: 'the directory mounted into another service (nginx), not the one that runs HAProxy',
      files: {
        'compose.yaml':
          'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./certs:/usr/local/etc/haproxy/certs:ro\n',
        'haproxy.cfg': CFG,
        'certs/site.pem': bundle,
        'certs/README.md': '# certificates\n',
      },
    },
    {
      name: 'crt naming a file',
      files: {
        'compose.yaml': COMPOSE,
        'haproxy.cfg': CFG.replace('certs/\n', 'certs/site.pem\n'),
        'certs/site.pem': bundle,
        'certs/README.md': '# certificates\n',
      },
    },
  ],
  invalid: [
    // haproxy/haproxy v2.1.0 src/ssl_sock.c loads every file of a crt directory but .issuer/.ocsp/.sctl; v2.2.0
    // src/ssl_crtlist.c skips .key too; 589570df1 (v2.6-dev10) skips dotfiles. An empty .gitkeep is no certificate.
    ...(
      [
        ['2.4', 'certs/.gitkeep', '', 'hidden files'],
        ['2.0.33', 'certs/site.pem.key', site.keyPem, '.key file'],
      ] as const
    ).map(([release, file, content, what]) => ({
      name: `haproxy:${release} loads the ${what} later releases skip: a stray that stops it`,
      files: {
        'compose.yaml': COMPOSE.replace('haproxy:2.8', `haproxy:${release}`),
        'haproxy.cfg': CFG,
        'certs/site.pem': bundle,
        [file]: content,
      },
      errors: [
        {
          messageId: 'strayByRelease',
          file,
          line: 1,
          severity: 'error' as const,
          messageIncludes: [`HAProxy ${release}`],
          related: [
            { file: 'haproxy.cfg', line: 7 },
            { file: 'compose.yaml', line: 6 },
            { file: 'compose.yaml', line: 3 },
          ],
        },
      ],
    })),
    {
      // Measured with HAProxy 2.6.12: "unable to load certificate from file '…/README.md'", then Fatal errors.
      name: 'a README in the directory the haproxy service mounts at the crt path',
      files: {
        'compose.yaml': COMPOSE,
        'haproxy.cfg': CFG,
        'certs/site.pem': bundle,
        'certs/README.md': '# put the certificates here\n',
      },
      errors: [
        {
          messageId: 'stray',
          file: 'certs/README.md',
          line: 1,
          messageIncludes: ["unable to load certificate from file '/usr/local/etc/haproxy/certs/README.md'"],
          related: [
            { file: 'haproxy.cfg', line: 7 },
            { file: 'compose.yaml', line: 6 },
          ],
        },
      ],
    },
    {
      name: 'a CSR and a serial file in the directory a Dockerfile copies: one finding each',
      files: {
        Dockerfile: DOCKERFILE,
        'haproxy.cfg': CFG,
        'certs/site.csr': CSR,
        'certs/site.pem': bundle,
        'certs/ca.srl': '01\n',
      },
      errors: [
        {
          messageId: 'stray',
          file: 'certs/ca.srl',
          line: 1,
          related: [
            { file: 'haproxy.cfg', line: 7 },
            { file: 'Dockerfile', line: 3 },
          ],
        },
        { messageId: 'stray', file: 'certs/site.csr', line: 1 },
      ],
    },
    {
      name: 'the whole haproxy directory mounted: its certs/ holds a notes file',
      files: {
        'compose.yaml':
          'services:\n  lb:\n    image: haproxytech/haproxy-alpine:2.9\n    volumes:\n      - ./haproxy:/usr/local/etc/haproxy:ro\n',
        'haproxy/haproxy.cfg': CFG,
        'haproxy/certs/site.pem': bundle,
        'haproxy/certs/notes.txt': 'renew in May\n',
      },
      errors: [{ messageId: 'stray', file: 'haproxy/certs/notes.txt', line: 1 }],
    },
  ],
});
