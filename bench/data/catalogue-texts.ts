import type { ComplaintKind, Demand, Nature, ResponsibilityStage } from '../../src/domain/complaint/complaint-vocabulary';
import { OTHER_GROUPS } from './catalogue-pieces';

/**
 * What people write, grouped by failure mechanism: each group owns its problem cores, the department that handles
 * it and how it usually ends. A description is opening + product noun + core + closing, so the classification
 * keywords (src/domain/classification/keyword-rules.ts) sit in the cores only; reference-texts.ts checks that no
 * opening, noun or closing adds or splits one.
 */
export type OpeningClass = 'food' | 'appliance' | 'ask' | 'suggest' | 'praise' | 'internal';
export type ClosingClass = 'complaint' | 'polite';

export type GroupDef = {
  readonly code: string;
  readonly kind: ComplaintKind;
  readonly category: 'food' | 'appliance' | 'any';
  /** Relative weight among the groups of the same kind and category. */
  readonly weight: number;
  /** The nature and severity a person picks when the suggestion names none. */
  readonly nature: Nature;
  readonly severity: string;
  readonly stage: ResponsibilityStage;
  /** Department codes that own the group (one is picked per complaint). */
  readonly depts: readonly string[];
  readonly opening: OpeningClass;
  readonly closing: ClosingClass;
  readonly withNoun: boolean;
  /** Share of complaints that report an injury (R-AE-1; one in ten of them serious). */
  readonly injury: number;
  /** Share ended by an explanation (no quality problem or misuse) instead of a solution. */
  readonly explain: number;
  /** Share where the unit comes back for analysis (R-SLA-12). */
  readonly unitReturn: number;
  readonly demands: readonly Demand[];
  readonly solution: { readonly kind: string; readonly text: string; readonly factor: number };
  readonly resolution: string;
  readonly cores: readonly { readonly text: string; readonly symptom: string; readonly part?: string }[];
};

const FOOD_DEPTS = ['QA-FOOD', 'PROD-W1', 'PROD-W2'];
const refund = { kind: 'refund', text: '全额退款并赠送新品一份', factor: 1 };
const exchange = { kind: 'exchange', text: '调换同款产品两份', factor: 2 };
const repair = { kind: 'repair', text: '上门检修，更换故障部件', factor: 0 };
const coupon = { kind: 'compensation', text: '赠送代金券一张表示歉意', factor: 0.3 };

const food = (g: Omit<GroupDef, 'kind' | 'category' | 'opening' | 'closing' | 'withNoun'>): GroupDef => ({
  ...g,
  kind: 'complaint',
  category: 'food',
  opening: 'food',
  closing: 'complaint',
  withNoun: true,
});
const appliance = (g: Omit<GroupDef, 'kind' | 'category' | 'opening' | 'closing' | 'withNoun'>): GroupDef => ({
  ...g,
  kind: 'complaint',
  category: 'appliance',
  opening: 'appliance',
  closing: 'complaint',
  withNoun: true,
});
const common = { injury: 0, explain: 0.05, unitReturn: 0 };

