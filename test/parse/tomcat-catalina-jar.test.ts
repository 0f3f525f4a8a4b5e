import { tomcatCatalinaJarFormat, zipEntry } from '../../src/parse/tomcat-catalina-jar';
import { zipOf } from '../helpers/zip';

const SERVER_INFO = 'org/apache/catalina/util/ServerInfo.properties';

describe('lib/catalina.jar', () => {
  it('names the release of server.info and server.number', () => {
    const bytes = zipOf({ [SERVER_INFO]: 'server.info=Apache Tomcat/6.0.47\nserver.number=6.0.47.0\n' });
    const doc = tomcatCatalinaJarFormat.parse(
      { path: '/t/lib/catalina.jar', text: '', hadBom: false, bytes },
      'tomcat.catalina-jar',
    );
    expect(doc.data.release).toBe('6.0.47');
  });

  // Deflate packs ~1,000 bytes into one: a crafted 1.5 MB jar whose ServerInfo.properties inflates to 1.5 GB took 7 s
  // and 4.7 GB of memory; an 8 MB one (the size limit of a file read) could end the run.
  it('does not inflate an entry past 64 KB (a zip bomb names no release)', () => {
    const bytes = zipOf({ [SERVER_INFO]: `server.info=Apache Tomcat/9.0.1\n#${'\0'.repeat(8 * 1024 * 1024)}\n` });
    expect(bytes.length).toBeLessThan(64 * 1024);
    expect(zipEntry(bytes, SERVER_INFO)).toBeUndefined();
    const doc = tomcatCatalinaJarFormat.parse(
      { path: '/t/lib/catalina.jar', text: '', hadBom: false, bytes },
      'tomcat.catalina-jar',
    );
    expect(doc.data).toEqual({});
  });
});
