import { scanTemplate } from '../../src/parse/template';
import { releaseBoundOf } from '../../src/parse/template-release-bound';

/** The bound each branch of a template puts on HAProxy's release, in the order the branches close. */
const bounds = (text: string) =>
  (scanTemplate(text)?.branches ?? []).map((b) => {
    const bound = releaseBoundOf(b, 'haproxy');
    return bound ? `${bound.op} ${bound.release}` : undefined;
  });

describe('release bounds of template branches', () => {
  const cases: Array<[string, string, Array<string | undefined>]> = [
    [
      'Ansible version test and its plain else',
      "{% if haproxy_version is version('1.4', '<=') %}\na\n{% else %}\nb\n{% endif %}",
      ['<= 1.4', '> 1.4'],
    ],
    [
      'operator word, filter form',
      "{%- if haproxy_version | version_compare('1.5', 'lt') -%}\na\n{% endif %}",
      ['< 1.5'],
    ],
    ['Chef attribute', "<% if node['haproxy']['version'] >= '2.1' %>\na\n<% end %>", ['>= 2.1']],
    ['ERB bare version', '<% if @version.to_f < 1.5 -%>\na\n<% end -%>', ['< 1.5']],
    [
      'an elif: the else has no single opposite',
      "{% if haproxy_version is version('1.5', '<') %}\na\n{% elif x %}\nb\n{% else %}\nc\n{% endif %}",
      ['< 1.5', undefined, undefined],
    ],
    ['or, not: no bound', "{% if not haproxy_version is version('1.5', '<') %}\na\n{% endif %}", [undefined]],
    ['another product', "{% if ansible_distribution_version is version('8', '<') %}\na\n{% endif %}", [undefined]],
  ];
  it.each(cases)('%s', (_name, text, expected) => expect(bounds(text)).toEqual(expected));
});
