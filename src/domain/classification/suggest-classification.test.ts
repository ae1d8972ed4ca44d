import { describe, expect, it } from 'vitest';
import {
  FOOD_CLASSIFICATION_RULES as FOOD,
  GENERIC_CLASSIFICATION_RULES as GENERIC,
  type ClassificationRules,
} from './classification-rules';
import {
  suggestClassification,
  type ClassificationInput,
  type ClassificationSuggestion,
} from './suggest-classification';

const base: ClassificationInput = {
  description: '',
  kind: 'complaint',
  injury: 'none',
  flags: [],
  claimedAmountFen: null,
  productPriceFen: null,
  priorComplaintsSameUnit90d: 0,
  priorComplaintsSameCustomer90d: 0,
  scope: 'single_unit',
  channel: 'hotline',
  customerType: 'consumer',
};

type Case = {
  name: string;
  rules: ClassificationRules;
  input: Partial<ClassificationInput>;
  expected: Partial<ClassificationSuggestion>;
};

const quiet = { major: false, majorTriggers: [], maliciousSignals: [], suggestedFlags: [] };

describe('suggestClassification — keywords (R-CLS-1, R-CLS-2, R-CLS-6)', () => {
  const cases: readonly Case[] = [
    {
      name: 'should suggest foreign matter and major when a food complaint mentions hair (R-CLS-2 异物)',
      rules: FOOD,
      input: { description: '昨天在超市买的雪饼，打开后发现里面有一根头发，太恶心了' },
      expected: { nature: 'foreign_matter', severity: 'major', misuseSuspected: false, ...quiet },
    },
    {
      name: 'should suggest safety and major when glass is found in bread (R-CLS-1, R-CLS-3 safety)',
      rules: FOOD,
      input: { description: '面包里吃出一小块玻璃碴，幸好没咽下去' },
      expected: { nature: 'safety', severity: 'major', major: true, majorTriggers: ['safety'] },
    },
    {
      name: 'should suggest major when milk smells off before its date (R-CLS-2 变质)',
      rules: FOOD,
      input: { description: '牛奶还没过保质期就发臭了，有很重的酸味' },
      expected: { nature: 'spoilage', severity: 'major', ...quiet },
    },
    {
      name: 'should suggest packaging and minor when a gift box arrives with swollen bags (R-CLS-2 次要)',
      rules: FOOD,
      input: { description: '月饼礼盒收到时有两袋胀袋漏气' },
      expected: { nature: 'packaging', severity: 'minor', ...quiet },
    },
    {
      name: 'should suggest packaging and minor when the weight is short (R-CLS-2 数量不足)',
      rules: FOOD,
      input: { description: '标注500克，回家一称只有430克，短斤缺两' },
      expected: { nature: 'packaging', severity: 'minor' },
    },
    {
      name: 'should match a keyword when the customer typed a space inside it',
      rules: FOOD,
      input: { description: '酸奶杯封口 不严，洒了一包' },
      expected: { nature: 'packaging', severity: 'minor' },
    },
    {
      name: 'should suggest general when the customer finds biscuits too sweet (R-CLS-2 一般)',
      rules: FOOD,
      input: { description: '这款饼干太甜了，希望出个低糖的' },
      expected: { nature: null, severity: 'general', ...quiet },
    },
    {
      name: 'should not read spoilage into 倒霉 when the bag is torn',
      rules: FOOD,
      input: { description: '真倒霉，买的薯片袋子是破损的' },
      expected: { nature: 'packaging', severity: 'minor' },
    },
    {
      name: 'should let the worse problem choose the nature when hair and price are both mentioned',
      rules: FOOD,
      input: { description: '饼干里有虫子，价格还这么贵' },
      expected: { nature: 'foreign_matter', severity: 'major' },
    },
    {
      name: 'should suggest service and general when an agent hung up on the customer (R-CLS-1 服务)',
      rules: FOOD,
      input: { description: '客服态度很差，说两句就挂电话' },
      expected: { nature: 'service', severity: 'general', ...quiet },
    },
    {
      name: 'should suggest function and important when an air conditioner stops cooling (R-CLS-1 功能失效)',
      rules: GENERIC,
      input: { description: '空调用了三天就不制冷了，外机噪音很大' },
      expected: { nature: 'function', severity: 'important', ...quiet },
    },
    {
      name: 'should suggest safety and urgent when a water heater leaks current (R-CLS-2 紧急)',
      rules: GENERIC,
      input: { description: '电热水器洗澡时漏电，手麻了一下，要求赔偿500元', claimedAmountFen: 50_000 },
      expected: {
        nature: 'safety',
        severity: 'urgent',
        major: true,
        majorTriggers: ['safety', 'compensation_claimed'],
      },
    },
    {
      name: 'should suggest serious when a microwave catches fire (R-CLS-2 严重)',
      rules: GENERIC,
      input: { description: '微波炉加热时突然冒烟起火，厨房墙面被熏黑' },
      expected: { nature: 'safety', severity: 'serious', major: true },
    },
    {
      name: 'should take the first nature in table order when appearance and service tie',
      rules: GENERIC,
      input: { description: '冰箱门上有划痕，送货师傅态度也不好' },
      expected: { nature: 'appearance', severity: 'general' },
    },
    {
      name: 'should suspect misuse when the customer cannot operate the washer (R-CLS-6)',
      rules: GENERIC,
      input: { description: '洗衣机不会用，说明书看不懂' },
      expected: { nature: 'misuse', severity: 'general', misuseSuspected: true },
    },
    {
      name: 'should keep function as nature but still suspect misuse when both are mentioned (R-CLS-6)',
      rules: GENERIC,
      input: { description: '老人不会操作，以为坏了' },
      expected: { nature: 'function', severity: 'important', misuseSuspected: true },
    },
    {
      name: 'should not read a media flag into 多媒体 when a TV feature fails',
      rules: GENERIC,
      input: { description: '电视的多媒体播放功能失灵' },
      expected: { nature: 'function', severity: 'important', ...quiet },
    },
    {
      name: 'should suggest nothing when no keyword matches',
      rules: FOOD,
      input: { description: '我想反馈一下这个产品的问题，请回电' },
      expected: { nature: null, severity: null, misuseSuspected: false, ...quiet },
    },
  ];
  it.each(cases)('$name', ({ rules, input, expected }) => {
    expect(suggestClassification({ ...base, ...input }, rules)).toMatchObject(expected);
  });

  it('should cite each matched keyword rule with its words when the text matches several', () => {
    const s = suggestClassification({ ...base, description: '饼干发霉了，里面还有头发和虫' }, FOOD);
    expect(s.reasons).toEqual(
      expect.arrayContaining([
        { rule: 'R-CLS-2', detail: 'keyword foreign_matter: 头发、虫' },
        { rule: 'R-CLS-2', detail: 'keyword spoilage: 发霉' },
      ]),
    );
  });

  it('should ignore a keyword severity the taxonomy lacks when a custom rule names one', () => {
    const rules = {
      ...FOOD,
      keywordRules: [
        {
          keywords: ['胀袋'],
          topic: 'packaging',
          nature: 'packaging' as const,
          severity: 'urgent',
          rule: 'R-CLS-2',
        },
      ],
    };
    expect(suggestClassification({ ...base, description: '两袋胀袋' }, rules)).toMatchObject({
      nature: 'packaging',
      severity: null,
    });
  });
});

