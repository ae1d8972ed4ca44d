/**
 * What happened, as far as reporting is concerned (R-AE-1/2):
 * - `death`, `serious_injury`: a patient or user died or was seriously injured (the complaint's injury answer);
 * - `malfunction`: a malfunction that would be likely to cause or contribute to death or serious injury if it recurred;
 * - `group`: a group (cluster) event 群体不良事件 — several patients in one place and period with the same device;
 * - `public_health_threat`: a serious public-health threat, or an event that needs remedial action to prevent an
 *   unreasonable risk of substantial harm to public health (FDA 5-day report, EU MDR art. 87(4)).
 */
export const ADVERSE_EVENT_TYPES = [
  'death',
  'serious_injury',
  'malfunction',
  'group',
  'public_health_threat',
] as const;
export type AdverseEventType = (typeof ADVERSE_EVENT_TYPES)[number];

/** Which of two event types weighs more (the evaluation shows the heaviest one it was opened or extended for). */
export const EVENT_TYPE_WEIGHT: Readonly<Record<AdverseEventType, number>> = {
  malfunction: 1,
  serious_injury: 2,
  death: 3,
  group: 4,
  public_health_threat: 5,
};

/** The report forms the export knows: NMPA 医疗器械不良事件报告表, FDA MedWatch 3500A, EU MIR. */
export const REPORT_FORMS = ['nmpa', 'fda', 'eu'] as const;
export type ReportForm = (typeof REPORT_FORMS)[number];

