import * as path from 'node:path';
import { nearestAll, nearestUnlessTied } from '../../src/core/nearest-files';

/** Paths of the platform's separator, as the callers' files are (absolute, under a tree root). */
const at = (...parts: string[]) => path.join(path.sep, 'tree', ...parts);
const same = (f: string) => f;

describe('nearestAll and nearestUnlessTied', () => {
  const LIBERTY = [
    at('frontend', 'server', 'resources', 'security', 'key.jks'),
    at('game', 'server', 'resources', 'security', 'key.jks'),
    at('player', 'server', 'resources', 'security', 'key.jks'),
  ];

  it.each<[string, string, string[], string[]]>([
    ["the own service's copy of three", at('game', 'server', 'server.xml'), LIBERTY, [LIBERTY[1]!]],
    [
      'a tie: two labs at the same distance from a file at the root of the tree',
      at('client.properties'),
      [at('lab-1', 'kafka.yaml'), at('lab-2', 'kafka.yaml')],
      [at('lab-1', 'kafka.yaml'), at('lab-2', 'kafka.yaml')],
    ],
    [
      'shared directories, not distance: from a root file, a root file and a lab file tie',
      at('client.properties'),
      [at('lab-1', 'kafka.yaml'), at('kafka.yaml')],
      [at('lab-1', 'kafka.yaml'), at('kafka.yaml')],
    ],
    [
      'from a lab file, its own lab wins over the root file',
      at('lab-1', 'client.properties'),
      [at('kafka.yaml'), at('lab-1', 'kafka.yaml')],
      [at('lab-1', 'kafka.yaml')],
    ],
    [
      'the deepest shared directory wins over a file beside the common parent',
      at('env', 'dev', 'app', 'application.yml'),
      [at('env', 'kafka.yaml'), at('env', 'dev', 'kafka.yaml'), at('env', 'prod', 'kafka.yaml')],
      [at('env', 'dev', 'kafka.yaml')],
    ],
    [
      'a directory name that only starts alike is another directory',
      at('lab-1', 'client.properties'),
      [at('lab-10', 'kafka.yaml'), at('lab-1', 'sub', 'kafka.yaml')],
      [at('lab-1', 'sub', 'kafka.yaml')],
    ],
    [
      'the same file twice is a tie (two candidates of one file)',
      at('a', 'client.properties'),
      [at('a', 'kafka.yaml'), at('a', 'kafka.yaml'), at('b', 'kafka.yaml')],
      [at('a', 'kafka.yaml'), at('a', 'kafka.yaml')],
    ],
    ['no candidates', at('a', 'client.properties'), [], []],
  ])('%s', (_, file, files, nearest) => {
    expect(nearestAll(file, files, same)).toEqual(nearest);
    expect(nearestUnlessTied(file, files, same)).toBe(nearest.length === 1 ? nearest[0] : undefined);
  });

  it('keeps the items in their order, each judged by the file fileOf gives', () => {
    const items = [
      { id: 'b', file: at('x', 'y', 'b.mqsc') },
      { id: 'c', file: at('x', 'z', 'c.mqsc') },
      { id: 'a', file: at('x', 'y', 'a.mqsc') },
    ];
    expect(nearestAll(at('x', 'y', 'ccdt.json'), items, (i) => i.file).map((i) => i.id)).toEqual(['b', 'a']);
    expect(nearestUnlessTied(at('x', 'z', 'ccdt.json'), items, (i) => i.file)?.id).toBe('c');
  });
});
