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

// BuildKit's logical lines (moby/buildkit@f5d08d5a04381687203ced27ef877e0c417fd122, dockerfile/1.26.0,
// frontend/dockerfile/parser/parser.go: Parse, setEscapeToken `([^\\])\\[ \t]*$|^\\[ \t]*$`; directives.go). Measured on
// 1,478 Dockerfiles under /work with that parser built from those sources: the instructions read here are the ones it makes.
describe('Dockerfile: the lines BuildKit joins', () => {
  const instructions = (text: string) =>
    parse(text).data.commands.map((c) => [c.instruction, c.range.start.line, c.text.replace(/\s+/g, ' ').trim()]);
  it.each([
    [
      // stmassey/mq-docker@dd8911a Dockerfile:53 `  && rm -rf /var/lib/apt/lists/* \ ` (a blank after the backslash).
      'an escape followed by blanks continues the line',
      'FROM alpine\nRUN apk add \\  \n  curl\nENV K=v\n',
      [
        ['RUN', 1, 'apk add \\ curl'],
        ['ENV', 3, 'K=v'],
      ],
    ],
    [
      // square/keywhiz@52e77fd Dockerfile:32-46: a usage comment `#  docker run -it \` took every comment line after it
      // and the `FROM maven:3.6-jdk-11` below them.
      'a comment line ending in the escape continues nothing',
      '# docker run -it \\\n#   -v data:/data \\\n#\nFROM maven:3.6-jdk-11\nRUN a\n',
      [['RUN', 4, 'a']],
    ],
    [
      'an escaped escape at the end ends the line (BuildKit testfiles/trailing-backslash)',
      'FROM alpine\nENV C trailing\\\\backslash\\\\\nENV D This should not be appended to C\n',
      [
        ['ENV', 1, 'C trailing\\\\backslash\\\\'],
        ['ENV', 2, 'D This should not be appended to C'],
      ],
    ],
    [
      'an escape alone on a line before an instruction: the next line starts it',
      'FROM alpine\n\\\nRUN b\n',
      [['RUN', 2, 'b']],
    ],
    [
      'an `# escape=` after a comment is a comment: the escape stays the backslash',
      '# a comment\n# escape=`\nFROM alpine\nRUN a `\nRUN b\n',
      [
        ['RUN', 3, 'a `'],
        ['RUN', 4, 'b'],
      ],
    ],
    [
      'an `# escape=` after `# syntax=` sets the escape',
      '# syntax=docker/dockerfile:1\n# escape=`\nFROM alpine\nRUN a `\n  b\n',
      [['RUN', 3, 'a ` b']],
    ],
  ])('%s', (_name, text, expected) => {
    expect(instructions(text)).toEqual(expected);
  });

  it('reads the pairs of an ENV continued after a blank', () => {
    const doc = parse('FROM alpine\nENV A=1 \\ \n    B=2\n');
    expect(doc.entries.map((e) => [e.key, e.value])).toEqual([
      ['A', '1'],
      ['B', '2'],
    ]);
  });
});
