/**
 * A Chef cookbook's Ruby read for the Tomcat it installs (src/parse/chef-cookbook.ts): attribute assignments with literal
 * values (strings without interpolation, numbers; string or symbol keys), template/cookbook_file resources with their
 * source, tomcat_install resources with their version, and places where Tomcat's version is set another way.
 */
import { chefCookbook } from '../../src/parse/chef-cookbook';

const read = (path: string, text: string) => chefCookbook({ path, text, hadBom: false })?.data;

describe('chefCookbook', () => {
  it.each([
    ["default['tomcat']['version'] = '8.0.33'", ['tomcat', 'version'], '8.0.33'],
    ['node.default[:tomcat][:version] = "9.0.85"', ['tomcat', 'version'], '9.0.85'],
    ["override['tomcat']['base_version'] = 7 # the package", ['tomcat', 'base_version'], '7'],
    ["default['tomcat']['version'] ||= '10.1.20'", ['tomcat', 'version'], '10.1.20'],
  ])('%s: an attribute with a literal value', (line, keys, value) => {
    const data = read('/c/attributes/default.rb', `${line}\n`);
    expect(data?.attributes).toEqual([expect.objectContaining({ keys, value })]);
    expect(data?.attributes[0]?.range.start).toEqual({ line: 0, character: 0 });
    expect(data?.unreadVersions).toEqual([]);
  });

  it.each([
    ["default['tomcat']['version'] = \"#{major}.0.1\"", 'interpolation'],
    ["default['tomcat']['version'] = node['x']['y']", 'an expression'],
  ])('%s: %s is no literal, its place is kept', (line) => {
    const data = read('/c/attributes/default.rb', `${line}\n`);
    expect(data?.attributes).toEqual([]);
    expect(data?.unreadVersions).toHaveLength(1);
  });

  it("a recipe that reads the version sets nothing; a role's hash sets it", () => {
    expect(read('/c/recipes/default.rb', "tar = 'apache-tomcat-' + tomcat['version'] + '.tar.gz'\n")).toBeUndefined();
    expect(
      read('/repo/roles/web.rb', "override_attributes('tomcat' => { 'version' => '9.0.85' })\n")?.unreadVersions,
    ).toHaveLength(1);
  });

  it('template, cookbook_file and tomcat_install resources', () => {
    const data = read(
      '/c/recipes/default.rb',
      [
        "tomcat_install 'web' do",
        "  version '10.1.20'",
        "  install_path '/srv/tomcat'",
        'end',
        "template \"#{node['tomcat']['home']}/conf/server.xml\" do",
        "  source 'server.xml.erb'",
        'end',
        "cookbook_file '/etc/tomcat/web.xml' do",
        "  path '/opt/tomcat/conf/web.xml'",
        "  source 'web.xml'",
        'end',
        '',
      ].join('\n'),
    );
    expect(data?.installs).toEqual([
      expect.objectContaining({
        name: 'web',
        installPath: '/srv/tomcat',
        version: { value: '10.1.20', range: { start: { line: 1, character: 11 }, end: { line: 1, character: 18 } } },
      }),
    ]);
    expect(data?.files).toEqual([
      expect.objectContaining({
        resource: 'template',
        path: "#{node['tomcat']['home']}/conf/server.xml",
        source: 'server.xml.erb',
      }),
      expect.objectContaining({ resource: 'cookbook_file', path: '/opt/tomcat/conf/web.xml', source: 'web.xml' }),
    ]);
  });

  it('reads only attributes/, recipes/, roles/ and environments/ files that mention Tomcat', () => {
    expect(read('/c/libraries/helpers.rb', "default['tomcat']['version'] = '9.0.85'\n")).toBeUndefined();
    expect(read('/c/attributes/default.rb', "default['nginx']['version'] = '1.25.3'\n")).toBeUndefined();
  });
});
