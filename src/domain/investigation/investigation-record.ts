import { COMPLAINT_STATUSES, isTerminal, type ComplaintStatus } from '../complaint/complaint-status';
import type { Injury, Validity } from '../complaint/complaint-vocabulary';

type Label = { readonly 'zh-CN': string; readonly en: string };

/**
 * R-INV-1 the evidence an investigation collects (seed 002 cosmetics SOP 4.1.5, seed 004 实地调查): the returned
 * unit or photos/videos, the retained-sample retest 留样复检, production records, QC/inspection reports, shipping
 * records, and a field visit for serious cases.
 */
export const EVIDENCE_ITEM_KINDS = [
  'returned_unit',
  'photos_videos',
  'retained_sample',
  'production_records',
  'inspection_reports',
  'shipping_records',
  'field_visit',
] as const;
export type EvidenceItemKind = (typeof EVIDENCE_ITEM_KINDS)[number];

export const EVIDENCE_ITEM_LABELS: Readonly<Record<EvidenceItemKind, Label>> = {
  returned_unit: { 'zh-CN': '退回实物', en: 'Returned unit' },
  photos_videos: { 'zh-CN': '照片/视频', en: 'Photos and videos' },
  retained_sample: { 'zh-CN': '留样复检', en: 'Retained-sample retest' },
  production_records: { 'zh-CN': '生产记录', en: 'Production records' },
  inspection_reports: { 'zh-CN': '检验记录/质检报告', en: 'QC and inspection reports' },
  shipping_records: { 'zh-CN': '发货记录', en: 'Shipping records' },
  field_visit: { 'zh-CN': '现场调查', en: 'Field visit' },
};

/** Where one checklist item stands: still to do, done, or not applicable (which needs a reason). */
export const CHECKLIST_STATUSES = ['pending', 'done', 'not_applicable'] as const;
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];

export type ChecklistItem = {
  readonly status: ChecklistStatus;
  /** Why the item does not apply; required for `not_applicable` (R-INV-1). */
  readonly reason: string | null;
  /** What was found, e.g. 留样复检合格, 批号 20260301A 生产记录无异常. */
  readonly note: string | null;
  /** Evidence files of this complaint that support the item. */
  readonly evidenceIds: readonly string[];
};

/** R-INV-2 the named root-cause methods (seed 002 纠正措施程序 活动5, seed 004 鱼骨图、5W1H). */
export const ROOT_CAUSE_METHODS = [
  'five_why',
  'fishbone',
  'five_w_one_h',
  'fmea',
  'pareto',
  'eight_d',
] as const;
export type RootCauseMethod = (typeof ROOT_CAUSE_METHODS)[number];

export const ROOT_CAUSE_METHOD_LABELS: Readonly<Record<RootCauseMethod, Label>> = {
  five_why: { 'zh-CN': '5Why 分析', en: '5-Why' },
  fishbone: { 'zh-CN': '鱼骨图（人机料法测环）', en: 'Fishbone (6M)' },
  five_w_one_h: { 'zh-CN': '5W1H', en: '5W1H' },
  fmea: { 'zh-CN': 'FMEA 失效模式分析', en: 'FMEA' },
  pareto: { 'zh-CN': '柏拉图（排列图）', en: 'Pareto' },
  eight_d: { 'zh-CN': '8D', en: '8D' },
};

/** The least number of why → because steps a 5-Why chain needs; the last `because` is the root cause. */
export const FIVE_WHY_MIN_STEPS = 3;

export type FiveWhyStep = { readonly why: string; readonly because: string };

/** The fishbone's 6M categories 人机料法测环, as data. */
export const FISHBONE_CATEGORIES = [
  'man',
  'machine',
  'material',
  'method',
  'measurement',
  'environment',
] as const;
export type FishboneCategory = (typeof FISHBONE_CATEGORIES)[number];

export const FISHBONE_CATEGORY_LABELS: Readonly<Record<FishboneCategory, Label>> = {
  man: { 'zh-CN': '人', en: 'Man' },
  machine: { 'zh-CN': '机', en: 'Machine' },
  material: { 'zh-CN': '料', en: 'Material' },
  method: { 'zh-CN': '法', en: 'Method' },
  measurement: { 'zh-CN': '测', en: 'Measurement' },
  environment: { 'zh-CN': '环', en: 'Environment' },
};

export type FishboneCause = { readonly text: string; readonly root: boolean };

