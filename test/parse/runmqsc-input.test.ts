import { inputsOf, runmqscInputs } from '../../src/parse/runmqsc-input';

describe('MQSC files a script feeds runmqsc', () => {
  it.each<[string, string, object[]]>([
    ['a redirection', 'runmqsc QM1 < mqsc/dev.mqsc', [{ input: 'mqsc/dev.mqsc', queueManager: 'QM1' }]],
    [
      'glued, with options before the name',
      'runmqsc -e -w 30 -v QM1 <dev.mqsc',
      [{ input: 'dev.mqsc', queueManager: 'QM1' }],
    ],
    ['the default queue manager, output kept', 'runmqsc < dev.mqsc > out.log 2>&1', [{ input: 'dev.mqsc' }]],
    [
      'docker exec -i into a container',
      'docker exec -i qm1 runmqsc QM1 < ./mqsc/dev.mqsc',
      [{ input: './mqsc/dev.mqsc', queueManager: 'QM1', exec: { by: 'container', name: 'qm1', composeFiles: [] } }],
    ],
    [
      'cat into the pipe, docker compose exec',
      'cat "$DIR/dev.mqsc" | docker compose exec -T qmgr runmqsc QM1',
      [{ input: '$DIR/dev.mqsc', queueManager: 'QM1', exec: { by: 'service', name: 'qmgr', composeFiles: [] } }],
    ],
    ['a heredoc is MQSC written in the script (src/parse/embedded.ts), not a file', 'runmqsc QM1 <<EOF', []],
    ['echo into the pipe: no file', "echo 'DISPLAY QMGR' | runmqsc QM1", []],
    [
      // The container's own file: the model reads it only where the container's bind mount puts a tree file there.
      'a redirection inside a string the container runs is a path in the container',
      'docker exec qm1 bash -c "runmqsc QM1 < /etc/mqm/x.mqsc"',
      [
        {
          input: '/etc/mqm/x.mqsc',
          queueManager: 'QM1',
          exec: { by: 'container', composeFiles: [], name: 'qm1' },
          inContainer: true,
        },
      ],
    ],
    ['no input', 'runmqsc QM1', []],
    // runmqsc -f filename (IBM MQ 9.4 refadmin q083460; ibm-messaging/mq-ansible@bcc70d5 plugins/modules/queue_manager.py
    // runs ["runmqsc", qmname, "-f", mqsc_file]).
    [
      '-f names the file, after the name',
      'runmqsc QM1 -f mqsc/dev.mqsc',
      [{ input: 'mqsc/dev.mqsc', queueManager: 'QM1' }],
    ],
    ['-f before the name is no queue manager', 'runmqsc -f dev.mqsc QM1', [{ input: 'dev.mqsc', queueManager: 'QM1' }]],
    ['-ffile glued', 'runmqsc -fdev.mqsc', [{ input: 'dev.mqsc' }]],
    [
      "-f in a container reads the container's file",
      'docker exec qm1 runmqsc QM1 -f /etc/mqm/x.mqsc',
      [
        {
          input: '/etc/mqm/x.mqsc',
          queueManager: 'QM1',
          exec: { by: 'container', composeFiles: [], name: 'qm1' },
          inContainer: true,
        },
      ],
    ],
    // The shapes of ivansla/medium@3450938 ibm-mq-rhel-ubi/mq-setup.sh (`su - mqm -c "runmqsc ${qmgrName} <
    // /home/mqm/mq-setup.mqsc"`), of `su - mqm -c "runmqsc ${2}" < ${1}` and `docker exec -i "${CONTAINER}" bash -c
    // "runmqsc ${QMGR}" <"${MQSC_FILE}"` found with the code search; su(1): `-`, `-l`, `--login` start in the
    // user's home directory, without them the working directory stays.
    [
      'su -c, the redirection inside',
      'su mqm -c "runmqsc QM1 < mqsc/dev.mqsc"',
      [{ input: 'mqsc/dev.mqsc', queueManager: 'QM1' }],
    ],
    [
      'su - (a login shell): an absolute path stays, a relative one is in the home directory',
      'su - mqm -c "runmqsc QM1 < /home/mqm/mq-setup.mqsc" && su -l mqm -c "runmqsc QM2 < dev.mqsc"',
      [{ input: '/home/mqm/mq-setup.mqsc', queueManager: 'QM1' }],
    ],
    [
      'runuser -l, an absolute path',
      "runuser -l mqm -c 'runmqsc QM1 < /tmp/dev.mqsc'",
      [{ input: '/tmp/dev.mqsc', queueManager: 'QM1' }],
    ],
    ['sudo -u runs runmqsc itself', 'sudo -u mqm runmqsc QM1 < dev.mqsc', [{ input: 'dev.mqsc', queueManager: 'QM1' }]],
    [
      'the redirection outside: the calling shell opens the file, runmqsc inside reads it',
      'su - mqm -c "runmqsc QM1" < dev.mqsc',
      [{ input: 'dev.mqsc', queueManager: 'QM1' }],
    ],
    [
      'cat into a pipe that su runs',
      'cat dev.mqsc | sudo -u mqm bash -c "runmqsc QM1"',
      [{ input: 'dev.mqsc', queueManager: 'QM1' }],
    ],
    [
      'docker exec -i … bash -c "runmqsc" < file: the host file goes to the container',
      'docker exec -i qm1 bash -c "runmqsc QM1" < ./dev.mqsc',
      [{ input: './dev.mqsc', queueManager: 'QM1', exec: { by: 'container', name: 'qm1', composeFiles: [] } }],
    ],
    ['echo into the line su runs: no file', 'su mqm -c "echo DISPLAY QMGR | runmqsc QM1" < dev.mqsc', []],
  ])('%s', (_name, line, expected) => {
    expect(inputsOf(line)).toEqual(expected);
  });

  it('reads the lines of a script (a continued one at its first line), not a comment, nor a file that is no script', () => {
    const text = '#!/bin/sh\n# runmqsc QM0 < old.mqsc\ndocker exec -i qm1 \\\n  runmqsc QM1 < dev.mqsc\n';
    const doc = runmqscInputs({ path: '/t/setup.sh', text, hadBom: false });
    expect(doc?.data.inputs.map((i) => [i.input, i.queueManager, i.range.start.line])).toEqual([
      ['dev.mqsc', 'QM1', 2],
    ]);
    expect(runmqscInputs({ path: '/t/README.md', text: 'runmqsc QM1 < dev.mqsc\n', hadBom: false })).toBeUndefined();
  });

  // ibm-messaging/mq-container-mft@<tree> external-how-to-docs/run-with-podman/run-test.sh's shape: `podman cp
  // ./qmconfig.mqsc mftqm:/run`, then `podman exec -it mftqm /bin/bash -c "runmqsc MFTQM < /run/qmconfig.mqsc"`.
  it.each<[string, string, [string, string | undefined, number, number | undefined][]]>([
    [
      'docker cp into a directory, then a redirection inside the container',
      'docker run -d --name qm1 img\ndocker cp ./mqsc/app.mqsc qm1:/tmp/\ndocker exec qm1 bash -c "runmqsc QM1 < /tmp/app.mqsc"\n',
      [['./mqsc/app.mqsc', 'QM1', 2, 1]],
    ],
    [
      'podman cp to a directory written without a slash; -f inside the container',
      'podman cp qmconfig.mqsc mftqm:/run\npodman exec -it mftqm runmqsc MFTQM -f /run/qmconfig.mqsc\n',
      [['qmconfig.mqsc', 'MFTQM', 1, 0]],
    ],
    [
      'docker cp to the file path; the latest copy before the command wins',
      'docker cp old.mqsc qm1:/tmp/x.mqsc\ndocker cp new.mqsc qm1:/tmp/x.mqsc\ndocker exec qm1 sh -c "runmqsc < /tmp/x.mqsc"\ndocker cp later.mqsc qm1:/tmp/x.mqsc\n',
      [['new.mqsc', undefined, 2, 1]],
    ],
    [
      'a directory copied as the target',
      'docker cp ./config qm1:/opt/config\ndocker exec qm1 bash -c "runmqsc QM1 < /opt/config/mq/app.mqsc"\n',
      [['config/mq/app.mqsc', 'QM1', 1, 0]],
    ],
    [
      'another container, a copy after the command, a relative path in the container: nothing',
      'docker cp a.mqsc qm2:/tmp/\ndocker exec qm1 bash -c "runmqsc QM1 < /tmp/a.mqsc"\ndocker exec qm1 bash -c "runmqsc QM1 < /tmp/b.mqsc"\ndocker cp b.mqsc qm1:/tmp/\ndocker cp c.mqsc qm1:/tmp/\ndocker exec qm1 bash -c "cd /tmp && runmqsc QM1 < c.mqsc"\n',
      [],
    ],
    [
      // The real run-test.sh copies a second file into the same directory after the MQSC.
      'a later copy of another file into the directory does not stand for the file',
      'podman cp ./qmconfig.mqsc mftqm:/run\npodman cp ./setauth.sh mftqm:/run\npodman exec -it mftqm /bin/bash -c "runmqsc MFTQM < /run/qmconfig.mqsc"\n',
      [['./qmconfig.mqsc', 'MFTQM', 2, 0]],
    ],
    [
      'a copy out of the container is no copy in',
      'docker cp qm1:/tmp/a.mqsc ./a.mqsc\ndocker exec qm1 bash -c "runmqsc QM1 < /tmp/a.mqsc"\n',
      [],
    ],
  ])('%s', (_name, text, expected) => {
    const doc = runmqscInputs({ path: '/t/setup.sh', text: `#!/bin/bash\n${text}`, hadBom: false });
    // The host files a copy stands for (a container's own path is the model's to read through its mounts).
    expect(
      (doc?.data.inputs ?? [])
        .filter((i) => !i.inContainer)
        .map((i) => [i.input, i.queueManager, i.range.start.line - 1, i.copiedAt && i.copiedAt - 1]),
    ).toEqual(expected);
  });
});
