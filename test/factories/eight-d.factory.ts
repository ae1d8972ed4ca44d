import type { EightDSections } from '../../src/domain/capa/eight-d';

/** A complete 8D of a leaking seal, as the quality department of seed 002 would fill it in. */
export const COMPLETE_8D: EightDSections = {
  D0: { symptoms: '封口漏气，产品受潮', emergencyResponse: '当日冻结库存' },
  D1: {
    leader: '陈工（品管部）',
    members: [
      { name: '赵工', department: '工程部' },
      { name: '李主管', department: '生产部' },
    ],
  },
  D2: {
    problemStatement: '20260301A 批雪饼封口漏气',
    fiveW2H: {
      what: '封口漏气',
      why: '顾客投诉受潮',
      when: '2026-03-05 起',
      where: '华东区商超',
      who: '消费者',
      how: '封口处可见褶皱',
      howMany: '12 袋 / 5000 袋',
    },
    isIsNot: [{ dimension: 'where', is: '2 号封口机', isNot: '1 号封口机' }],
  },
  D3: {
    actions: [
      { action: '库存全检', owner: '李主管', dueOn: '2026-03-06', status: 'done', result: '挑出 40 袋' },
    ],
    effectivenessCheck: '全检后无新增投诉',
  },
  D4: {
    methods: ['5why', 'fishbone'],
    occurrenceRootCause: '封口温度设定漂移',
    escapeRootCause: '出厂检验未做密封测试',
    escapePoint: '成品检验工序',
  },
  D5: {
    actions: [
      { action: '加装温度报警', addresses: 'occurrence', owner: '赵工', dueOn: '2026-03-20' },
      { action: '增加密封抽检', addresses: 'escape', owner: '陈工', dueOn: '2026-03-15' },
    ],
  },
  D6: {
    implementations: [{ action: '加装温度报警', implementedOn: '2026-03-18', result: '试产 3 批无漏气' }],
    validation: '连续 3 批密封测试合格',
  },
  D7: { measures: '封口参数纳入点检表', documentsUpdated: ['PFMEA', '控制计划 CP-12'] },
  D8: { closureSummary: '问题关闭', recognition: '表彰 8D 小组' },
};