describe('suggestClassification — harm, scope and official channels (R-CLS-2 严重)', () => {
  const cases: readonly Case[] = [
    {
      name: 'should suggest safety and serious when a child fell ill after eating jelly (injury minor)',
      rules: FOOD,
      input: { description: '孩子吃了你们的果冻后拉肚子，现在在医院', injury: 'minor' },
      expected: { nature: 'safety', severity: 'serious', major: true, majorTriggers: ['injury', 'safety'] },
    },
    {
      name: 'should override the keyword nature with safety when the injury answer is serious',
      rules: GENERIC,
      input: { description: '沙发扶手开裂，孩子摔下来骨折了', injury: 'serious' },
      expected: { nature: 'safety', severity: 'serious', major: true, majorTriggers: ['injury', 'safety'] },
    },
    {
      name: 'should raise to serious without making it major when several dealers report the batch',
      rules: FOOD,
      input: { description: '经销商反映同一批次多箱胀袋', scope: 'batch' },
      expected: { nature: 'packaging', severity: 'serious', ...quiet },
    },
    {
      name: 'should raise to serious and major when a regulator transfers the complaint (职能部门)',
      rules: FOOD,
      input: { description: '市场监管局转来消费者投诉：月饼有异物', channel: 'regulator' },
      expected: {
        severity: 'serious',
        major: true,
        majorTriggers: ['escalation_text', 'regulator_or_media'],
        suggestedFlags: ['regulator'],
      },
    },
    {
      name: 'should raise to serious and major when a journalist is the customer (媒体投诉)',
      rules: GENERIC,
      input: { description: '记者询问贵司空调外机噪音问题', customerType: 'media' },
      expected: {
        severity: 'serious',
        major: true,
        majorTriggers: ['escalation_text', 'regulator_or_media'],
        suggestedFlags: ['media'],
      },
    },
    {
      name: 'should raise to serious when the form carries the media flag',
      rules: FOOD,
      input: { description: '薯片袋子破损', flags: ['media'] },
      expected: { severity: 'serious', major: true, majorTriggers: ['escalation_flag'] },
    },
  ];
  it.each(cases)('$name', ({ rules, input, expected }) => {
    expect(suggestClassification({ ...base, ...input }, rules)).toMatchObject(expected);
  });
});

