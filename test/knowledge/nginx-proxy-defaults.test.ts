import { nginxProxyProtocolDefaults, nginxReleaseFromImage } from '../../src/knowledge/server-releases';

describe('nginx proxy_ssl_protocols default by the release an image names', () => {
  it.each<[string, string | undefined]>([
    ['nginx:1.25.3', '1.25.3'],
    ['nginx:1.14-alpine', '1.14'],
    ['docker.io/library/nginx:1.27', '1.27'],
    ['nginx:stable', undefined],
    ['nginx', undefined],
    ['bitnami/nginx:1.25', '1.25'],
    ['httpd:2.4', undefined],
  ])('%s → %s', (image, release) => expect(nginxReleaseFromImage(image)).toBe(release));

  it.each<[string | undefined, string[]]>([
    [undefined, ['1.27.3', '1.23.4', '1.9.1']],
    ['1.20', ['1.9.1']],
    ['1.23', ['1.23.4', '1.9.1']],
    ['1.23.3', ['1.9.1']],
    ['1.23.4', ['1.23.4']],
    ['1.25', ['1.23.4']],
    ['1.27', ['1.27.3', '1.23.4']],
    ['1.27.2', ['1.23.4']],
    ['1.27.3', ['1.27.3']],
    ['1.29', ['1.27.3']],
    ['1.4', ['1.27.3', '1.23.4', '1.9.1']],
  ])('%s → the defaults of nginx %j', (release, since) =>
    expect(nginxProxyProtocolDefaults(release).map((r) => r.since)).toEqual(since),
  );
});
