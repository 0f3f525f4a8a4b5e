/**
 * The files the deployment lists (Deployment.files: the walk's, less what `.lint-deployignore` ignores, and the
 * leftovers a file names), as the model asks of them when it reads a file no format classified (a deploy script beside
 * an MQSC, a mounted init script, an app's Java sources, a `crt <dir>`'s files). `--cache` hashes exactly these: a
 * file read otherwise would decide findings while an edit to it left the cached report unchanged, and an ignored file
 * would decide them at all. Built once per deployment (listedFilesOf).
 */
import * as path from 'node:path';
import type { ModelContext } from './contributor';

export class ListedFiles {
  private readonly all: ReadonlySet<string>;
  private readonly byDir = new Map<string, string[]>();

  constructor(files: readonly string[]) {
    this.all = new Set(files);
    for (const file of [...files].sort()) {
      const dir = path.dirname(file);
      const own = this.byDir.get(dir);
      if (own) own.push(file);
      else this.byDir.set(dir, [file]);
    }
  }

  /** Whether the deployment lists this file. */
  has(file: string): boolean {
    return this.all.has(file);
  }

  /** The listed files directly in `dir`, sorted. */
  in(dir: string): readonly string[] {
    return this.byDir.get(dir) ?? [];
  }

  /** The listed files at any depth below `dir`, sorted by directory, then name. */
  under(dir: string): string[] {
    const prefix = dir + path.sep;
    return [...this.byDir.keys()]
      .filter((d) => d === dir || d.startsWith(prefix))
      .sort()
      .flatMap((d) => this.byDir.get(d)!);
  }

  /** Whether `dir` is a directory of the deployment: it holds a listed file at some depth. */
  holdsFilesUnder(dir: string): boolean {
    const prefix = dir + path.sep;
    return [...this.byDir.keys()].some((d) => d === dir || d.startsWith(prefix));
  }
}

/** The deployment's listed files, indexed once per build. */
export function listedFilesOf(ctx: ModelContext): ListedFiles {
  return ctx.once('listedFiles', () => new ListedFiles(ctx.deployment.files ?? []));
}
