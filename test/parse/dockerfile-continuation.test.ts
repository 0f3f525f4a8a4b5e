import { dockerfileFormat } from '../../src/parse/dockerfile';
import { heldCommands } from '../../src/parse/dockerfile-stages';
import { simpleCommands } from '../../src/parse/shell-commands';

const parse = (text: string) => dockerfileFormat.parse({ path: '/t/Dockerfile', text, hadBom: false }, 'dockerfile');

// Docker removes comment and empty lines inside an instruction's continuation before running it
// (https://docs.docker.com/reference/dockerfile/#format: "RUN echo hello \ / # comment / world" is "RUN echo hello world").
// docker-library's official images write RUN lines this way (eclipse-temurin's `# https://github.com/docker-library/…`).
describe('Dockerfile: lines a continuation passes over', () => {
  it.each([
    [
      'a comment line between continued lines',
      'RUN jlink \\\n    # base modules\n    --add-modules java.base \\\n    --output /jre\n',
      [['jlink', '--add-modules', 'java.base', '--output', '/jre']],
    ],
    ['an empty line', 'RUN echo hello \\\n\nworld\n', [['echo', 'hello', 'world']]],
    ['two comments in a row', 'RUN a \\\n# one\n  # two\n  b\n', [['a', 'b']]],
    ['a comment that ends the file', 'RUN a \\\n# last\n', [['a']]],
  ])('%s', (_name, text, expected) => {
    const held = heldCommands(parse(`FROM eclipse-temurin:17\n${text}`).data);
    expect(held.flatMap((run) => simpleCommands(run.joined))).toEqual(expected);
  });

  it('keeps the file offsets: the next instruction and the comment are where the file has them', () => {
    const doc = parse('FROM x\nRUN a \\\n  # note: lint-deploy-disable-next-line\n  b\nENV K=v\n');
    expect(doc.data.commands.map((c) => [c.instruction, c.range.start.line])).toEqual([
      ['RUN', 1],
      ['ENV', 4],
    ]);
    expect(doc.comments.map((c) => [c.text, c.range.start.line, c.range.start.character])).toEqual([
      [' note: lint-deploy-disable-next-line', 2, 2],
    ]);
  });

  it('a comment line outside a continuation is a comment, and ends nothing', () => {
    const doc = parse('FROM x\nRUN a\n# c\nRUN b\n');
    expect(doc.data.commands.map((c) => c.text.trim())).toEqual(['a', 'b']);
  });
});
