import { nginxFormat, parseNginx } from '../../src/parse/nginx';

/** Each block directive with its one-based first and last line, nested by indentation; and the problems' codes. */
function outline(text: string) {
  const { directives, problems } = parseNginx(text);
  const lines: string[] = [];
  const walk = (list: typeof directives, depth: number): void => {
    for (const d of list) {
      if (!d.block) continue;
      lines.push(`${' '.repeat(depth)}${d.name} ${d.nameRange.start.line + 1}-${d.range.end.line + 1}`);
      walk(d.block, depth + 1);
    }
  };
  walk(directives, 0);
  return { lines, problems: problems.map((p) => p.code) };
}

describe('OpenResty *_by_lua_block bodies are Lua, not nginx directives', () => {
  it('reads kubernetes/ingress-nginx e2e-test-echo nginx.conf: braces inside a long bracket template', () => {
    // kubernetes/ingress-nginx@dbb11b9 images/e2e-test-echo/rootfs/nginx.conf (Apache-2.0), shortened.
    const text = [
      'http {',
      '  init_by_lua_block {',
      '    local template = require "resty.template"',
      '    tmpl = template.compile([[',
      'Hostname: {*os.getenv("HOSTNAME") or "N/A"*}',
      '{% if os.getenv("POD_NAME") then %}',
      '  pod name: {*os.getenv("POD_NAME") or "N/A"*}',
      '{% end %}',
      ']])',
      '  }',
      '  server {',
      '    listen 80;',
      '    location / {',
      '      content_by_lua_block { ngx.say(tmpl({ keys = {} })) }',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(outline(text)).toEqual({
      lines: [
        'http 1-17',
        ' init_by_lua_block 2-10',
        ' server 11-16',
        '  location 13-15',
        '   content_by_lua_block 14-14',
      ],
      problems: [],
    });
  });

  it.each([
    ['a brace in a string', `set_by_lua_block $x { return "}" .. '{' }`],
    ['a brace in a comment', 'access_by_lua_block {\n  -- a } here\n  ngx.exit(403)\n}'],
    ['a brace in a long comment', 'log_by_lua_block {\n  --[==[ } { } ]==]\n  ngx.log(ngx.ERR, "x")\n}'],
    ['an escaped quote', 'rewrite_by_lua_block { local s = "\\"}" }'],
  ])('%s', (_name, block) => {
    const result = outline(`server {\n  listen 80;\n  ${block}\n  location / { return 200; }\n}\n`);
    expect(result.problems).toEqual([]);
    expect(result.lines[0]).toBe(`server 1-${block.split('\n').length + 4}`);
    expect(result.lines.at(-1)).toMatch(/^ location /);
  });

  it('a Lua block never closed is still an unclosed block', () => {
    expect(outline('http {\n  init_by_lua_block {\n    local t = { 1, 2\n}\n').problems).toContain('unclosed-block');
  });
});

describe('files nginx never reads', () => {
  // kubernetes/ingress-nginx images/nginx/rootfs/patches/*.patch: C source patches of nginx, under an nginx directory.
  it.each([
    '03_nginx-1.27.1-stream_proxy_get_next_upstream_tries.patch',
    'fix.diff',
    'nginx.conf.orig',
    'nginx.conf.rej',
  ])('%s is no nginx configuration', (name) => {
    const head = 'diff --git a/src/core/nginx.c b/src/core/nginx.c\n+    server_tokens off;\n';
    expect(nginxFormat.classify(`/r/images/nginx/rootfs/patches/${name}`, head)).toBeUndefined();
  });
});
