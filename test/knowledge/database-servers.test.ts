import { mssqlServerImage, mysqlReleaseSpeaking, mysqlServerFromImage } from '../../src/knowledge';

describe('mysqlServerFromImage: the official image by its full release only', () => {
  test.each([
    ['mysql:5.7.26', '5.7.26', ['TLSv1', 'TLSv1.1'], true],
    ['docker.io/library/mysql:5.7.27', '5.7.27', ['TLSv1', 'TLSv1.1'], true],
    ['mysql:5.7.28', '5.7.28', ['TLSv1', 'TLSv1.1', 'TLSv1.2'], true],
    ['mysql:5.7.16', '5.7.16', ['TLSv1', 'TLSv1.1'], false],
    ['mysql:8.0.15', '8.0.15', ['TLSv1', 'TLSv1.1', 'TLSv1.2'], true],
    ['mysql:8.0.27-debian', '8.0.27', ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'], true],
    ['MySQL:8.0.28', '8.0.28', ['TLSv1.2', 'TLSv1.3'], true],
    ['mysql:9.1.0', '9.1.0', ['TLSv1.2', 'TLSv1.3'], true],
  ])('%s', (image, release, protocols, tlsAtStart) => {
    const server = mysqlServerFromImage(image);
    expect(server?.release).toBe(release);
    expect(server?.protocols?.value).toEqual(protocols);
    expect(server?.tlsAtFirstStart.value).toBe(tlsAtStart);
  });

  test.each([
    'mysql:5.7',
    'mysql:8',
    'mysql',
    'mysql:latest',
    'mysql/mysql-server:5.7.26',
    'mariadb:10.3.9',
    'percona:5.7.26',
  ])('%s names no release of the official image', (image) => expect(mysqlServerFromImage(image)).toBeUndefined());

  test('a 5.6 release has no row: what it speaks is not said', () =>
    expect(mysqlServerFromImage('mysql:5.6.40')?.protocols).toBeUndefined());

  test('the release of the same line that speaks TLSv1.2', () => {
    expect(mysqlReleaseSpeaking('TLSv1.2', '5.7.26')).toBe('5.7.28');
    expect(mysqlReleaseSpeaking('TLSv1.2', '8.0.30')).toBeUndefined();
  });
});

describe("mssqlServerImage: Microsoft's SQL Server images, any tag", () => {
  test.each([
    'mcr.microsoft.com/mssql/server:2022-latest',
    'mcr.microsoft.com/mssql/server',
    'microsoft/mssql-server-linux:2017-latest',
  ])('%s', (image) => expect(mssqlServerImage(image)?.name).toBe("Microsoft's SQL Server image"));
  test.each(['mcr.microsoft.com/azure-sql-edge:latest', 'mysql:8.0.30', 'example.com/mssql/server:1'])(
    '%s is not one',
    (image) => expect(mssqlServerImage(image)).toBeUndefined(),
  );
});