/** R-INV-3 the technical verdict (seed 004 4.2.3: 个别离散问题、批量问题、严重问题). */
export const VERDICTS = ['isolated', 'batch', 'serious'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_LABELS: Readonly<Record<Verdict, Label>> = {
  isolated: { 'zh-CN': '个别', en: 'Isolated' },
  batch: { 'zh-CN': '批量', en: 'Batch' },
  serious: { 'zh-CN': '严重', en: 'Serious' },
};

/** R-INV-4 what happens to the product (seed 002 cosmetics SOP 4.1.5.1–4.1.5.4). */
export const PRODUCT_OUTCOMES = ['continue_selling', 'exchange', 'repackage', 'recall'] as const;
export type ProductOutcome = (typeof PRODUCT_OUTCOMES)[number];

export const PRODUCT_OUTCOME_LABELS: Readonly<Record<ProductOutcome, Label>> = {
  continue_selling: { 'zh-CN': '无质量问题，继续销售', en: 'No quality problem: continue selling' },
  exchange: { 'zh-CN': '个别质量问题，换货或退货', en: 'Individual defect: exchange or return' },
  repackage: { 'zh-CN': '外包装问题，更换外包装', en: 'Outer packaging only: repackage' },
  recall: { 'zh-CN': '整批质量问题，召回', en: 'Whole batch: recall' },
};

/**
 * The investigation record of one complaint, as entered. Keys of `checklist` and `fishbone` and the `methods` are
 * plain strings because the record is data (stored as JSON, sent by clients); the validators name any that are not
 * in the lists above.
 */
export type InvestigationRecord = {
  readonly checklist: Readonly<Record<string, ChecklistItem>>;
  readonly methods: readonly string[];
  readonly fiveWhy: readonly FiveWhyStep[];
  readonly fishbone: Readonly<Record<string, readonly FishboneCause[]>>;
  /** 产生原因: why the defect occurred. */
  readonly occurrenceCause: string | null;
  /** 流出原因: why it escaped inspection and reached the customer. */
  readonly escapeCause: string | null;
  /** The failure mechanism batch signals count by (R-BAT-1), e.g. 密封不良, 异物-头发. */
  readonly failureMechanism: string | null;
  readonly verdict: Verdict | null;
  /** Asked for by the investigator; required anyway for a batch or serious verdict or a recall (R-INV-3). */
  readonly recallAnalysisNeeded: boolean;
  readonly productOutcome: ProductOutcome | null;
};

/** A stored investigation: the record plus its filing state and optimistic-concurrency version. */
export type Investigation = InvestigationRecord & {
  readonly complaintId: string;
  readonly filedAt: Date | null;
  readonly filedBy: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly version: number;
};

/** What the validators need to know about the complaint the record belongs to. */
export type InvestigationComplaintFacts = {
  /** The severity class code (R-CLS-2); `serious` 严重 makes a field visit required. */
  readonly severity: string | null;
  readonly injury: Injury;
  readonly validity: Validity;
  /** Ids of the evidence files attached to the complaint: the only ids a checklist item may reference. */
  readonly evidenceIds: readonly string[];
};

export const PENDING_ITEM: ChecklistItem = { status: 'pending', reason: null, note: null, evidenceIds: [] };

/** A blank record: every checklist item pending, no method, no causes, no verdict. */
export const emptyInvestigationRecord = (): InvestigationRecord => ({
  checklist: Object.fromEntries(EVIDENCE_ITEM_KINDS.map((k) => [k, PENDING_ITEM])),
  methods: [],
  fiveWhy: [],
  fishbone: {},
  occurrenceCause: null,
  escapeCause: null,
  failureMechanism: null,
  verdict: null,
  recallAnalysisNeeded: false,
  productOutcome: null,
});

/**
 * R-INV-1: a serious case needs a field visit — the complaint is classed 严重 (`serious`), someone was seriously
 * injured or died (R-AE-1), or the technical verdict is serious.
 */
export const isSeriousCase = (record: InvestigationRecord, complaint: InvestigationComplaintFacts): boolean =>
  complaint.severity === 'serious' ||
  complaint.injury === 'serious' ||
  complaint.injury === 'death' ||
  record.verdict === 'serious';

/** R-INV-3: a batch or serious verdict, or a recall outcome, needs a recall analysis whatever the investigator ticked. */
export const isRecallAnalysisRequired = (record: Pick<InvestigationRecord, 'verdict' | 'productOutcome'>) =>
  record.verdict === 'batch' || record.verdict === 'serious' || record.productOutcome === 'recall';

const EDITABLE_FROM = COMPLAINT_STATUSES.indexOf('investigating');

/**
 * The record may change once the complaint is under investigation (`investigating` or any later step) and until it
 * reaches a terminal state (closed, explained, not valid, withdrawn, reopened).
 */
export const canEditInvestigation = (status: ComplaintStatus): boolean =>
  COMPLAINT_STATUSES.indexOf(status) >= EDITABLE_FROM && !isTerminal(status);