describe('suggestClassification — kinds that report no problem (R-CLS-2, R-CLS-3)', () => {
  const cases: readonly Case[] = [
    {
      name: 'should suggest general and never major when an inquiry mentions a lawyer',
      rules: FOOD,
      input: { kind: 'inquiry', description: '多少钱一箱？我是律师事务所的，想团购', flags: ['lawyer'] },
      expected: { severity: 'general', major: false, majorTriggers: [] },
    },
    {
      name: 'should suggest general for a suggestion when its text would otherwise be major',
      rules: FOOD,
      input: { kind: 'suggestion', description: '建议包装上注明防潮，以免发霉' },
      expected: { severity: 'general', major: false },
    },
    {
      name: 'should keep the safety nature but not make it major when an inquiry asks about a hazard',
      rules: GENERIC,
      input: { kind: 'inquiry', description: '热水器漏电保护怎么测试？' },
      expected: { nature: 'safety', severity: 'general', major: false },
    },
    {
      name: 'should make even praise serious and major when an injury is answered (safety beats kind)',
      rules: GENERIC,
      input: { kind: 'praise', description: '售后师傅很好，虽然之前烫伤了', injury: 'serious' },
      expected: { nature: 'safety', severity: 'serious', major: true, majorTriggers: ['injury'] },
    },
    {
      name: 'should classify an internal report like a complaint when a worker reports a hazard',
      rules: GENERIC,
      input: { kind: 'internal_report', description: '产线抽检发现电源板短路' },
      expected: { nature: 'safety', severity: 'urgent', major: true, majorTriggers: ['safety'] },
    },
  ];
  it.each(cases)('$name', ({ rules, input, expected }) => {
    expect(suggestClassification({ ...base, ...input }, rules)).toMatchObject(expected);
  });

  it('should advise re-registering as a complaint when an injury is reported on an inquiry', () => {
    const s = suggestClassification({ ...base, kind: 'inquiry', injury: 'death' }, FOOD);
    expect(s.reasons).toContainEqual({
      rule: 'R-CLS-3',
      detail: 'injury reported on a inquiry: re-register as a complaint',
    });
  });
});
