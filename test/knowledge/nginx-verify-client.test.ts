import { nginxVerifyClientTakesTrustedCertificate } from '../../src/knowledge/server-releases';

// nginx/nginx@18afcda938cd (release-1.27.2): ssl_trusted_certificate alone serves ssl_verify_client.
describe('nginx ssl_verify_client with ssl_trusted_certificate alone, by the release an image names', () => {
  it.each<[string | undefined, boolean | undefined]>([
    [undefined, undefined],
    ['1.22.1', false],
    ['1.25', false],
    ['1.27.1', false],
    ['1.27', undefined],
    ['1.27.2', true],
    ['1.28', true],
  ])('%s → %s', (release, takes) => expect(nginxVerifyClientTakesTrustedCertificate(release)).toBe(takes));
});
