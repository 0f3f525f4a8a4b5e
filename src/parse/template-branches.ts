/**
 * The conditional branches of a template (./template.ts): each `if`/`else` branch of Go, Jinja2, ERB, Template Toolkit,
 * Thymeleaf's textual mode and Mustache sections, with the tag that selects it, and the `else` regions a reading of the
 * first branch only blanks.
 */
import type { Range } from '../core/types';
import type { LineIndex } from './text';
import type { Tag } from './template-tags';

export interface TemplateBranch {
  /** The tag that opens the branch as written: `{{ if .Env.LEGACY }}`, `{% else %}`. */
  condition: string;
  range: Range;
  /** An `else` that directly follows its `if` (no `elif` between): the `if` tag it is the other side of. */
  otherwise?: string;
  /** A script's piece, said whole (`only when the script runs `if [ -n "$TLS" ]` (line 12)`), and the place it names. */
  clause?: string;
  related?: { file?: string; range: Range; message: string };
}

/** [start, end) offsets of every `else` branch (from the `else` tag to its block's `end` tag), and every branch with its condition. */
export function conditionals(
  tags: Tag[],
  text: string,
  index: LineIndex,
): { elseRegions: Array<[number, number]>; branches: TemplateBranch[] } {
  const elseRegions: Array<[number, number]> = [];
  const branches: TemplateBranch[] = [];
  const stack: Array<{ open: Tag; branchAt: Tag; elseAt?: number; conditional: boolean }> = [];
  const tagText = (t: Tag) => text.slice(t.start, t.end).trim();
  const close = (top: (typeof stack)[number], at: Tag) => {
    if (!top.conditional) return;
    const condition = tagText(top.branchAt);
    const plainElse = top.branchAt !== top.open && top.elseAt === top.branchAt.start && PLAIN_ELSE.test(condition);
    branches.push({
      condition,
      range: index.rangeAt(top.branchAt.end, at.start),
      ...(plainElse ? { otherwise: tagText(top.open) } : {}),
    });
  };
  for (const t of tags) {
    if (t.role === 'open')
      stack.push({
        open: t,
        branchAt: t,
        conditional: CONDITIONAL.test(text.slice(t.start + 2, t.end - 2).replace(/^[-+=~]*\s*/, '')),
      });
    else if (t.role === 'else') {
      const top = stack[stack.length - 1];
      if (!top) continue;
      close(top, t);
      top.branchAt = t;
      top.elseAt ??= t.start;
    } else if (t.role === 'end') {
      const top = stack.pop();
      if (!top) continue;
      close(top, t);
      if (top.elseAt !== undefined) elseRegions.push([top.elseAt, t.start]);
    }
  }
  return { elseRegions, branches };
}

/**
 * Go and Jinja write `if` (Template Toolkit `IF`, Thymeleaf's textual `[# th:if="…"]`); a Mustache section `{{#ssl}}`,
 * `{{^ssl}}` renders or not by its value (Handlebars `{{#if ssl}}`; its `{{#each}}` is a loop).
 */
const CONDITIONAL = /^(th:block\s+)?(th:)?(if|unless|with|case)\b|^[#^](?!each\b)/i;
/** `{% else %}`, `<% else -%>`, `{{- else }}`: no condition of its own (not `elif`, `else if`). */
const PLAIN_ELSE = /^(\{\{|\{%|<%|\[%|%\{)[-+=~_]?\s*else\s*[-+_~]?(%\}|\}\}|%>|%\]|\})$/i;
