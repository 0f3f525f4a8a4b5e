import { matchError } from '../../../src/cli/explain-error';
import { mqReasonCode } from '../../../src/knowledge';
import { ALL_RULES } from '../../../src/rules';

/** `lint-deploy explain-error` names the access rules for the errors people meet before they open a queue manager up. */
const ACCESS_RULES = ['mq/channel-runs-as-admin', 'mq/chlauth-disabled'];
const BY_ID: Record<string, string[]> = {
  AMQ9776: ['mq/blockuser-override-removes-admin-block'],
  AMQ9777: ['mq/address-map-allows-all'],
  '2035': ['mq/connauth-disabled', 'mq/address-map-allows-all', 'mq/blockuser-override-removes-admin-block'],
};

describe('explain-error finds the MQ access rules', () => {
  it.each(['AMQ9776', 'AMQ9777', 'MQRC_NOT_AUTHORIZED', '2035', 'AMQ9777E: Channel was blocked'])('%s', (text) => {
    const { matches, codes } = matchError(text, ALL_RULES, mqReasonCode);
    const ids = matches.map((m) => m.rule.meta.id);
    for (const id of [...ACCESS_RULES, ...(BY_ID[text] ?? [])]) expect(ids).toContain(id);
    expect(codes.length).toBe(1);
  });

  it('2035 also names mq/connauth-disabled (a rejected password is the other cause)', () => {
    expect(matchError('RC=2035', ALL_RULES, mqReasonCode).matches.map((m) => m.rule.meta.id)).toContain(
      'mq/connauth-disabled',
    );
  });
});
