import rule from '../../../src/rules/java/spring-ssl-ignored-in-war';
import { ruleTester } from '../../helpers/rule-tester';

// vietlecd/coin-price-be-java@39b1431 (no licence; shape only): server.ssl.* in a WAR that the official tomcat image
// deploys from webapps/ROOT.war. Spring Boot's ServletWebServerApplicationContext makes no embedded web server when
// the container gives it a ServletContext (knowledge tomcat.json springBootWar).
const PROPS = 'app/src/main/resources/application.properties';
const DOCKERFILE = 'app/Dockerfile';
const httpsSettings =
  'server.port=8443\nserver.ssl.key-store=classpath:keystore.p12\nserver.ssl.key-store-type=PKCS12\n';
const intoTomcat = (from = 'tomcat:9.0.96-jdk8-corretto-al2', extra = '') =>
  `FROM ${from}\nRUN rm -rf /usr/local/tomcat/webapps/*\nCOPY target/app.war /usr/local/tomcat/webapps/ROOT.war\n${extra}`;

ruleTester(rule, {
  valid: [
    {
      name: 'an executable WAR started with java -jar on a JDK image: the embedded server reads server.ssl.*',
      files: {
        [PROPS]: httpsSettings,
        [DOCKERFILE]:
          'FROM eclipse-temurin:17-jre\nCOPY target/app.war /app.war\nENTRYPOINT ["java", "-jar", "/app.war"]\n',
      },
    },
    {
      name: 'the tomcat image, but its CMD runs the WAR with java -jar',
      files: { [PROPS]: httpsSettings, [DOCKERFILE]: intoTomcat(undefined, 'CMD ["java", "-jar", "ROOT.war"]\n') },
    },
    {
      name: 'a WAR in Tomcat with no HTTPS settings',
      files: { [PROPS]: 'server.port=8080\nspring.application.name=app\n', [DOCKERFILE]: intoTomcat() },
    },
    {
      name: 'a Tomcat image that is not the official one (its webapps directory is not known)',
      files: {
        [PROPS]: httpsSettings,
        [DOCKERFILE]: 'FROM bitnami/tomcat:10.1\nCOPY target/app.war /opt/bitnami/tomcat/webapps/ROOT.war\n',
      },
    },
    {
      name: 'the WAR is copied outside webapps',
      files: { [PROPS]: httpsSettings, [DOCKERFILE]: 'FROM tomcat:10.1-jdk17\nCOPY target/app.war /opt/app.war\n' },
    },
    {
      name: 'another image of the app runs it with java -jar: which one runs is not known',
      files: {
        [PROPS]: httpsSettings,
        [DOCKERFILE]: intoTomcat(),
        'app/Dockerfile.jar': 'FROM eclipse-temurin:17-jre\nCOPY target/app.war /app.war\nCMD java -jar /app.war\n',
      },
    },
    {
      name: 'the Compose service built from the app runs it with java -jar: the embedded server reads server.ssl.*',
      files: {
        [PROPS]: httpsSettings,
        [DOCKERFILE]: intoTomcat(),
        'docker-compose.yml':
          'services:\n  app:\n    build: ./app\n    command: ["java", "-jar", "/usr/local/tomcat/webapps/ROOT.war"]\n',
      },
    },
    {
      name: 'a Kubernetes container of the app image runs java -jar',
      files: {
        [PROPS]: httpsSettings,
        [DOCKERFILE]: intoTomcat(),
        'k8s/deployment.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app:latest\n          command: ["java", "-jar", "/usr/local/tomcat/webapps/ROOT.war"]\n',
        'skaffold.yaml':
          'apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n    - image: app\n      context: app\n',
      },
    },
  ],
  invalid: [
    {
      name: 'server.ssl.key-store in a WAR copied to webapps/ROOT.war of tomcat:9.0.96 (the real case)',
      files: { [PROPS]: httpsSettings, [DOCKERFILE]: intoTomcat() },
      errors: [
        {
          messageId: 'ignored',
          file: PROPS,
          line: 2,
          severity: 'warning',
          messageIncludes: [
            'as a WAR in tomcat:9.0.96-jdk8-corretto-al2 (app/Dockerfile:3)',
            'one HTTP/1.1 connector on port 8080, plain HTTP',
          ],
          related: [{ file: DOCKERFILE, line: 3 }],
        },
      ],
    },
    {
      name: 'WORKDIR webapps and a relative copy of target/*.war (jenkinsworld/infrrd292134 shape)',
      files: {
        [PROPS]: httpsSettings,
        [DOCKERFILE]: 'FROM tomcat:8.5.47-jdk8-openjdk\nWORKDIR webapps\nCOPY target/*.war .\nEXPOSE 8080\n',
      },
      errors: [{ messageId: 'ignored', file: PROPS, line: 2, related: [{ file: DOCKERFILE, line: 3 }] }],
    },
    {
      name: 'the image copies a server.xml in (DMoran92/back-end-banking-app shape): its connectors serve the app, an info',
      files: {
        [PROPS]: httpsSettings,
        [DOCKERFILE]: intoTomcat('tomcat:10.1-jdk17', 'COPY conf/server.xml /usr/local/tomcat/conf/server.xml\n'),
      },
      errors: [
        {
          messageId: 'besideServerXml',
          file: PROPS,
          line: 2,
          severity: 'info',
          messageIncludes: ['the server.xml the image copies in (app/Dockerfile:4)'],
          related: [
            { file: DOCKERFILE, line: 3 },
            { file: DOCKERFILE, line: 4 },
          ],
        },
      ],
    },
    {
      name: 'Compose mounts a server.xml over the stock one into the app service: its connectors serve the app, an info',
      files: {
        [PROPS]: httpsSettings,
        [DOCKERFILE]: intoTomcat(),
        'tomcat/server.xml': '<Server port="-1"><Service name="Catalina"></Service></Server>\n',
        'docker-compose.yml':
          'services:\n  app:\n    build: ./app\n    volumes:\n      - ./tomcat/server.xml:/usr/local/tomcat/conf/server.xml:ro\n',
      },
      errors: [
        {
          messageId: 'besideServerXml',
          file: PROPS,
          line: 2,
          severity: 'info',
          messageIncludes: ['the server.xml Compose mounts into its container (docker-compose.yml:5)'],
          related: [
            { file: DOCKERFILE, line: 3 },
            { file: 'docker-compose.yml', line: 5 },
          ],
        },
      ],
    },
    {
      name: 'Compose mounts a whole conf directory into the app service: the same',
      files: {
        [PROPS]: httpsSettings,
        [DOCKERFILE]: intoTomcat(),
        'tomcat-conf/server.xml': '<Server port="-1"><Service name="Catalina"></Service></Server>\n',
        'docker-compose.yml':
          'services:\n  app:\n    build: ./app\n    volumes:\n      - ./tomcat-conf:/usr/local/tomcat/conf/\n',
      },
      errors: [{ messageId: 'besideServerXml', file: PROPS, line: 2, severity: 'info' }],
    },
    {
      name: 'a server.xml mounted into another service (not the app): the stock server.xml still serves the app',
      files: {
        [PROPS]: httpsSettings,
        [DOCKERFILE]: intoTomcat(),
        'tomcat/server.xml': '<Server port="-1"><Service name="Catalina"></Service></Server>\n',
        'docker-compose.yml':
          'services:\n  app:\n    build: ./app\n  other:\n    image: tomcat:10.1\n    volumes:\n      - ./tomcat/server.xml:/usr/local/tomcat/conf/server.xml\n',
      },
      errors: [{ messageId: 'ignored', file: PROPS, line: 2, severity: 'warning' }],
    },
    {
      name: 'HTTPS only in a profile: ignored all the same',
      files: {
        [PROPS]: 'spring.application.name=app\n',
        'app/src/main/resources/application-prod.properties': 'server.ssl.key-store=classpath:ks.p12\n',
        [DOCKERFILE]: intoTomcat(),
      },
      errors: [{ messageId: 'ignored', file: 'app/src/main/resources/application-prod.properties', line: 1 }],
    },
  ],
});
