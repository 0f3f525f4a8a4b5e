/**
 * Jetty's OBF: passwords (src/parse/jetty-password.ts), against what Jetty 9.4.57's own
 * `java -cp jetty-util-9.4.57.v20241219.jar org.eclipse.jetty.util.security.Password <password>` prints.
 */
import { jettyPassword } from '../../src/parse/jetty-password';

describe('jettyPassword', () => {
  it.each([
    ['OBF:1vny1zlo1x8e1vnw1vn61x8g1zlu1vn4', 'storepwd'],
    ['OBF:1u2u1wml1z7s1z7a1wnl1u2g', 'keypwd'],
    ['OBF:1vn21ugu1saj1v9i1v941sar1ugw1vo0', 'changeit'],
    ['OBF:1g9i1wmx1gly17yc1hs81v9m1xfb1u2a1u301xfr1v901hva17y21go81wn91g88', 'Pk12-planted-Zq9'],
    ['OBF:1ri7', 'a'],
    ['changeit', 'changeit'],
  ])('%s', (value, expected) => {
    expect(jettyPassword(value)).toBe(expected);
  });

  it('leaves unread what it cannot decode: U groups (bytes above 127), a damaged value', () => {
    expect(jettyPassword('OBF:1v2jU12luU0wjaU0mv71zej1zerU12lvU102sU0mo31v1v')).toBeUndefined();
    expect(jettyPassword('OBF:')).toBeUndefined();
    expect(jettyPassword('OBF:1ri7!')).toBeUndefined();
  });
});
