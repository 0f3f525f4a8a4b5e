import { provisioningPlacements } from '../../src/parse/provisioning-placements';

const placementsOf = (path: string, text: string) =>
  provisioningPlacements({ path, text, hadBom: false })?.data.placements.map((p) => [
    p.verb,
    p.sources,
    p.destination,
    p.range.start.line,
  ]);

describe('what Chef, Puppet and Salt resources link, copy or render where', () => {
  it.each([
    [
      'Chef link: its name is the link, `to` the file',
      'r/default.rb',
      "link '/etc/nginx/sites-enabled/a' do\n  to '/etc/nginx/sites-available/a'\nend\n",
      [['ln', ['/etc/nginx/sites-available/a'], '/etc/nginx/sites-enabled/a', 0]],
    ],
    [
      'Chef template: target_file names the place',
      'r/default.rb',
      "template 'site' do\n  path '/etc/nginx/conf.d/site.conf'\n  source 'site.conf.erb'\nend\n",
      [['template', ['site.conf.erb'], '/etc/nginx/conf.d/site.conf', 0]],
    ],
    [
      'Chef bash: the commands of its here-document code',
      'r/default.rb',
      "bash 'enable' do\n  code <<-EOH\n    ln -s /etc/nginx/sites-available/a /etc/nginx/sites-enabled/a\n  EOH\nend\n",
      [['ln', ['/etc/nginx/sites-available/a'], '/etc/nginx/sites-enabled/a', 0]],
    ],
    [
      'Puppet file with a path attribute',
      'm/init.pp',
      "file { 'nginx-site':\n  path   => '/etc/nginx/sites-enabled/a',\n  ensure => 'link',\n  target => '/etc/nginx/sites-available/a',\n}\n",
      [['ln', ['/etc/nginx/sites-available/a'], '/etc/nginx/sites-enabled/a', 0]],
    ],
    [
      'Puppet file rendered from a template',
      'm/init.pp',
      "file { '/etc/nginx/conf.d/a.conf':\n  content => template('web/a.conf.erb'),\n}\n",
      [['template', ['web/a.conf.erb'], '/etc/nginx/conf.d/a.conf', 0]],
    ],
    [
      'Puppet exec: its command',
      'm/init.pp',
      "exec { 'enable':\n  command => '/bin/ln -s /etc/nginx/sites-available/a /etc/nginx/sites-enabled/',\n}\n",
      [['ln', ['/etc/nginx/sites-available/a'], '/etc/nginx/sites-enabled/', 0]],
    ],
    [
      'Salt: two IDs, a symlink and a command',
      's/init.sls',
      '/etc/nginx/sites-enabled/a:\n  file.symlink:\n    - target: /etc/nginx/sites-available/a\n\nenable-b:\n  cmd.run:\n    - name: cp /etc/nginx/sites-available/b /etc/nginx/conf.d/b.conf\n',
      [
        ['ln', ['/etc/nginx/sites-available/a'], '/etc/nginx/sites-enabled/a', 1],
        ['cp', ['/etc/nginx/sites-available/b'], '/etc/nginx/conf.d/b.conf', 5],
      ],
    ],
    [
      'a Puppet file with no source, target or template places nothing',
      'm/init.pp',
      "file { '/etc/nginx/conf.d':\n  ensure => directory,\n}\n",
      undefined,
    ],
    ['a Ruby file that is no recipe of nginx', 'lib/x.rb', "link 'a' do\n  to 'b'\nend\n", undefined],
  ])('%s', (_name, path, text, expected) => {
    expect(placementsOf(`/t/${path}`, text)).toEqual(expected);
  });
});
