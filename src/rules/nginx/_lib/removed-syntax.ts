/**
 * How the nginx rules on removed syntax (the `ssl` directive, `listen … spdy`) report one use: an error when the image
 * names a release that refuses it and the file is no template (it may render otherwise), else a warning whose message
 * says what the named release does with it, or which releases refuse it when none is named; an info for a file nginx
 * does not read (./unloaded.ts).
 */
import * as path from 'node:path';

import type { NginxRemovedSyntax } from '../../../model/nginx-records';
import type { ReportDescriptor, RuleContext, RuleRelated } from '../../types';
import { ours, said } from '../../../core/phrase';
import { reportOnNginxFile } from './unloaded';

export function reportRemovedSyntax<MessageId extends string>(
  ctx: RuleContext<unknown, MessageId | 'refused' | 'releaseUnknown' | 'floating' | 'unloaded'>,
  use: NginxRemovedSyntax,
  /** Whether the named release refuses it (undefined: none named, or a tag on both sides). */
  refuses: boolean | undefined,
  /** The message for a named release that still takes it. */
  taken: MessageId,
  data: Record<string, string>,
  /** Whether a release refuses it: asked of the lowest release a floating tag names (knowledge). */
  refusedBy: (release: string) => boolean | undefined,
): void {
  const { nginx, floating, loading } = use;
  const report = (descriptor: ReportDescriptor<MessageId | 'refused' | 'releaseUnknown' | 'floating'>) =>
    reportOnNginxFile(ctx, loading, descriptor);
  // A snippet nothing enables (src/model/nginx-unloaded.ts): what it holds stops nginx only once someone enables it.
  if (loading?.kind === 'unloaded') {
    report({
      messageId: taken,
      data: { ...data, value: use.value },
      location: use.at,
      related: use.via ?? [],
      fingerprint: [path.basename(use.at.file), use.value],
    });
    return;
  }
  // A tag that names no release (`FROM nginx`) runs the current one: refused when even the lowest it names refuses.
  const floatingRefuses = refuses === undefined && floating !== undefined && refusedBy(floating.atLeast) === true;
  if (floating && floatingRefuses) {
    const { prebuilt } = floating;
    report({
      messageId: 'floating',
      severity: use.template || prebuilt ? 'warning' : 'error',
      data: {
        ...data,
        value: use.value,
        image: floating.image,
        atLeast: floating.atLeast,
        since: floating.since,
        prebuilt: prebuilt
          ? said`Compose names the image it builds ${prebuilt.image}: an image of that name built or pulled earlier, whose release the tree does not say, may still take it; a rebuild does not. `
          : '',
      },
      location: use.at,
      related: [
        ...(use.via ?? []),
        {
          ...floating.at,
          message: said`${floating.image}: a tag that names no release, nginx ${floating.atLeast} or later`,
        },
        ...(prebuilt ? [{ ...prebuilt.at, message: said`Compose builds it as ${prebuilt.image}` }] : []),
      ],
      fingerprint: [path.basename(use.at.file), use.value, floating.image],
    });
    return;
  }
  const related: RuleRelated[] = [
    ...(use.via ?? []),
    ...(nginx
      ? [
          {
            ...nginx.at,
            message: nginx.how
              ? said`the image runs nginx ${nginx.release}: ${nginx.how}`
              : said`the image runs nginx ${nginx.release}`,
          },
        ]
      : []),
    ...(nginx?.via ?? []).map((at) => ({
      ...at,
      message: ours('ties the image that runs this file to the Dockerfile that installs its nginx'),
    })),
  ];
  report({
    messageId: refuses === true ? 'refused' : refuses === false ? taken : 'releaseUnknown',
    severity: refuses === true && !use.template ? 'error' : 'warning',
    data: {
      ...data,
      value: use.value,
      release: nginx?.release ?? '',
      which: nginx
        ? said`The image's tag ${nginx.release} spans releases on both sides.`
        : ours(
            'The tree names no nginx release for this file (an image tag without one, such as nginx or nginx:alpine, pulls the current release).',
          ),
    },
    location: use.at,
    related: related.length ? related : undefined,
    fingerprint: [path.basename(use.at.file), use.value, nginx?.release ?? ''],
  });
}
