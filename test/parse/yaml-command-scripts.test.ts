import { nginxPod } from '../helpers/kubernetes-manifests';
import { readScript } from '../helpers/read-script';

const SITE = '/etc/nginx/conf.d/tls.conf';
const compose = (command: string) =>
  ['services:', '  proxy:', '    image: nginx:1.27', `    command: ${command}`, ''].join('\n');
const pod = (command: string, args: string) => nginxPod(`      command: ${command}`, `      args: ${args}`);
const ECHOES = `echo 'server { listen 443 ssl;' > ${SITE} && echo 'ssl_protocols TLSv1; }' >> ${SITE} && nginx -g 'daemon off;'`;

// A container's one-line `sh -c` script writes its configuration as a script file's lines do: read as one, every
// character at its place in the YAML file (through the string's quotes and escapes).
describe('a one-line sh -c script of a Compose or Kubernetes command list: the files it writes, read', () => {
  it.each<[string, Record<string, string>, string, string[]]>([
    [
      'Compose command: ["sh", "-c", "…"], a double-quoted string: one file, at its column',
      { 'docker-compose.yml': compose(`["sh", "-c", "${ECHOES}"]`) },
      'docker-compose.yml',
      [`nginx.conf echo to ${SITE} in YAML key command @4:${28 + ECHOES.indexOf('TLSv1')}`],
    ],
    [
      'escaped quotes inside the double-quoted string: each character still at its column',
      {
        'docker-compose.yml': compose(
          `["sh", "-c", "echo \\"server { listen 443 ssl; ssl_protocols TLSv1.1; }\\" > ${SITE} && nginx"]`,
        ),
      },
      'docker-compose.yml',
      [
        `nginx.conf echo to ${SITE} in YAML key command @4:${28 + 'echo \\"server { listen 443 ssl; ssl_protocols '.length}`,
      ],
    ],
    [
      "a single-quoted string ('' is a quote)",
      { 'docker-compose.yml': compose(`['/bin/sh', '-c', '${ECHOES.replaceAll("'", "''")}']`) },
      'docker-compose.yml',
      [`nginx.conf echo to ${SITE} in YAML key command @4:${33 + ECHOES.replaceAll("'", "''").indexOf('TLSv1')}`],
    ],
    [
      'Kubernetes command ["/bin/sh", "-c"] and the script as the first args item',
      { 'k8s/pod.yaml': pod('["/bin/sh", "-c"]', `["${ECHOES}"]`) },
      'k8s/pod.yaml',
      [`nginx.conf echo to ${SITE} in YAML key args @10:${15 + ECHOES.indexOf('TLSv1')}`],
    ],
    [
      'a command after || writes a piece only when the one before fails: the file is unknown, said there',
      {
        'docker-compose.yml': compose(
          `["sh", "-c", "echo 'server { listen 443 ssl;' > ${SITE} && test -f /x || echo 'ssl_protocols TLSv1; }' >> ${SITE}"]`,
        ),
      },
      'docker-compose.yml',
      [
        `unknown@4:${28 + `echo 'server { listen 443 ssl;' > ${SITE} && test -f /x || `.length} ${SITE}: a command that runs only when the one before it fails, not read here)`,
      ],
    ],
    [
      'a list that is no -c script (the exec form of one command): nothing read',
      { 'docker-compose.yml': compose(`["nginx", "-g", "daemon off;"]`) },
      'docker-compose.yml',
      [],
    ],
  ])('%s', (_title, files, file, expected) => {
    expect(readScript(files, file)).toEqual(expected);
  });
});
