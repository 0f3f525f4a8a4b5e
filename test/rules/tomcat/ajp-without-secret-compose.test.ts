import rule from '../../../src/rules/tomcat/ajp-without-secret';
import { ruleTester } from '../../helpers/rule-tester';

// tomcat/ajp-without-secret on a connector that turns secretRequired off on every address of a container: whether the
// Compose services that run its server.xml publish a port decides who reaches it (model/tomcat-ajp-network.ts). The
// case that makes it an info (Paritosh-Anand/Docker-Httpd-Tomcat) is in ./ajp-without-secret.test.ts.
// One connector on line 2, as Paritosh-Anand/Docker-Httpd-Tomcat writes it (address, port, secretRequired).
const optedOut =
  '<Server port="8005"><Service name="Catalina">\n' +
  '  <Connector protocol="AJP/1.3" address="0.0.0.0" port="8009" secretRequired="false" />\n' +
  '  <Engine name="Catalina" defaultHost="localhost"><Host name="localhost"/></Engine>\n</Service></Server>\n';
const dockerfile = 'FROM tomcat:9.0\nCOPY server.xml /usr/local/tomcat/conf/\nEXPOSE 8009\n';

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      // The same service with a `ports:` item (here a random host port for 8009): the host publishes it, a warning.
      name: 'secretRequired="false" on 0.0.0.0 in a Compose service with a ports: item: the warning stays',
      files: {
        'tomcat/server.xml': optedOut,
        'tomcat/Dockerfile': dockerfile,
        'docker-compose.yml': 'services:\n  tomcat:\n    ports:\n      - "8009"\n    build: tomcat/.\n',
      },
      errors: [{ messageId: 'optedOut', severity: 'warning', file: 'tomcat/server.xml', line: 2 }],
    },
    {
      // A Service network_mode: host shares the host's addresses: the warning stays.
      name: 'secretRequired="false" on 0.0.0.0 in a Compose service on the host network: the warning stays',
      files: {
        'tomcat/server.xml': optedOut,
        'tomcat/Dockerfile': dockerfile,
        'docker-compose.yml': 'services:\n  tomcat:\n    network_mode: host\n    build: tomcat/.\n',
      },
      errors: [{ messageId: 'optedOut', severity: 'warning', file: 'tomcat/server.xml', line: 2 }],
    },
  ],
});