/** LAW.md confidence of a number: A primary text, B ≥2 secondary sources, C one source, UNCONFIRMED. */
export const CONFIDENCES = ['A', 'B', 'C', 'UNCONFIRMED'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export type Localised = { readonly 'zh-CN': string; readonly en: string };

/**
 * How long a report may take, counted from awareness:
 * - `hours`: wall-clock hours from the moment of awareness (NMPA group event 12 h / 24 h);
 * - `calendar_days`: the day of awareness is not counted (民法典 art. 201; FDA "after the day"); due 24:00 local time
 *   of day N on the company's time zone; a weekend or holiday as last day does NOT extend it;
 * - `work_days`: due 24:00 of the N-th working day after the day of awareness — on the company calendar with its
 *   holidays and make-up days (`company`), or Monday–Friday without holidays (`weekdays`).
 */
export type ReportDuration =
  | { readonly unit: 'hours'; readonly amount: number }
  | { readonly unit: 'calendar_days'; readonly amount: number }
  | { readonly unit: 'work_days'; readonly amount: number; readonly calendar: 'company' | 'weekdays' };

/** One report a regulation asks for, for the event types it lists, with its deadline and where the number is from. */
export type ReportKindRule = {
  readonly kind: string;
  readonly label: Localised;
  readonly appliesTo: readonly AdverseEventType[];
  readonly duration: ReportDuration;
  readonly source: string;
  readonly confidence: Confidence;
};

/** A regulation (jurisdiction) with the report kinds it asks for and the form its export fills. */
export type Regulation = {
  readonly code: string;
  readonly label: Localised;
  readonly form: ReportForm | null;
  readonly reportKinds: readonly ReportKindRule[];
};

/**
 * The adverse-event policy (R-AE-2, policy key `adverse_event_policy`): the regulations known, which apply to every
 * medical device (`jurisdictions`), and the extra markets of single products by product code
 * (`productJurisdictions`: products have no market column).
 */
export type AdverseEventPolicy = {
  readonly version: number;
  readonly jurisdictions: readonly string[];
  readonly productJurisdictions: Readonly<Record<string, readonly string[]>>;
  readonly regulations: readonly Regulation[];
};

const NMPA_SOURCE =
  '医疗器械不良事件监测和再评价管理办法 (SAMR & NHC order 1, 2018), article numbers unconfirmed';

/**
 * Defaults from LAW.md §1.8, §2.4, §2.6. China: death 7 days, serious injury (or may cause one) 20 days, group event
 * 12 h by phone/fax and 24 h for the individual reports (all B). US 21 CFR 803: 30 calendar days, 5 work days (A).
 * EU MDR art. 87: 2 days (A), 10 days (B for the figure), 15 days (A).
 */
export const DEFAULT_ADVERSE_EVENT_POLICY: AdverseEventPolicy = {
  version: 1,
  jurisdictions: ['CN-NMPA'],
  productJurisdictions: {},
  regulations: [
    {
      code: 'CN-NMPA',
      label: { 'zh-CN': '中国 国家药监局（NMPA）', en: 'China NMPA' },
      form: 'nmpa',
      reportKinds: [
        {
          kind: 'individual_death',
          label: { 'zh-CN': '个例不良事件（死亡）7日内报告', en: 'Individual event (death) within 7 days' },
          appliesTo: ['death'],
          duration: { unit: 'calendar_days', amount: 7 },
          source: NMPA_SOURCE,
          confidence: 'B',
        },
        {
          kind: 'individual_serious',
          label: {
            'zh-CN': '个例不良事件（严重伤害/可能导致严重伤害或死亡）20日内报告',
            en: 'Individual event (serious injury, or may cause one or death) within 20 days',
          },
          appliesTo: ['serious_injury', 'malfunction', 'public_health_threat'],
          duration: { unit: 'calendar_days', amount: 20 },
          source: NMPA_SOURCE,
          confidence: 'B',
        },
        {
          kind: 'group_phone',
          label: {
            'zh-CN': '群体不良事件 12小时内电话或传真报告',
            en: 'Group event: phone or fax report within 12 hours',
          },
          appliesTo: ['group'],
          duration: { unit: 'hours', amount: 12 },
          source: NMPA_SOURCE,
          confidence: 'B',
        },
        {
          kind: 'group_individual',
          label: {
            'zh-CN': '群体不良事件 24小时内填报个例报告',
            en: 'Group event: an individual report for each event within 24 hours',
          },
          appliesTo: ['group'],
          duration: { unit: 'hours', amount: 24 },
          source: NMPA_SOURCE,
          confidence: 'B',
        },
        {
          kind: 'group_holder_report',
          label: {
            'zh-CN': '群体不良事件 持有人调查与自查 7日内报告',
            en: 'Group event: holder’s investigation and self-inspection within 7 days',
          },
          appliesTo: ['group'],
          duration: { unit: 'calendar_days', amount: 7 },
          source: NMPA_SOURCE,
          confidence: 'B',
        },
      ],
    },
    {
      code: 'US-FDA',
      label: { 'zh-CN': '美国 FDA（21 CFR 803 MDR）', en: 'US FDA (21 CFR 803 MDR)' },
      form: 'fda',
      reportKinds: [
        {
          kind: 'mdr_30_day',
          label: { 'zh-CN': 'MDR 30日报告', en: 'MDR 30-day report' },
          appliesTo: ['death', 'serious_injury', 'malfunction', 'group'],
          duration: { unit: 'calendar_days', amount: 30 },
          source: '21 CFR 803.10(c)(1), 803.50(a)',
          confidence: 'A',
        },
        {
          kind: 'mdr_5_day',
          label: {
            'zh-CN': 'MDR 5个工作日报告（需采取补救措施）',
            en: 'MDR 5-day report (remedial action to prevent an unreasonable risk)',
          },
          appliesTo: ['public_health_threat', 'group'],
          duration: { unit: 'work_days', amount: 5, calendar: 'weekdays' },
          source: '21 CFR 803.10(c)(2), 803.53',
          confidence: 'A',
        },
      ],
    },
    {
      code: 'EU-MDR',
      label: { 'zh-CN': '欧盟 MDR 警戒（第87条）', en: 'EU MDR vigilance (art. 87)' },
      form: 'eu',
      reportKinds: [
        {
          kind: 'public_health_threat',
          label: {
            'zh-CN': '严重公共卫生威胁 2日内报告',
            en: 'Serious public health threat within 2 days',
          },
          appliesTo: ['public_health_threat', 'group'],
          duration: { unit: 'calendar_days', amount: 2 },
          source: 'Regulation (EU) 2017/745 art. 87(4)',
          confidence: 'A',
        },
        {
          kind: 'death_or_deterioration',
          label: {
            'zh-CN': '死亡或非预期的健康状况严重恶化 10日内报告',
            en: 'Death or unanticipated serious deterioration within 10 days',
          },
          appliesTo: ['death', 'serious_injury'],
          duration: { unit: 'calendar_days', amount: 10 },
          source: 'Regulation (EU) 2017/745 art. 87(5)',
          confidence: 'B',
        },
        {
          kind: 'serious_incident',
          label: { 'zh-CN': '其他严重事件 15日内报告', en: 'Other serious incident within 15 days' },
          appliesTo: ['malfunction'],
          duration: { unit: 'calendar_days', amount: 15 },
          source: 'Regulation (EU) 2017/745 art. 87(3)',
          confidence: 'A',
        },
      ],
    },
  ],
};

/**
 * The jurisdictions whose deadlines apply to a product (R-AE-2): those of every medical device plus the product's
 * own markets, in the order of the policy's regulations, each once. Codes without a regulation are left out.
 */
export const findJurisdictions = (
  policy: AdverseEventPolicy,
  productCode: string | null,
): readonly string[] => {
  const extra =
    productCode !== null && Object.hasOwn(policy.productJurisdictions, productCode)
      ? (policy.productJurisdictions[productCode] ?? [])
      : [];
  const wanted = new Set([...policy.jurisdictions, ...extra]);
  return policy.regulations.map((r) => r.code).filter((code) => wanted.has(code));
};
