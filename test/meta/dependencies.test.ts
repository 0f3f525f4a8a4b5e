import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../src/rules';

const repo = path.resolve(__dirname, '../..');

/** Every .ts file under a folder of src/. */
function sources(folder: string): string[] {
  const dir = path.join(repo, 'src', folder);
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

describe('import direction (.dependency-cruiser.cjs, docs/CONTRIBUTING.md "Layers")', () => {
  it('dependency-cruiser finds no cycle and no import against the layer order', () => {
    const result = spawnSync(
      path.join(repo, 'node_modules', '.bin', 'depcruise'),
      ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
      {
        cwd: repo,
        encoding: 'utf8',
        timeout: 180000,
      },
    );
    expect(result.stdout.trim() + result.stderr.replace(/^npm warn.*\n/gm, '')).toMatch(
      /^✔ no dependency violations found/,
    );
    expect(result.status).toBe(0);
  });

  it('the layers below rules/ name no rule id (link ownership is rule metadata: meta.ownsLinkFailure)', () => {
    const ids = ALL_RULES.map((r) => r.meta.id);
    const offenders: string[] = [];
    for (const folder of ['core', 'knowledge', 'parse', 'discover', 'model', 'handshake', 'derive']) {
      for (const file of sources(folder)) {
        const text = fs.readFileSync(file, 'utf8');
        for (const id of ids)
          if (text.includes(`'${id}'`) || text.includes(`"${id}"`) || text.includes(`\`${id}\``))
            offenders.push(`${path.relative(repo, file)}: ${id}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('dead code (knip.json)', () => {
  it('knip finds no unused export, exported type or file', () => {
    const result = spawnSync(path.join(repo, 'node_modules', '.bin', 'knip'), ['--no-progress', '--no-config-hints'], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 180000,
    });
    expect(result.stdout + result.stderr.replace(/^npm warn.*\n/gm, '')).toBe('');
    expect(result.status).toBe(0);
  });
});
