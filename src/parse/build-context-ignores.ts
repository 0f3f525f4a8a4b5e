import * as path from 'node:path';
import { dockerignoreExcluding, type DockerignoreData, type DockerignorePattern } from './dockerignore';
import type { ParsedDocument } from './types';
import { relativePosix } from '../core/posix-path';

/** The `.dockerignore` that decides the build context: the Dockerfile's `<name>.dockerignore`, else the context's. */
export function dockerignoreOf(
  documents: readonly ParsedDocument[],
  dockerfile: string,
  context: string,
): ParsedDocument | undefined {
  return (
    documents.find((d) => d.kind === 'dockerignore' && d.file.path === `${dockerfile}.dockerignore`) ??
    documents.find((d) => d.kind === 'dockerignore' && d.file.path === path.join(context, '.dockerignore'))
  );
}

/** The pattern that leaves a file out of the build context ('refused': a refused pattern stops the build), if any. */
export function contextExcludes(
  documents: readonly ParsedDocument[],
  dockerfile: string,
  context: string,
): (file: string) => DockerignorePattern | 'refused' | undefined {
  const ignore = dockerignoreOf(documents, dockerfile, context);
  if (!ignore) return () => undefined;
  const { patterns, refused } = ignore.data as DockerignoreData;
  if (refused !== undefined) return () => 'refused';
  return (file) => dockerignoreExcluding(patterns, relativePosix(context, file));
}
