import { ciSteps } from '../../src/parse/ci-run-steps';

/** The kept shell text, its runs of blanks squeezed, and the directory the steps run from. */
const kept = (file: string, text: string) => {
  const steps = ciSteps(file, text);
  if (!steps) return undefined;
  expect(steps.text.length).toBe(text.length);
  return { text: steps.text.replace(/[ ]+/g, ' ').trim(), directory: steps.directory };
};

describe('the shell lines of CI steps, at their places in the YAML file', () => {
  it.each<[string, string, string, { text: string; directory: string | undefined } | undefined]>([
    [
      'an Actions run: block keeps its lines; the rest is blanked',
      '/r/.github/workflows/ci.yml',
      'jobs:\n  t:\n    steps:\n      - name: up\n        run: |\n          docker run -d \\\n            img\n          echo ok\n      - uses: x\n',
      { text: 'docker run -d \\\n img\n echo ok', directory: '/r' },
    ],
    [
      'a one-line run: and an Actions expression, same length, as a variable',
      '/r/.github/workflows/ci.yaml',
      'steps:\n  - run: docker run -e A=${{ secrets.A }} img\n',
      { text: 'docker run -e A=$_______________ img', directory: '/r' },
    ],
    [
      'a folded block joins its lines with spaces',
      '/r/.github/workflows/ci.yml',
      'steps:\n  - run: >\n      docker run\n      -e A=b img\n',
      { text: 'docker run -e A=b img', directory: '/r' },
    ],
    [
      'a quoted scalar is not read',
      '/r/.github/workflows/ci.yml',
      'steps:\n  - run: "docker run img"\n',
      { text: '', directory: '/r' },
    ],
    [
      'GitLab: script: items, a plain one over two lines joined, a block item kept',
      '/r/.gitlab-ci.yml',
      'test:\n  image: docker\n  before_script:\n    - docker run -d\n      img\n  script:\n    - |\n      echo one\n      echo two\n  tags: [x]\n',
      { text: 'docker run -d img\n \n \n echo one\n echo two', directory: '/r' },
    ],
    [
      'a cd moves where later commands run: unknown',
      '/r/.gitlab-ci.yml',
      'test:\n  script:\n    - cd tests\n    - docker run img\n',
      { text: 'cd tests\n docker run img', directory: undefined },
    ],
    ['another YAML file is no CI file', '/r/deploy/ci.yml', 'run: docker run img\n', undefined],
  ])('%s', (_name, file, text, expected) => {
    expect(kept(file, text)).toEqual(expected);
  });
});