export const GROUPS: readonly GroupDef[] = [
  food({
    code: 'hair', weight: 5.2, nature: 'foreign_matter', severity: 'major', stage: 'production', depts: FOOD_DEPTS,
    ...common, unitReturn: 0.25, demands: ['refund', 'apology'], solution: refund,
    resolution: '已退款致歉，车间加强发网佩戴检查。',
    cores: [
      { text: '里面吃出一根头发', symptom: '头发' },
      { text: '里有一根很长的头发', symptom: '头发' },
      { text: '包装里发现好几根头发', symptom: '头发' },
      { text: '吃到一半发现头发', symptom: '头发' },
    ],
  }),
  food({
    code: 'insect', weight: 5, nature: 'foreign_matter', severity: 'major', stage: 'production', depts: FOOD_DEPTS,
    ...common, unitReturn: 0.3, demands: ['refund', 'compensation'], solution: refund,
    resolution: '已退款补偿，排查仓储防虫措施。',
    cores: [
      { text: '里面有一只小虫子', symptom: '虫子' },
      { text: '吃出半只虫子', symptom: '虫子' },
      { text: '打开有活的小飞虫', symptom: '飞虫' },
    ],
  }),
  food({
    code: 'hard_body', weight: 2.5, nature: 'safety', severity: 'major', stage: 'production', depts: ['QA-FOOD'],
    ...common, injury: 0.15, unitReturn: 0.6, demands: ['compensation', 'apology'], solution: coupon,
    resolution: '已赔偿并致歉，金属探测器灵敏度已复核。',
    cores: [
      { text: '吃出一小块玻璃', symptom: '玻璃' },
      { text: '咬到一根细铁丝', symptom: '铁丝' },
      { text: '里面有金属碎屑', symptom: '金属' },
    ],
  }),
  food({
    code: 'plastic', weight: 4, nature: 'foreign_matter', severity: 'major', stage: 'purchasing', depts: FOOD_DEPTS,
    ...common, unitReturn: 0.3, demands: ['exchange'], solution: exchange,
    resolution: '已调换产品，供应商包材异物已整改。',
    cores: [
      { text: '里有一片透明塑料片', symptom: '塑料片' },
      { text: '发现一团黑色线头', symptom: '线头' },
      { text: '里面有黑色杂质', symptom: '杂质' },
    ],
  }),
  food({
    code: 'mould', weight: 12, nature: 'spoilage', severity: 'major', stage: 'logistics', depts: ['QA-FOOD', 'LOG'],
    ...common, unitReturn: 0.2, demands: ['refund'], solution: refund,
    resolution: '已退款，追查运输途中温控记录。',
    cores: [
      { text: '打开就发霉了', symptom: '发霉' },
      { text: '表面长毛了', symptom: '长毛' },
      { text: '有一股很重的异味', symptom: '异味' },
      { text: '还在保质期内就变质了', symptom: '变质' },
      { text: '吃起来有哈喇味', symptom: '哈喇味' },
      { text: '里面有好几个霉点', symptom: '霉点' },
    ],
  }),
  food({
    code: 'package', weight: 14, nature: 'packaging', severity: 'minor', stage: 'logistics', depts: ['PROD-W1', 'PROD-W2', 'LOG'],
    ...common, demands: ['exchange'], solution: exchange, resolution: '已调换产品，提醒仓库加强外箱防护。',
    cores: [
      { text: '包装漏气了', symptom: '漏气' },
      { text: '外包装破损严重', symptom: '破损' },
      { text: '整袋胀袋鼓起来', symptom: '胀袋' },
      { text: '封口不严都散开了', symptom: '封口不严' },
      { text: '瓶身漏液弄湿一箱', symptom: '漏液' },
    ],
  }),
  food({
    code: 'quantity', weight: 7, nature: 'packaging', severity: 'minor', stage: 'production', depts: ['PROD-W1', 'PROD-W2'],
    ...common, demands: ['exchange'], solution: exchange, resolution: '已补发，复核包装线称重设定。',
    cores: [
      { text: '整箱少装了两包', symptom: '少装' },
      { text: '称了一下分量不足', symptom: '分量不足' },
      { text: '实际重量不足标称', symptom: '重量不足' },
    ],
  }),
  food({
    code: 'taste', weight: 10, nature: 'performance', severity: 'general', stage: 'design', depts: ['RD-FOOD'],
    ...common, explain: 0.5, demands: ['explanation'], solution: coupon, resolution: '已向顾客说明配方，反馈研发。',
    cores: [
      { text: '口感比以前硬很多', symptom: '口感' },
      { text: '吃起来太甜了', symptom: '太甜' },
      { text: '口味和以前不一样', symptom: '口味' },
    ],
  }),
  food({
    code: 'harm', weight: 4, nature: 'safety', severity: 'serious', stage: 'unknown', depts: ['QA-FOOD'],
    ...common, injury: 0.7, unitReturn: 0.5, demands: ['compensation', 'apology'], solution: coupon,
    resolution: '已慰问并承担检查费用，留样送检结果合格。',
    cores: [
      { text: '吃完后一直拉肚子', symptom: '拉肚子' },
      { text: '吃了以后呕吐', symptom: '呕吐' },
      { text: '孩子吃了过敏起疹子', symptom: '过敏' },
    ],
  }),
  food({
    code: 'food_delivery', weight: 9, nature: 'delivery', severity: 'general', stage: 'logistics', depts: ['LOG'],
    ...common, demands: ['exchange'], solution: exchange, resolution: '已重新发货并致歉。',
    cores: [
      { text: '快递送错了地址', symptom: '送错' },
      { text: '下单一周还没收到', symptom: '没收到' },
      { text: '物流太慢等了十天', symptom: '物流' },
    ],
  }),
  food({
    code: 'food_price', weight: 6, nature: 'price', severity: 'general', stage: 'unknown', depts: ['SALES-EAST', 'SALES-SOUTH', 'SALES-NORTH', 'SALES-ECOM'],
    ...common, explain: 0.6, demands: ['refund'], solution: coupon, resolution: '已按价保规则退还差价。',
    cores: [
      { text: '比超市的价格贵很多', symptom: '价格' },
      { text: '刚买就降价了想退差价', symptom: '降价' },
    ],
  }),
  food({
    code: 'food_service', weight: 5, nature: 'service', severity: 'general', stage: 'unknown', depts: ['CS-HOTLINE', 'CS-ONLINE'],
    ...common, explain: 0.3, demands: ['apology'], solution: coupon, resolution: '已致歉，相关客服已培训。',
    cores: [
      { text: '的售后客服态度很差', symptom: '态度' },
      { text: '的问题打电话推诿了三次', symptom: '推诿' },
    ],
  }),
  appliance({
    code: 'function', weight: 34, nature: 'function', severity: 'minor', stage: 'production', depts: ['AFTER', 'RD-APPL'],
    ...common, unitReturn: 0.35, demands: ['repair'], solution: repair, resolution: '已上门更换部件，试机正常。',
    cores: [
      { text: '用了三天就不制冷', symptom: '不制冷', part: '压缩机' },
      { text: '突然开不了机', symptom: '开不了机', part: '电源板' },
      { text: '通电后不加热', symptom: '不加热', part: '加热管' },
      { text: '底部一直漏水', symptom: '漏水', part: '排水管' },
      { text: '屏幕显示故障代码', symptom: '故障', part: '主板' },
      { text: '用了一个月就坏了', symptom: '坏了', part: '电机' },
    ],
  }),
  appliance({
    code: 'noise', weight: 12, nature: 'performance', severity: 'minor', stage: 'design', depts: ['RD-APPL', 'AFTER'],
    ...common, explain: 0.3, unitReturn: 0.2, demands: ['exchange'], solution: exchange, resolution: '已更换整机，原机返厂分析。',
    cores: [
      { text: '运行时噪音特别大', symptom: '噪音', part: '风扇' },
      { text: '工作时有咔咔异响', symptom: '异响', part: '电机' },
      { text: '比说明书标的耗电多很多', symptom: '耗电', part: '温控器' },
    ],
  }),
  appliance({
    code: 'fire', weight: 1.2, nature: 'safety', severity: 'serious', stage: 'design', depts: ['QA-APPL'],
    ...common, injury: 0.1, unitReturn: 0.9, demands: ['refund', 'compensation'], solution: refund,
    resolution: '已退款赔偿，故障件送检，启动批次排查。',
    cores: [
      { text: '使用时插头突然起火', symptom: '起火', part: '电源线' },
      { text: '机身冒烟后起火', symptom: '起火', part: '主板' },
    ],
  }),
  appliance({
    code: 'hazard', weight: 5, nature: 'safety', severity: 'serious', stage: 'production', depts: ['QA-APPL'],
    ...common, injury: 0.1, unitReturn: 0.7, demands: ['exchange', 'apology'], solution: exchange,
    resolution: '已更换整机，返厂检测绝缘与接线。',
    cores: [
      { text: '工作时有烧焦味', symptom: '焦味', part: '电机' },
      { text: '插座处一直打火', symptom: '打火', part: '插头' },
      { text: '外壳漏电手碰到发麻', symptom: '漏电', part: '外壳' },
    ],
  }),
  appliance({
    code: 'appearance', weight: 10, nature: 'appearance', severity: 'minor', stage: 'logistics', depts: ['PROD-W3', 'PROD-W4', 'LOG'],
    ...common, demands: ['exchange'], solution: exchange, resolution: '已更换外观件。',
    cores: [
      { text: '外壳有明显划痕', symptom: '划痕', part: '外壳' },
      { text: '面板有一处变形', symptom: '变形', part: '面板' },
      { text: '边角掉漆严重', symptom: '掉漆', part: '外壳' },
    ],
  }),
  appliance({
    code: 'misuse', weight: 8, nature: 'misuse', severity: 'general', stage: 'customer_misuse', depts: ['AFTER'],
    ...common, explain: 0.85, demands: ['explanation'], solution: repair, resolution: '已上门讲解使用方法。',
    cores: [
      { text: '的预约功能不会用', symptom: '不会用' },
      { text: '按说明书操作不当烧了保险丝', symptom: '操作不当', part: '保险丝' },
      { text: '的遥控器不知道怎么用', symptom: '不知道怎么用' },
    ],
  }),
  appliance({
    code: 'install', weight: 9, nature: 'delivery', severity: 'general', stage: 'installation', depts: ['AFTER', 'LOG'],
    ...common, demands: ['apology'], solution: coupon, resolution: '已改约安装并致歉。',
    cores: [
      { text: '送货延迟了三天', symptom: '延迟' },
      { text: '约好的发货时间一拖再拖', symptom: '发货' },
    ],
  }),
  appliance({
    code: 'appl_service', weight: 5, nature: 'service', severity: 'general', stage: 'unknown', depts: ['AFTER', 'CS-HOTLINE'],
    ...common, explain: 0.3, demands: ['apology'], solution: coupon, resolution: '已致歉并回访。',
    cores: [
      { text: '报修后维修师傅态度很差', symptom: '态度' },
      { text: '报修三次都没人管', symptom: '没人管' },
    ],
  }),
  ...OTHER_GROUPS,
];
