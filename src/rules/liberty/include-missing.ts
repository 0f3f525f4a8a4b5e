import * as path from 'node:path';
import { libertyIncludesMissing } from '../../model/liberty-config';
import { defineRule } from '../types';
import { ours, said } from '../../core/phrase';
import { relativePosix } from '../../core/posix-path';

/**
 * A Liberty `<include>` of a file the tree does not hold, and not marked `optional="true"`: whatever that file
 * configures (its `<ssl>`, keystores, variables) is unknown, so every verdict on this server rests on the rest
 * of its configuration. The file may be created when the server is deployed: then say so with `optional="true"`
 * or add it to the tree.
 */
export default defineRule({
  meta: {
    id: 'liberty/include-missing',
    description:
      'Say when a Liberty server includes a file the tree does not hold (not optional): what it configures is unknown',
    severity: 'info',
    appliesTo: { documents: ['liberty.server-xml'] },
    messages: {
      missing:
        'Liberty server {{server}} includes \'{{written}}\' ({{resolved}}), which is not in the tree and not optional="true": what it configures (TLS settings, keystores, variables) is unknown, so lint-deploy judges this server without it. Add the file to the tree, or mark the include optional="true" if the server runs without it',
      directory:
        "Liberty server {{server}} includes '{{written}}' ({{resolved}}), a directory of the tree ({{files}}) written without a trailing '/': Liberty resolves such a location as a file and reads no directory there (Open Liberty's LocalFileResource: 'Path specified a file, but resource exists as a directory'), so lint-deploy reads none of the directory's files as this server's configuration, and what they configure (TLS settings, keystores, variables) is unknown here. End the location with '/' (Liberty releases that include a directory read its .xml files), or include each file by name",
      severalKeys:
        "Liberty server {{server}} includes '{{written}}', and {{count}} ConfigMap keys of the tree are named like it ({{keys}}): which one the pod mounts there is unknown, so lint-deploy judges this server without it. Give the keys distinct names, or lint each deployment's ConfigMaps apart",
    },
    defaultOptions: {},
    symptoms: ['CWWKG0090E'],
  },
  check(ctx) {
    for (const server of libertyIncludesMissing(ctx.deployment)) {
      for (const include of server.includes) {
        if (include.optional) continue;
        const rel = (file: string) => relativePosix(ctx.cwd, file);
        if (include.keys) {
          ctx.report({
            messageId: 'severalKeys',
            data: {
              server: rel(server.serverXml),
              written: include.written,
              count: String(include.keys.length),
              keys: include.keys.map((k) => `${rel(k.file)} key ${k.key}`).join(', '),
            },
            location: include.location,
            related: include.keys.map((k) => ({ file: k.file, message: said`ConfigMap key ${k.key}` })),
            fingerprint: [include.written],
          });
          continue;
        }
        if (include.directoryFiles) {
          ctx.report({
            messageId: 'directory',
            data: {
              server: rel(server.serverXml),
              written: include.written,
              resolved: rel(include.resolved),
              files: include.directoryFiles.map((f) => path.basename(f)).join(', '),
            },
            location: include.location,
            related: include.directoryFiles.map((file) => ({
              file,
              message: ours('a Liberty file of that directory'),
            })),
            fingerprint: [include.written],
          });
          continue;
        }
        ctx.report({
          messageId: 'missing',
          data: {
            server: relativePosix(ctx.cwd, server.serverXml),
            written: include.written,
            resolved: relativePosix(ctx.cwd, include.resolved),
          },
          location: include.location,
          fingerprint: [include.written],
        });
      }
    }
  },
});
