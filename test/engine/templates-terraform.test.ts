import { lintTree } from './lint-helper';

// Terraform's templatefile() files (`.tftpl`): the shape of twz123/k0s-libvirt-machines@814507f haproxy.cfg.tftpl
// (Apache-2.0) with an nginx beside it that writes its protocols out. Before, neither file was read.
describe('Terraform templates', () => {
  const files = {
    'haproxy.cfg.tftpl':
      'defaults\n  mode tcp\n  timeout connect 10s\n  timeout client 60s\n  timeout server 60s\n\nfrontend k8s_api\n  bind :${k8s_api_port}\n  default_backend k8s_api\n\nbackend k8s_api\n  balance random\n%{ for controller in controllers ~}\n  server ${controller.name} ${controller.name}:${k8s_api_port} check\n%{ endfor ~}\n',
    // synapsestudios/terraform-aws-ec2-terrateam@f14cc47 (MIT) templates/docker-compose.yml.tftpl, shortened: `$${X}`
    // renders to the Compose variable `${X}`, no plaintext secret.
    'templates/docker-compose.yml.tftpl':
      'services:\n%{ if ingress_mode == "cloudflare_tunnel" ~}\n  cloudflared:\n    image: cloudflare/cloudflared:${cloudflared_image_tag}\n    env_file: /opt/terrateam/.env\n    environment:\n      TUNNEL_TOKEN: $${TERRATEAM_TUNNEL_TOKEN}\n%{ endif ~}\n',
    'templates/nginx.conf.tftpl':
      'events {}\nhttp {\n  upstream backend {\n%{ for ip in backend_servers ~}\n    server ${ip}:${backend_port};\n%{ endfor ~}\n  }\n  server {\n    listen 443 ssl;\n    server_name ${server_name};\n    ssl_certificate ${ssl_cert_path};\n    ssl_certificate_key ${ssl_key_path};\n    ssl_protocols TLSv1 TLSv1.2;\n    location / { proxy_pass http://backend; }\n  }\n}\n',
  };

  it('are read as the file they render, their own syntax set aside', () => {
    const { lines, findings } = lintTree(files, {
      builtIn: ['tls/server-allows-legacy-protocols', 'security/plaintext-secret'],
    });
    // Not a broken file: `%{ for … ~}` lines and `${…}` values are the template's.
    expect(findings.filter((f) => f.ruleId.startsWith('parse/')).map((f) => f.message)).toEqual([]);
    expect(lines).toEqual(['templates/nginx.conf.tftpl:13 tls/server-allows-legacy-protocols']);
  });
});
