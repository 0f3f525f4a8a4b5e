import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

/** Debian's Chromium: the browser test never downloads one. */
export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Makes sure /usr/bin/chromium exists: installs Debian's package when running
 * as root in CI (`CI=true`), otherwise says why the browser test must skip.
 */
export function ensureChromium(
  env: NodeJS.ProcessEnv = process.env,
  executable = CHROMIUM,
): { ok: true } | { ok: false; reason: string } {
  if (fs.existsSync(executable)) return { ok: true };
  const root = process.getuid?.() === 0;
  if (!root || env.CI !== 'true') {
    return {
      ok: false,
      reason: `${executable} is missing (install Debian's package: apt-get install chromium; this test installs it itself only as root with CI=true)`,
    };
  }
  const apt = (args: string[]) =>
    spawnSync('apt-get', args, {
      env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
      encoding: 'utf8',
      timeout: 300_000,
    });
  apt(['update']);
  const install = apt(['install', '-y', '--no-install-recommends', 'chromium']);
  if (fs.existsSync(executable)) return { ok: true };
  const tail = `${install.stderr ?? ''}${install.error?.message ?? ''}`.trim().split('\n').slice(-2).join(' ');
  return { ok: false, reason: `apt-get install chromium failed (${tail || `exit ${install.status}`})` };
}
