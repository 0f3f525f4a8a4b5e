import rule from '../../../src/rules/haproxy/httpclient-verify-disabled';
import { ruleTester } from '../../helpers/rule-tester';

/**
 * The global section of 3kho/haproxy-protection@923957d (GPL-3.0) haproxy/haproxy.cfg, shortened: Lua scripts loaded,
 * the HTTP client's verification off (its bot check posts the captcha secret to the provider with core.httpclient()).
 */
const FILE = 'haproxy/haproxy.cfg';
const at = (line: number) => ({ file: FILE, line });
const cfg = (...global: string[]) => ({
  [FILE]: ['global', ...global, 'defaults', '  mode http', 'frontend web', '  bind :80'].join('\n') + '\n',
});

ruleTester(rule, {
  valid: [
    {
      // HAProxy alerts at start-up when the HTTP client's default CA file cannot be loaded; the line quiets it.
      name: 'verify none with no Lua script loaded: nothing the tree shows calls the HTTP client',
      files: cfg('  daemon', '  httpclient.ssl.verify none'),
    },
    {
      name: 'Lua scripts with the default verify, and with verify required written',
      files: cfg('  lua-load /etc/haproxy/scripts/check.lua', '  httpclient.ssl.verify required'),
    },
    {
      name: 'verify none under .if: read only when its condition holds at start-up',
      files: cfg(
        '  lua-load /etc/haproxy/scripts/check.lua',
        '.if defined(INSECURE)',
        '  httpclient.ssl.verify none',
        '.endif',
      ),
    },
  ],
  invalid: [
    {
      name: 'verify none with Lua scripts loaded: one finding, naming each script',
      files: cfg(
        '  daemon',
        '  lua-load /etc/haproxy/scripts/register-servers.lua',
        '  lua-load-per-thread /etc/haproxy/scripts/register-bot-check.lua',
        '  httpclient.ssl.verify none',
      ),
      errors: [
        {
          ...at(5),
          messageId: 'disabled',
          messageIncludes: ['register-servers.lua', 'register-bot-check.lua', 'core.httpclient()'],
          related: [at(3), at(4)],
        },
      ],
    },
  ],
});
