/**
 * The mod_ssl lines the model says httpd refuses (httpd/directive-refused) against `apache2 -t` on the same lines:
 * each line alone in a configuration, refused by the real httpd exactly when the model refuses it, with the model's
 * message in httpd's output. Skipped (with a note) without apache2, failed without it when CI is set.
 */
import { refusalOf } from '../../src/model/httpd-refused';
import { parseHttpd } from '../../src/parse/httpd';
import { configTest, describeWithHttpd } from '../helpers/httpd';

const LINES = [
  'SSLProtocol -ALL +tlsv1.2',
  'SSLProtocol all -SSLv3 -SSLv2',
  'SSLProtocol +SSLv2',
  'SSLProtocol TLSv1.2 TLSv1.4',
  'SSLProxyProtocol -all +TLSv1.3',
  'SSLProxyEngine On',
  'SSLProxyEngine yes',
  'SSLHonorCipherOrder off',
  'SSLProxyCheckPeerName 1',
  'SSLProxyVerify on',
  'SSLProxyVerify required',
  'SSLVerifyClient optional_no_ca',
  'SSLCipherSuite SSL HIGH:!aNULL',
  'SSLCipherSuite TLSv1.3 TLS_AES_256_GCM_SHA384',
  'SSLCipherSuite TLSv1.2 HIGH',
  'SSLCipherSuite tlsv1.3 TLS_AES_256_GCM_SHA384',
];

describeWithHttpd('mod_ssl lines httpd refuses, as the model says, against apache2 -t', () => {
  it.each(LINES)('%s', (line) => {
    const [directive] = parseHttpd(`${line}\n`).directives;
    const refusal = refusalOf({ directive: directive!, file: 'httpd.conf' });
    const { status, output } = configTest({ config: `Listen 127.0.0.1:@PORT@\n${line}\n` });
    expect({ refused: status !== 0, says: refusal === undefined || output.includes(refusal) }).toEqual({
      refused: refusal !== undefined,
      says: true,
    });
  });
});
