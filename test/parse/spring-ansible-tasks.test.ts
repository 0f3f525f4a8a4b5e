import { classifyFile } from '../../src/parse/registry';

// An Ansible role's task list named like a Spring file: rciam/rciam-deploy@c778acb roles/rciam-metrics/tasks/bootstrap.yml
// (`- name: Ensure util groups exist` …) made a Spring app of the role (a Java client with an unknown JDK).
describe("an Ansible role's tasks named bootstrap.yml or application.yml are no Spring configuration", () => {
  const tasks = '# file: tasks/bootstrap.yml\n---\n\n- name: Ensure util groups exist\n  group:\n    name: metrics\n';
  it.each([
    ['roles/rciam-metrics/tasks/bootstrap.yml', 'a task list of a role', tasks, undefined],
    ['ansible/roles/app/handlers/application.yml', 'a handler list of a role', tasks, undefined],
    [
      'roles/app/files/application.yml',
      "a file of a role's files/ (what a task copies): Spring",
      'server:\n  port: 8443\n',
      'spring.yaml',
    ],
    [
      'tasks/bootstrap.yml',
      'a tasks directory outside a role: Spring, as named',
      'spring:\n  application:\n    name: a\n',
      'spring.yaml',
    ],
  ])('%s (%s)', (file, _what, text, kind) => {
    expect(classifyFile(file, text)?.kind).toBe(kind);
  });
});
