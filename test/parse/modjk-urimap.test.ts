import { modjkUriMapFormat, parseJkUriMap } from '../../src/parse/modjk-urimap';
import { classifyFile } from '../../src/parse/registry';

describe("mod_jk's mount file (uriworkermap.properties)", () => {
  it.each([
    ['conf/uriworkermap.properties', '/*=lb\n', 'modjk.urimap'],
    ['conf.d/uriworkermap-test1.properties', '# mounts\n!/img/*=lb\n', 'modjk.urimap'],
    ['conf/uri_worker_map.properties', '-/old/*=lb\n', 'modjk.urimap'],
    // Named so, but no mount line.
    ['conf/uriworkermap.properties', 'worker.list=lb\n', undefined],
    // A mount line in a file of another name.
    ['conf/app.properties', '/*=lb\n', undefined],
  ])('%s with %j is %s', (file, text, kind) => {
    const classified = classifyFile(file, text);
    expect(classified?.handler === modjkUriMapFormat ? classified.kind : undefined).toBe(kind);
  });

  it('keeps the last worker of a path written twice, the marks, the extensions cut, positions kept', () => {
    const text = [
      'app=lb',
      '/a|/*=$(app);use_server_errors=500',
      '!/a/*.png = lb # images',
      '-/old/*=lb',
      '/x=first',
      '/x=second',
      'noslash=lb',
    ].join('\n');
    const { data } = parseJkUriMap(text);
    expect(data.mounts.map((m) => [m.uri, m.worker, m.exclusion ?? false, m.disabled ?? false])).toEqual([
      ['/a|/*', 'lb', false, false],
      ['/a/*.png', 'lb', true, false],
      ['/old/*', 'lb', false, true],
      ['/x', 'second', false, false],
    ]);
    expect(data.mounts[1]!.valueRange).toEqual({ start: { line: 2, character: 12 }, end: { line: 2, character: 14 } });
    expect(data.mounts[3]!.keyRange.start.line).toBe(5);
  });
});
