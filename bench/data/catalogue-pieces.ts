import type { ClosingClass, GroupDef, OpeningClass } from './catalogue-texts';

/** Feedback that is not a complaint: inquiries, suggestions, praise and internal quality reports. */
const common = { injury: 0, explain: 0.05, unitReturn: 0 };
const coupon = { kind: 'compensation', text: '赠送代金券一张表示歉意', factor: 0.3 };
const repair = { kind: 'repair', text: '上门检修，更换故障部件', factor: 0 };

export const OTHER_GROUPS: readonly GroupDef[] = [
  {
    code: 'ask', kind: 'inquiry', category: 'any', weight: 1, nature: 'service', severity: 'general', stage: 'unknown',
    depts: ['CS-HOTLINE'], opening: 'ask', closing: 'polite', withNoun: true, ...common, explain: 1,
    demands: ['explanation'], solution: coupon, resolution: '已答复。',
    cores: [
      { text: '的保质期是多久', symptom: '保质期' },
      { text: '在哪里能买到', symptom: '购买渠道' },
      { text: '能不能开具发票', symptom: '发票' },
      { text: '适合老人和小孩吗', symptom: '适用人群' },
    ],
  },
  {
    code: 'suggest', kind: 'suggestion', category: 'any', weight: 1, nature: 'service', severity: 'general', stage: 'design',
    depts: ['RD-FOOD', 'RD-APPL'], opening: 'suggest', closing: 'polite', withNoun: true, ...common, explain: 1,
    demands: ['other'], solution: coupon, resolution: '已记录建议并转研发。',
    cores: [
      { text: '出一款小包装', symptom: '小包装' },
      { text: '增加更多规格', symptom: '规格' },
      { text: '的说明书写得更清楚些', symptom: '说明书' },
    ],
  },
  {
    code: 'praise', kind: 'praise', category: 'any', weight: 1, nature: 'service', severity: 'general', stage: 'unknown',
    depts: ['CS-HOTLINE'], opening: 'praise', closing: 'polite', withNoun: true, ...common, explain: 1,
    demands: [], solution: coupon, resolution: '已转达表扬。',
    cores: [
      { text: '质量很好，特此表扬', symptom: '表扬' },
      { text: '一直在用，很满意', symptom: '满意' },
    ],
  },
  {
    code: 'internal', kind: 'internal_report', category: 'any', weight: 1, nature: 'performance', severity: 'minor',
    stage: 'production', depts: ['QA-FOOD', 'QA-APPL', 'QA-LAB'], opening: 'internal', closing: 'polite', withNoun: true,
    ...common, explain: 0.1, demands: [], solution: repair, resolution: '已隔离在库品并完成整改验证。',
    cores: [
      { text: '的封口温度偏低', symptom: '封口温度' },
      { text: '的净含量偏低', symptom: '净含量' },
      { text: '的出厂检验记录不全', symptom: '检验记录' },
    ],
  },
];

/** Openings end where the product noun (or the core) begins: no punctuation, so the two run on. */
export const OPENINGS: Readonly<Record<OpeningClass, readonly string[]>> = {
  food: ['昨天买的', '上周在超市买的', '前几天网上买的', '今天早上打开的', '周末给孩子买的', '刚从便利店买的',
    '在你们旗舰店买的', '月初囤的一箱', '同事送的', '楼下小卖部买的', '中秋前买的', '团购的一批'],
  appliance: ['上个月买的', '家里的', '刚装好的', '去年买的', '用了半年的', '双十一买的', '在专卖店买的',
    '给父母买的', '公司采购的', '换季刚拿出来的'],
  ask: ['您好，请问', '你好，想问一下', '请问一下', '麻烦问下'],
  suggest: ['建议', '希望', '建议你们的', '希望你们的'],
  praise: ['买的', '家里用的', '给孩子买的'],
  internal: ['巡检发现', '抽检发现', '内审发现', '客户来料检验发现'],
};

/** Closings start with punctuation, so no classification keyword spans the core and the closing. */
export const CLOSINGS: Readonly<Record<ClosingClass, readonly string[]>> = {
  complaint: ['，请尽快处理', '，希望给个说法', '，要求退货', '，请联系我', '，已经拍照留证', '，太让人失望了',
    '，请给个解释', '。', '，请马上回电', '，希望认真对待', '！'],
  polite: ['，谢谢', '。', '！', '，谢谢你们', '，辛苦了'],
};
