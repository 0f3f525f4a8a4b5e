import { containerExecs } from '../../src/parse/container-exec';

describe('docker exec / docker compose exec in a shell line', () => {
  it.each([
    ["docker exec -i qm1 runmqsc QM1 <<'EOF'", { by: 'container', name: 'qm1', composeFiles: [] }],
    ['docker exec -it -u mqm qm1 runmqsc QM1', { by: 'container', name: 'qm1', composeFiles: [] }],
    ['docker exec -e MQ_X=1 --workdir=/tmp qm1 runmqsc', { by: 'container', name: 'qm1', composeFiles: [] }],
    ['sudo docker container exec -i qm1 runmqsc QM1 < x.mqsc', { by: 'container', name: 'qm1', composeFiles: [] }],
    ['podman exec qm1 runmqsc QM1', { by: 'container', name: 'qm1', composeFiles: [] }],
    [
      `docker exec "$cname" bash -lc "cat <<'MQSC' | runmqsc \${qmgr}`,
      { by: 'container', name: '$cname', composeFiles: [] },
    ],
    [
      'docker compose -f config/docker-compose.yml exec -T qm1 runmqsc QM1 < seed/base-qm1.mqsc',
      { by: 'service', name: 'qm1', composeFiles: ['config/docker-compose.yml'] },
    ],
    [
      'docker-compose --file=a.yml -p lab exec --index 2 mq runmqsc',
      { by: 'service', name: 'mq', composeFiles: ['a.yml'] },
    ],
    ['echo "DISPLAY QMGR" | docker exec -i qm1 runmqsc QM1', { by: 'container', name: 'qm1', composeFiles: [] }],
  ])('%s', (line, exec) => {
    expect(containerExecs(line)).toEqual([exec]);
  });

  it.each(['docker run -d --name qm1 ibmcom/mq', 'docker compose up -d', 'runmqsc QM1 <<EOF', 'docker exec'])(
    '%s runs nothing in a container',
    (line) => {
      expect(containerExecs(line)).toEqual([]);
    },
  );
});
