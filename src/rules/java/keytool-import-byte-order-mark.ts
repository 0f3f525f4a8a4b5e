import { keytoolPemByteOrderMark } from '../../knowledge';
import { ours } from '../../core/phrase';
import { sameStart } from '../../core/types';
import type { MarkedPemFile } from '../../derive/pem-byte-order-mark';
import { defineRule } from '../types';
import { markedPemPlace } from '../_lib/pem-files';

/**
 * A Dockerfile `RUN keytool -importcert … -cacerts` whose certificate file starts with a UTF-8 byte order mark right
 * before its `-----BEGIN` line, in an image whose JDK is known to be older than 25 (derive/pem-byte-order-mark.ts):
 * that keytool refuses the file (measured with OpenJDK 17.0.15; the same reader in JDK 11), so the RUN fails the
 * build, or, when the command goes on past keytool, the certificate is not in cacerts. JDK 25's keytool reads the
 * file (measured with Temurin 25.0.3); a JDK the tree does not name leaves it unknown, unsaid.
 */
export default defineRule({
  meta: {
    id: 'java/keytool-import-byte-order-mark',
    description:
      "Report a Dockerfile's keytool import into the JDK's cacerts of a PEM file that starts with a UTF-8 byte order mark before its BEGIN line, which keytool before JDK 25 refuses",
    severity: 'error',
    messages: {
      marked:
        "{{file}} starts with a UTF-8 byte order mark right before its -----BEGIN line, and the keytool of this image's JDK {{feature}} takes a PEM header only at the start of a line: `keytool -importcert` refuses the file ('{{failure}}') and exits 1, so this RUN fails the image build, or, where the command goes on past keytool, the certificate is not added to the cacerts {{components}} trusts. Save {{file}} as UTF-8 without a byte order mark (keytool of JDK {{readsFrom}} and later reads it)",
    },
    defaultOptions: {},
    appliesTo: { documents: ['dockerfile'] },
  },
  check(ctx) {
    // One finding per RUN and file; the components built from the image are named together.
    const groups: MarkedPemFile[][] = [];
    for (const marked of ctx.deployment.derived.markedPemFiles) {
      if (marked.role !== 'cacerts' || !marked.at) continue;
      const group = groups.find(
        ([first]) => first!.file === marked.file && first!.at && sameStart(first!.at, marked.at!),
      );
      if (group) group.push(marked);
      else groups.push([marked]);
    }
    // The JDK facts are a chunk of their own (scripts/build.mjs): loaded only when there is something to say.
    if (groups.length === 0) return;
    const keytool = keytoolPemByteOrderMark();
    for (const group of groups) {
      const [first] = group as [MarkedPemFile];
      const { file, mark } = markedPemPlace(ctx.deployment.root, first);
      ctx.report({
        messageId: 'marked',
        data: {
          file,
          feature: first.feature ?? ours('unknown'),
          failure: ours(keytool.failure),
          components: [...new Set(group.map((m) => m.component.name))].join(', '),
          readsFrom: keytool.readsFromFeature,
        },
        location: first.at!,
        related: [mark],
        fingerprint: [file, String(first.at!.range?.start.line ?? 0)],
      });
    }
  },
});
