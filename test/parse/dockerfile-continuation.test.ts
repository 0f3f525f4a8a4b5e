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

// BuildKit stops at any line that starts with no instruction: "dockerfile parse error line 1: unknown instruction: OC"
// (moby/buildkit@10889212c4635d4edbe8aa253be601c6fa2823a5 frontend/dockerfile/instructions/parse.go).
// santhoshramanathan/mqobjectbackup@b4afe75 Dockerfile starts with `oc login …`, `whoami`, `oc project mq`.
describe('Dockerfile: a line that is no instruction', () => {
  const unknown = (text: string) =>
    parse(text)
      .problems.filter((p) => p.code === 'dockerfile-instruction')
      .map((p) => [p.range.start.line, p.message]);
  it.each([
    [
      'shell lines before FROM',
      'oc login --server=https://x\nwhoami\nFROM alpine\n',
      [
        [
          0,
          "'oc' is not a Dockerfile instruction: docker build stops before building anything (unknown instruction: OC)",
        ],
        [
          1,
          "'whoami' is not a Dockerfile instruction: docker build stops before building anything (unknown instruction: WHOAMI)",
        ],
      ],
    ],
    [
      'a RUN line without its continuation',
      'FROM alpine\nRUN apk add \\\n  curl\napk add git\n',
      [
        [
          3,
          "'apk' is not a Dockerfile instruction: docker build stops before building anything (unknown instruction: APK)",
        ],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(unknown(text)).toEqual(expected);
  });
  it.each([
    ['lowercase instructions', 'from alpine\nrun echo a\ncopy a /b\n'],
    [
      'a continuation with blanks after the backslash (BuildKit: `\\\\[ \\t]*$`)',
      'FROM alpine\nRUN apk add \\  \n  curl\n',
    ],
    [
      'every instruction',
      `FROM a\n${['ADD a b', 'ARG A', 'CMD a', 'COPY a b', 'ENTRYPOINT a', 'ENV A=1', 'EXPOSE 1', 'HEALTHCHECK NONE', 'LABEL a=b', 'MAINTAINER a', 'ONBUILD RUN a', 'RUN a', 'SHELL ["a"]', 'STOPSIGNAL 9', 'USER a', 'VOLUME /a', 'WORKDIR /a'].join('\n')}\n`,
    ],
  ])('no report for %s', (_name, text) => {
    expect(unknown(text)).toEqual([]);
  });
});
