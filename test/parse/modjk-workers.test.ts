import { modjkWorkersFormat, parseJkWorkers } from '../../src/parse/modjk-workers';
import { classifyFile } from '../../src/parse/registry';

describe('mod_jk workers.properties', () => {
  it.each([
    ['conf/workers.properties', 'worker.list=w\n', 'modjk.workers'],
    ['httpd/mod_jk.workers.properties', '# x\n worker.w.host = tomcat\n', 'modjk.workers'],
    ['conf/workers-prod.properties', 'worker.w.port=8009\n', 'modjk.workers'],
    // Named so, but no worker line: another program's file.
    ['conf/workers.properties', 'bootstrap.servers=kafka:9092\n', undefined],
    // A worker line in a file of another name: not mod_jk's by its name.
    ['conf/app.properties', 'worker.list=w\n', undefined],
  ])('%s with %j is %s', (file, text, kind) => {
    const classified = classifyFile(file, text);
    expect(classified?.handler === modjkWorkersFormat ? classified.kind : undefined).toBe(kind);
  });

  it('reads lines as mod_jk does: # anywhere, both sides trimmed, $(…) from earlier lines, positions kept', () => {
    const text = [
      'base=tomcat-',
      'worker.list=lb, jkstatus # two',
      '  worker.t1.host = $(base)1  ',
      'worker.t1.secret=$(AJP_SECRET)',
      'worker.t1.port=',
      '=orphan',
      'worker.a.b.c.type=ajp13',
    ].join('\n');
    const { entries, data } = parseJkWorkers(text);
    expect(data.settings.map((s) => [s.worker, s.attribute, s.value, s.fromEnvironment ?? false])).toEqual([
      ['', 'list', 'lb, jkstatus', false],
      ['t1', 'host', 'tomcat-1', false],
      ['t1', 'secret', '$(AJP_SECRET)', true],
      ['a.b.c', 'type', 'ajp13', false],
    ]);
    const host = data.settings[1]!;
    expect(host.keyRange).toEqual({ start: { line: 2, character: 2 }, end: { line: 2, character: 16 } });
    expect(host.valueRange).toEqual({ start: { line: 2, character: 19 }, end: { line: 2, character: 27 } });
    expect(entries.find((e) => e.key === 'worker.t1.secret')?.secret).toBe(true);
    expect(entries.find((e) => e.key === 'worker.t1.host')?.secret).toBe(false);
  });
});
