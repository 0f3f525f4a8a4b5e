import { scanTemplate } from '../../src/parse/template';

/** Masked text and span kinds of a template as read from a file named like `haproxy.cfg.tftpl` (or `.tpl`). */
const read = (text: string, tftpl = true) => {
  const info = scanTemplate(text, true, false, tftpl);
  return { masked: info?.masked, kinds: info?.spans.map((s) => `${s.engine}:${s.kind}`) };
};

describe('Terraform templates (templatefile)', () => {
  // twz123/k0s-libvirt-machines@814507f haproxy.cfg.tftpl (Apache-2.0), shortened.
  it('reads ${…} as values and %{ for … ~} lines as directives', () => {
    const text =
      'backend k8s_api\n%{ for controller in controllers ~}\n  server ${controller.name} ${controller.name}:${port} check\n%{ endfor ~}\n';
    const { masked, kinds } = read(text);
    const blank = (tag: string) => ' '.repeat(tag.length);
    expect(masked).toBe(
      `backend k8s_api\n${blank('%{ for controller in controllers ~}')}\n  server \${controller_name} \${controller_name}:\${port} check\n${blank('%{ endfor ~}')}\n`,
    );
    expect(kinds).toEqual([
      'terraform:directive',
      'terraform:value',
      'terraform:value',
      'terraform:value',
      'terraform:directive',
    ]);
  });

  it('an expression with a call and a quoted brace is one value; %%{ is a literal, $${X} the ${X} it writes', () => {
    const { masked, kinds } = read('a ${join(",", ["}"])};\nb $${TOKEN} %%{x};\n');
    expect(kinds).toEqual(['terraform:value', 'terraform:value']);
    expect(masked?.split('\n')[1]).toBe('b ${_TOKEN} %%{x};');
  });

  it('if/else: two branches, the else with its if', () => {
    const info = scanTemplate(
      '%{ if ssl_enabled ~}\nlisten 443 ssl;\n%{ else ~}\nlisten 80;\n%{ endif ~}\n',
      true,
      false,
      true,
    );
    expect(info?.branches.map((b) => [b.condition, b.otherwise])).toEqual([
      ['%{ if ssl_enabled ~}', undefined],
      ['%{ else ~}', '%{ if ssl_enabled ~}'],
    ]);
  });

  it('in another named template only directives with a Terraform keyword: an access log %{Referer}i stays', () => {
    const { masked } = read('%{ if tls }\nlisten 443 ssl;\n%{ endif }\nlog_format main "%{Referer}i";\n', false);
    expect(masked).toBe('           \nlisten 443 ssl;\n          \nlog_format main "%{Referer}i";\n');
  });
});
