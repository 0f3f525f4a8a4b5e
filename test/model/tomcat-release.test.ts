/**
 * The Tomcat release a server.xml runs on, as the tree names it (src/model/tomcat-release.ts): the `FROM tomcat:<tag>`
 * of the Dockerfile that copies it, else the image of the Compose service that mounts it; the assumed release, said
 * so, otherwise. Its facts decide the connector's defaults (data/tomcat.json rows).
 */
import { tomcatReadsConnectorTls, tomcatReleaseFromImage } from '../../src/knowledge/tomcat';
import type { Component } from '../../src/model/types';
import type { Tree } from '../helpers/rule-tester';
import { tomcatConnector } from '../helpers/tomcat-connector';

const SERVER_XML =
  '<Server port="8005"><Service name="C"><Connector port="8443" SSLEnabled="true"><SSLHostConfig><Certificate certificateKeystoreFile="conf/ks.p12"/></SSLHostConfig></Connector></Service></Server>\n';

/** A recipe that downloads the release its attributes name and renders the cookbook's server.xml.erb into that Tomcat. */
const CHEF_RECIPE = `tomcat = node['tomcat']
ark 'tomcat' do
  url "#{tomcat['url']}apache-tomcat-#{tomcat['version']}.tar.gz"
end

template "#{tomcat['home']}/conf/server.xml" do
  source 'server.xml.erb'
  mode '0644'
end
`;

/** A tree whose app image is FROM myorg/tomcat, which `build` (a script, a Compose file) may build from tomcat/Dockerfile. */
const builtMyorgTomcat = (build: Tree): Tree => ({
  ...build,
  'tomcat/Dockerfile': 'FROM tomcat:9.0.85\n',
  'app/Dockerfile': 'FROM myorg/tomcat\nCOPY server.xml /usr/local/tomcat/conf/\n',
  'app/server.xml': SERVER_XML,
});

const connector = tomcatConnector;

const originOf = (c: Component) => {
  const from = c.tls?.cipherSuites?.from;
  return from?.kind === 'default' ? from.origin : '';
};

describe('tomcatReleaseFromImage', () => {
  it.each([
    ['tomcat:9.0.85-jdk17-temurin', { release: '9.0.85', majorOnly: false }],
    ['tomcat:10.1-jre21', { release: '10.1', majorOnly: false }],
    ['tomcat:9', { release: '9.0', majorOnly: true }],
    ['tomcat:10-jdk17', { release: '10.1', majorOnly: true }],
    ['docker.io/library/tomcat:8.5.85-jre8-temurin', { release: '8.5.85', majorOnly: false }],
    // The alpine tags are no longer built: their last images (docker-library/tomcat@7eae995, @35e8907).
    ['docker.uclv.cu/tomcat:9-jre8-alpine', { release: '9.0.20', majorOnly: false }],
    ['tomcat:8.5-alpine', { release: '8.5.41', majorOnly: false, note: expect.stringContaining('8.5.41') }],
    ['tomcat:alpine', { release: '8.5.41', majorOnly: false }],
    ['tomcat:9-alpine', { release: '9.0.2', majorOnly: false }],
    ['tomcat:7-jre8-alpine', { release: '7.0.94', majorOnly: false }],
    ['tomcat:8.5.41-alpine', { release: '8.5.41', majorOnly: false }],
    ['tomcat:11.0.0-M12-jdk21', { release: '11.0.0', majorOnly: false }],
    ['tomcat:8.0-jre8-alpine', { release: '8.0', majorOnly: false }],
    // leonardoluiz/tomcat-apr-ssl@6c40c5e: tomcat:7-jre7 ran 7.0.92 (docker-library/repo-info repos/tomcat/remote/7-jre7.md).
    ['tomcat:7-jre7', { release: '7.0', majorOnly: true }],
    ['tomcat:9.0.85@sha256:0123', { release: '9.0.85', majorOnly: false }],
  ])('%s names %o', (image, expected) => {
    expect(tomcatReleaseFromImage(image)).toMatchObject(expected);
  });

  it.each([
    'tomcat',
    'tomcat:latest',
    'tomcat:jdk21',
    'tomcat:jre17-temurin',
    'bitnami/tomcat-exporter:9',
    'nginx:1.25',
  ])('%s names no Tomcat release', (image) => {
    expect(tomcatReleaseFromImage(image)).toBeUndefined();
  });

  it.each([
    ['8.5.85', true],
    ['9.0', true],
    ['10.1.20', false],
    ['11.0', false],
    ['8.0', undefined],
    [undefined, undefined],
  ])('Tomcat %s reads the Connector TLS attributes: %s', (release, reads) => {
    expect(tomcatReadsConnectorTls(release)).toBe(reads);
  });
});

