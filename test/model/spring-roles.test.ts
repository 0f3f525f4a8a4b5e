/**
 * A Spring app an Ansible role deploys (src/model/java-shared.ts appGroupOf): a role that holds a Spring app's
 * configuration is an app of its own, and a file its task puts where the role's start command adds it to the app's
 * configuration (`--spring.config.additional-location=optional:atr-mtls.properties`) is that configuration
 * (src/engine/run/ansible-placed.ts). The shape of Alfresco/alfresco-ansible-deployment@250a87e:
 * https://github.com/Alfresco/alfresco-ansible-deployment/blob/250a87e2495b01c2517b6191b52aea20320dae06/roles/trouter/tasks/main.yml
 * templates mtls.properties.j2 to `{{ ats_home }}/atr-mtls.properties`, and the role's systemd unit starts the router's
 * jar with it; the sfs and transformers roles do the same with their own files. All three were one `roles` group.
 */
import { modelOf, type Tree } from '../helpers/rule-tester';

const mtls = (role: string) =>
  `server.ssl.enabled=true\nserver.ssl.key-store=file:{{ ${role}_keystore.path }}\n` +
  `server.ssl.key-store-password={{ ${role}_keystore.pass }}\nserver.ssl.client-auth=need\n`;
const task = (dest: string) =>
  `- name: mTLS configuration\n  ansible.builtin.template:\n    src: mtls.properties.j2\n    dest: "{{ ats_home }}/${dest}"\n`;
const unit = (jar: string, location: string) =>
  `[Unit]\nDescription=${jar}\n\n[Service]\nExecStart={{ java_home }}/bin/java -jar {{ ats_home }}/${jar}.jar` +
  ` --spring.config.additional-location=optional:${location}\nWorkingDirectory={{ ats_home }}\n`;
const role = (name: string, dest: string, location = dest): Tree => ({
  [`roles/${name}/tasks/main.yml`]: task(dest),
  [`roles/${name}/templates/mtls.properties.j2`]: mtls(name),
  [`roles/${name}/templates/${name}.service.j2`]: unit(name, location),
});

/** The Java apps and Spring HTTPS servers, by name. */
function apps(files: Tree): string[] {
  return modelOf(files)
    .components.filter((c) => c.type === 'java.app' || c.type === 'spring.server')
    .map((c) => c.name)
    .sort();
}

describe('Spring apps of Ansible roles', () => {
  it.each<[string, Tree, string[]]>([
    [
      "two roles, each starting a jar with the file its task templates: two apps, each with the role's HTTPS server",
      { ...role('trouter', 'atr-mtls.properties'), ...role('sfs', 'sfs-mtls.properties') },
      [
        'Java application (roles/sfs)',
        'Java application (roles/trouter)',
        'Spring Boot HTTPS server (roles/sfs/templates, port 8080)',
        'Spring Boot HTTPS server (roles/trouter/templates, port 8080)',
      ],
    ],
    [
      // The unit alone starts a Java client of the tree's top directory, as any unit running java does.
      'a start command that adds another file: the template is no configuration the tree shows the app reading',
      role('trouter', 'atr-mtls.properties', 'other.properties'),
      ['Java application (roles)'],
    ],
    [
      "the start command in another role: not this role's app",
      {
        'roles/trouter/tasks/main.yml': task('atr-mtls.properties'),
        'roles/trouter/templates/mtls.properties.j2': mtls('trouter'),
        'roles/launcher/templates/trouter.service.j2': unit('trouter', 'atr-mtls.properties'),
      },
      ['Java application (roles)'],
    ],
    [
      // The JDK role's profile script is no environment of the systemd unit that starts the app (systemd reads no
      // /etc/profile.d): it stays a client of the tree's top directory.
      "a role's Spring file and a JDK role: the app is the role's, the JDK role's script stays the top directory's",
      {
        'roles/orders/files/application.properties': 'server.port=8443\nserver.ssl.key-store=/etc/orders/ks.p12\n',
        'roles/orders/templates/orders.service.j2': unit('orders', 'application.properties'),
        'roles/java/templates/java.sh': 'export JAVA_TOOL_OPTIONS="-Djavax.net.ssl.trustStore=/etc/pki/ts.jks"\n',
      },
      [
        'Java application (roles)',
        'Java application (roles/orders)',
        'Spring Boot HTTPS server (roles/orders/files, port 8443)',
      ],
    ],
  ])('%s', (_name, files, expected) => {
    expect(apps(files)).toEqual(expected);
  });
});
