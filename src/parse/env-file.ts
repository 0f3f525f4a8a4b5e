/**
 * Environment files (`.env`, `prod.env`, `.env.prod`) that set variables Spring Boot binds (`SPRING_PROFILES_ACTIVE`,
 * `SERVER_SSL_*`, `SPRING_SSL_BUNDLE_*`, `IBM_MQ_*`, `SERVER_PORT`). Such a file sets an app's environment only when
 * something starts the app with it — a Docker Compose service's `env_file:` — so the model binds it through that
 * reference, never by the directory it sits in. The `.env` beside a Compose file that takes values from it (its
 * `${VAR}`s, src/parse/compose-env.ts) is read with this parser too, whatever it sets.
 * Lines are `NAME=value`, `NAME="value"` or `export NAME=value`; `#` starts a comment; a bare `NAME` takes the value
 * of the shell running Compose (src/parse/compose-env.ts envFileVariables): a Spring-bound one is unresolved. Every variable is an entry (a
 * password among them is a secret to find and mask); the Spring-bound ones are also the file's `springEnvironment`.
 * https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file-syntax
 */
import { lastPathSegment } from '../core/path-name';
import type { Comment, FormatHandler, ParsedDocument } from './types';
import { LineIndex } from './text';
import { lineOffsets, type JvmProperty } from './java/jvm-args';
import { environmentEntries, scanSpringEnvironment, springPropertyOfVariable } from './java/spring-environment';
import { envFileVariables, type DotEnvVariable } from './compose-env';

export interface EnvFileData {
  springEnvironment: JvmProperty[];
}

const ENV_FILE_NAME = /^\.env(\.[\w.-]+)?$|\.env$/;
/** `.env.example`, `.env.sample`, `.env.template`, `.env.dist`: documentation of the variables, which nothing runs with. */
const ENV_FILE_EXAMPLE = /\.(example|sample|template|tmpl|tpl|dist|default)$/i;
/** `NAME=` at the start of a line (after `export`). */
const ASSIGNED_NAME = /^[ \t]*(?:export[ \t]+)?([A-Z][A-Z0-9_]*)=/gm;

/**
 * Whether a file is the documentation of an environment file (`.env.example`), not one: also when its name is read as
 * a template of `.env` (src/engine/run/read.ts), which would read its sample values as the environment's.
 */
export function isEnvFileExample(filePath: string): boolean {
  const name = lastPathSegment(filePath);
  return ENV_FILE_EXAMPLE.test(name) && ENV_FILE_NAME.test(name.replace(ENV_FILE_EXAMPLE, ''));
}

/** Whether the text assigns a variable Spring binds to a setting lint-deploy reads (springPropertyOfVariable). */
function setsSpringVariable(head: string): boolean {
  for (const m of head.matchAll(ASSIGNED_NAME)) if (springPropertyOfVariable(m[1]!)) return true;
  return false;
}

export const envFileFormat: FormatHandler<EnvFileData> = {
  id: 'env-file',
  classify(filePath, head) {
    const name = lastPathSegment(filePath);
    return ENV_FILE_NAME.test(name) && !ENV_FILE_EXAMPLE.test(name) && setsSpringVariable(head)
      ? 'env-file'
      : undefined;
  },
  parse(file, kind): ParsedDocument<EnvFileData> {
    const index = new LineIndex(file.text);
    const comments: Comment[] = [];
    const springEnvironment: JvmProperty[] = [];
    for (const line of lineOffsets(file.text)) {
      const lead = line.text.length - line.text.trimStart().length;
      if (line.text.trimStart().startsWith('#')) {
        comments.push({ text: line.text.slice(lead + 1), range: index.rangeAt(line.start + lead, line.end) });
        continue;
      }
      springEnvironment.push(...scanSpringEnvironment(file.text, index, line.start, line.end));
    }
    const variables = envFileVariables(file.text);
    // A bare `NAME` line: the container gets the value of the shell running Compose (`${NAME}`), or none.
    for (const v of variables) {
      const property = v.bare && springPropertyOfVariable(v.name);
      if (property)
        springEnvironment.push({
          name: property,
          value: `\${${v.name}}`,
          nameRange: v.nameRange,
          valueRange: v.valueRange,
          secret: v.secret,
          via: v.name,
          unresolved: true,
        });
    }
    return {
      file,
      kind,
      entries: [
        ...environmentEntries(springEnvironment),
        ...variables
          .filter((v): v is DotEnvVariable => v.value !== undefined && !springPropertyOfVariable(v.name))
          .map((v) => ({
            key: v.name,
            value: v.value,
            keyRange: v.nameRange,
            valueRange: v.valueRange,
            section: 'environment',
            secret: v.secret,
          })),
      ],
      comments,
      problems: [],
      data: { springEnvironment },
    };
  },
};
