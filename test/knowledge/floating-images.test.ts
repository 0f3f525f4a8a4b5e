import { floatingImageOpenssl } from '../../src/knowledge/floating-images';

describe('floatingImageOpenssl: the OpenSSL a tag naming no release runs, built or pulled now', () => {
  it.each([
    ['nginx', 'nginx 1.26.0', '2024-04-23', ['debian:bookworm']],
    ['nginx:latest', 'nginx 1.26.0', '2024-04-23', ['debian:bookworm']],
    ['docker.io/library/nginx:stable-alpine', 'nginx 1.26.0', '2024-04-23', ['alpine:3.20', 'alpine:3.21']],
    ['httpd:2.4', 'httpd 2.4.58', undefined, ['debian:bookworm-slim', 'debian:trixie-slim']],
    ['httpd', 'httpd 2.4.58', undefined, ['debian:bookworm-slim', 'debian:trixie-slim']],
  ])('%s: %s or later', (image, lowest, since, bases) => {
    const found = floatingImageOpenssl(image);
    expect(
      found && { series: found.facts.series, lowest: found.lowest, since: found.since, bases: found.bases },
    ).toEqual({
      series: '3',
      lowest,
      since,
      bases,
    });
  });

  it.each([
    ['nginx:1.25', 'names a release'],
    ['httpd:2.4.62', 'names a release'],
    ['httpd:2.4-bookworm', 'names its base'],
    ['bitnami/nginx', 'another vendor'],
    ['acme/httpd:2.4', 'another vendor'],
    ['httpd:2.2', 'a line the image data does not hold'],
  ])('%s: none (%s)', (image) => {
    expect(floatingImageOpenssl(image)).toBeUndefined();
  });
});