describe('the Tomcat release of a server.xml', () => {
  const cases: { name: string; files: Tree; release: string; assumed: boolean; origin: string }[] = [
    {
      name: 'the Dockerfile that copies it: FROM tomcat:9.0.85-jdk17-temurin',
      files: {
        'app/Dockerfile': 'FROM tomcat:9.0.85-jdk17-temurin\nCOPY server.xml /usr/local/tomcat/conf/server.xml\n',
        'app/server.xml': SERVER_XML,
      },
      release: '9.0.85',
      assumed: false,
      origin: 'Tomcat 9.0.85 (app/Dockerfile:1 FROM tomcat:9.0.85-jdk17-temurin) ciphers=',
    },
    {
      name: 'a directory copy with a build argument: FROM tomcat:${TOMCAT}',
      files: {
        'app/Dockerfile': 'ARG TOMCAT=10.1-jre21\nFROM tomcat:${TOMCAT}\nCOPY conf/ /usr/local/tomcat/conf/\n',
        'app/conf/server.xml': SERVER_XML,
      },
      release: '10.1',
      assumed: false,
      origin: 'Tomcat 10.1 (app/Dockerfile:2 FROM tomcat:${TOMCAT} (tomcat:10.1-jre21))',
    },
    {
      name: 'a major alone: its newest branch, inferred',
      files: {
        Dockerfile: 'FROM tomcat:9\nCOPY server.xml /usr/local/tomcat/conf/\n',
        'server.xml': SERVER_XML,
      },
      release: '9.0',
      assumed: false,
      origin: 'the tag names the major only: its newest branch, 9.0, inferred',
    },
    {
      // JUNSEONGKIM99/infra_setup@bdb4218 docker-compose.yml: another service's `sh -c` that links into nginx's
      // sites-enabled made the file's last document by path its YAML steps', not the Compose file's (an internal error).
      name: 'a Compose service that mounts it, in a Compose file whose other service runs a shell script',
      files: {
        'compose.yaml':
          'services:\n  proxy:\n    image: nginx:1.27\n    command: >\n      sh -c "ln -s /etc/nginx/sites-available/app /etc/nginx/sites-enabled/"\n' +
          '  web:\n    image: tomcat:8.5.100\n    volumes:\n      - ./conf/server.xml:/usr/local/tomcat/conf/server.xml\n',
        'conf/server.xml': SERVER_XML,
      },
      release: '8.5.100',
      assumed: false,
      origin: 'Tomcat 8.5.100 (compose.yaml:7 image: tomcat:8.5.100)',
    },
    {
      name: 'a Compose service that mounts it: image: tomcat:8.5.100',
      files: {
        'compose.yaml':
          'services:\n  web:\n    image: tomcat:8.5.100\n    volumes:\n      - ./conf/server.xml:/usr/local/tomcat/conf/server.xml\n',
        'conf/server.xml': SERVER_XML,
      },
      release: '8.5.100',
      assumed: false,
      origin: 'Tomcat 8.5.100 (compose.yaml:3 image: tomcat:8.5.100)',
    },
    {
      name: 'a Compose service that builds its image: the FROM of the Dockerfile it builds',
      files: {
        'compose.yaml': 'services:\n  web:\n    build: ./web\n    volumes:\n      - ./conf:/usr/local/tomcat/conf\n',
        'web/Dockerfile': 'FROM tomcat:10.1.20-jdk17\n',
        'conf/server.xml': SERVER_XML,
      },
      release: '10.1.20',
      assumed: false,
      origin: 'Tomcat 10.1.20 (web/Dockerfile:1 FROM tomcat:10.1.20-jdk17)',
    },
    {
      name: 'a Dockerfile beside it that does not copy it: not its release',
      files: { Dockerfile: 'FROM tomcat:9.0.85\nCOPY app.war /usr/local/tomcat/webapps/\n', 'server.xml': SERVER_XML },
      release: '11.0.18',
      assumed: true,
      origin: 'assumed: the tree names no Tomcat version',
    },
    {
      name: 'tomcat:latest names no release',
      files: { Dockerfile: 'FROM tomcat:latest\nCOPY server.xml /usr/local/tomcat/conf/\n', 'server.xml': SERVER_XML },
      release: '11.0.18',
      assumed: true,
      origin: 'assumed: the tree names no Tomcat version',
    },
    {
      name: 'two images that run it name different releases: assumed, said so',
      files: {
        'a/Dockerfile': 'FROM tomcat:9.0.85\nCOPY server.xml /usr/local/tomcat/conf/\n',
        'compose.yaml':
          'services:\n  a:\n    build: ./a\n  b:\n    build:\n      context: ./a\n      dockerfile: Dockerfile.b\n',
        'a/Dockerfile.b': 'FROM tomcat:10.1.20\nCOPY server.xml /usr/local/tomcat/conf/\n',
        'a/server.xml': SERVER_XML,
      },
      release: '11.0.18',
      assumed: true,
      origin: 'the tree names different Tomcat releases for this server.xml: a/Dockerfile:1 FROM tomcat:9.0.85',
    },
    {
      name: 'a release the knowledge base has no facts for (8.0): assumed, said so',
      files: {
        Dockerfile: 'FROM tomcat:8.0-jre8\nCOPY server.xml /usr/local/tomcat/conf/\n',
        'server.xml': SERVER_XML,
      },
      release: '11.0.18',
      assumed: true,
      origin: 'assumed: Dockerfile:1 FROM tomcat:8.0-jre8 names Tomcat 8.0, for which lint-deploy has no facts',
    },
    {
      // As9530272755/k8s-nginx-tomcat@1df3090: tomcat-base/build-command.sh tags the image tomcat-app1's FROM names.
      name: 'a FROM of an image a build script tags: the Tomcat that image ADDs',
      files: {
        'base/build-command.sh': '#!/bin/bash\ndocker build -t registry.example/base/tomcat-base:v8.5.43  .\n',
        'base/Dockerfile': 'FROM eclipse-temurin:8-jre\nADD apache-tomcat-8.5.43.tar.gz /apps\n',
        'app/Dockerfile': 'FROM registry.example/base/tomcat-base:v8.5.43\nADD server.xml /apps/tomcat/conf/\n',
        'app/server.xml': SERVER_XML,
      },
      release: '8.5.43',
      assumed: false,
      origin:
        'Tomcat 8.5.43 (app/Dockerfile:1 FROM registry.example/base/tomcat-base:v8.5.43, which base/build-command.sh:2 builds from base/Dockerfile: base/Dockerfile:2 ADD, which unpacks apache-tomcat-8.5.43)',
    },
    {
      name: "a Makefile's docker build -t myorg/tomcat ./tomcat: FROM myorg/tomcat:latest is that Dockerfile's image",
      files: {
        Makefile: 'images:\n\t@docker build --pull -t myorg/tomcat ./tomcat\n',
        'tomcat/Dockerfile': 'FROM tomcat:9.0.85-jdk17\n',
        'app/Dockerfile': 'FROM myorg/tomcat:latest\nCOPY server.xml /usr/local/tomcat/conf/\n',
        'app/server.xml': SERVER_XML,
      },
      release: '9.0.85',
      assumed: false,
      origin: 'which Makefile:2 builds from tomcat/Dockerfile: tomcat/Dockerfile:1 FROM tomcat:9.0.85-jdk17',
    },
    {
      name: 'two scripts build the tag from different Dockerfiles: which one is unknown',
      files: {
        'a/build.sh': 'docker build -t myorg/tomcat .\n',
        'a/Dockerfile': 'FROM tomcat:9.0.85\n',
        'b/build.sh': 'docker build -t myorg/tomcat .\n',
        'b/Dockerfile': 'FROM tomcat:10.1.20\n',
        'app/Dockerfile': 'FROM myorg/tomcat\nCOPY server.xml /usr/local/tomcat/conf/\n',
        'app/server.xml': SERVER_XML,
      },
      release: '11.0.18',
      assumed: true,
      origin: 'assumed: the tree names no Tomcat version',
    },
    {
      name: 'a build context the script sets at run time is not followed',
      files: builtMyorgTomcat({
        'build.sh': 'docker build -t myorg/tomcat "$DIR"\n',
      }),
      release: '11.0.18',
      assumed: true,
      origin: 'assumed',
    },
    {
      name: 'a variable in other words of the build (-t $IMAGE, --build-arg): the literal context is followed',
      files: builtMyorgTomcat({
        'tomcat/build.sh': 'docker build -t "$REGISTRY/tomcat:$TAG" -t myorg/tomcat --build-arg "VERSION=$VERSION" .\n',
      }),
      release: '9.0.85',
      assumed: false,
      origin: 'which tomcat/build.sh:1 builds from tomcat/Dockerfile: tomcat/Dockerfile:1 FROM tomcat:9.0.85',
    },
    {
      name: 'a run-time context with a literal -f: docker reads -f from where it runs, so that Dockerfile is followed',
      files: builtMyorgTomcat({
        'build.sh': 'docker build -t myorg/tomcat -f tomcat/Dockerfile "$DIR"\n',
      }),
      release: '9.0.85',
      assumed: false,
      origin: 'which build.sh:1 builds from tomcat/Dockerfile: tomcat/Dockerfile:1 FROM tomcat:9.0.85',
    },
    {
      name: 'a script builds the tag from a run-time Dockerfile too: the Compose build is not the only one, unknown',
      files: builtMyorgTomcat({
        'build.sh': 'docker build -t myorg/tomcat -f "$DOCKERFILE" .\n',
        'compose.yaml': 'services:\n  base:\n    build: ./tomcat\n    image: myorg/tomcat\n',
      }),
      release: '11.0.18',
      assumed: true,
      origin: 'assumed',
    },
    {
      // TAMULib/chef-tomcat-simple@aaae938: attributes/default.rb names 8.0.33, recipes/default.rb renders server.xml.erb.
      name: "a Chef cookbook's default['tomcat']['version'], read by the recipe that renders its server.xml",
      files: {
        'cookbook/attributes/default.rb':
          "default['tomcat']['version'] = '9.0.85'\ndefault['tomcat']['home'] = '/opt/tomcat'\n",
        'cookbook/recipes/default.rb': CHEF_RECIPE,
        'cookbook/templates/default/server.xml.erb': SERVER_XML,
      },
      release: '9.0.85',
      assumed: false,
      origin:
        "Tomcat 9.0.85 (cookbook/attributes/default.rb:1 default['tomcat']['version'] = '9.0.85', the default of the cookbook whose recipe at cookbook/recipes/default.rb:6 writes this file)",
    },
    {
      // sous-chefs/tomcat@3725d2b test/cookbooks/test/recipes/default.rb: tomcat_install 'default' do version '9.0.117'.
      name: "the Tomcat cookbook's tomcat_install whose installation the recipe renders server.xml into",
      files: {
        'cookbook/recipes/default.rb':
          "tomcat_install 'web' do\n  version '10.1.20'\nend\n\ntemplate '/opt/tomcat_web/conf/server.xml' do\n  source 'server.xml.erb'\nend\n",
        'cookbook/templates/server.xml.erb': SERVER_XML,
      },
      release: '10.1.20',
      assumed: false,
      origin: "cookbook/recipes/default.rb:2 tomcat_install 'web' version '10.1.20', the installation",
    },
    {
      name: 'a role that overrides the version another way: which release runs is unknown',
      files: {
        'cookbook/attributes/default.rb': "default['tomcat']['version'] = '9.0.85'\n",
        'cookbook/recipes/default.rb': CHEF_RECIPE,
        'cookbook/templates/default/server.xml.erb': SERVER_XML,
        'roles/web.rb': "name 'web'\noverride_attributes('tomcat' => { 'version' => '10.1.20' })\n",
      },
      release: '11.0.18',
      assumed: true,
      origin: 'assumed: the tree names no Tomcat version',
    },
    {
      // sailpoint/chef-tomcat@27a8e01: base_version 6 names the platform package tomcat6, whose release it does not say.
      name: 'a major alone (a package name) names no release',
      files: {
        'cookbook/attributes/default.rb': "default['tomcat']['version'] = 7\n",
        'cookbook/recipes/default.rb': CHEF_RECIPE,
        'cookbook/templates/default/server.xml.erb': SERVER_XML,
      },
      release: '11.0.18',
      assumed: true,
      origin: 'assumed: the tree names no Tomcat version',
    },
  ];

  it.each(cases)('$name', ({ files, release, assumed, origin }) => {
    const c = connector(files);
    expect(c.type === 'tomcat.connector' && c.attributes.tomcat).toMatchObject({ release, assumed });
    expect(originOf(c)).toContain(origin);
  });

  it("the release's facts apply: Tomcat 8.5 leaves the suite order to the JDK, 9.0 sets client order", () => {
    const on = (image: string) =>
      connector({
        Dockerfile: `FROM ${image}\nCOPY server.xml /usr/local/tomcat/conf/\n`,
        'server.xml': SERVER_XML,
      }).tls?.serverOrderWins;
    expect(on('tomcat:8.5.100')).toBeUndefined();
    expect(on('tomcat:9.0.85')).toMatchObject({ value: false });
  });
});
