import * as fs from 'node:fs';
import * as path from 'node:path';

let root: string | undefined;

/** The lint-deploy package directory (works from src/ under jest and from the dist/ bundle). */
export function packageRoot(): string {
  if (root) return root;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'lint-deploy')
      return (root = dir);
    if (dir === path.dirname(dir)) return (root = path.resolve(__dirname, '..'));
  }
}

export function readPackageVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return '0.0.0';
  }
}
