import type { Complaint } from '../complaint/complaint';
import { maskAddress } from '../reference/mask-address';
import { maskEmail, maskPhone } from '../shared/mask-personal-data';
import type { AdverseEvent, ReportDecision, ReportFacts } from './adverse-event';
import type { AdverseEventType, Localised, ReportForm } from './adverse-event-policy';

/** What a report is built from: the complaint as recorded, the evaluation, and who reads it. */
export type ReportSubject = {
  readonly complaint: Pick<
    Complaint,
    'number' | 'receivedAt' | 'channel' | 'customer' | 'product' | 'problem' | 'injury' | 'customFields'
  >;
  readonly evaluation: AdverseEvent;
  /** Without `pii.reveal` the initial reporter's phone, e-mail and address are masked (R-SEC-1). */
  readonly revealPersonalData: boolean;
  readonly generatedAt: Date;
  readonly timeZone: string;
};

export type ReportValue = string | number | boolean | null;

export type FieldCtx = ReportSubject & {
  readonly facts: ReportFacts;
  readonly decisions: readonly ReportDecision[];
  readonly date: (d: Date | null | undefined) => string | null;
};
export type FieldDef = readonly [
  key: string,
  section: string,
  zh: string,
  en: string,
  value: (c: FieldCtx) => ReportValue,
];

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const pick = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);

const HARM: Readonly<Record<string, Localised>> = {
  death: { 'zh-CN': '死亡', en: 'death' },
  serious: { 'zh-CN': '严重伤害', en: 'serious injury' },
  minor: { 'zh-CN': '其他', en: 'other' },
  none: { 'zh-CN': '其他', en: 'other' },
};
const harmOf = (c: FieldCtx): string => HARM[c.complaint.injury]?.['zh-CN'] ?? c.complaint.injury;
const phone = (c: FieldCtx): string | null => {
  const p = c.complaint.customer.phone;
  return p === null ? null : c.revealPersonalData ? p : maskPhone(p);
};
const email = (c: FieldCtx): string | null => {
  const e = c.complaint.customer.email;
  return e === null ? null : c.revealPersonalData ? e : maskEmail(e);
};
const address = (c: FieldCtx): string | null => {
  const a = c.complaint.customer.address;
  return a === null ? null : c.revealPersonalData ? a : maskAddress(a);
};
const description = (c: FieldCtx): string =>
  [c.complaint.problem.description, text(c.complaint.problem.symptom)].filter(Boolean).join('\n');
const kindsReportable = (c: FieldCtx): string | null => {
  const kinds = c.decisions.filter((d) => d.reportable !== false).map((d) => d.reportKind);
  return kinds.length > 0 ? kinds.join(', ') : null;
};
const submitted = (c: FieldCtx): Date | null =>
  c.decisions.map((d) => d.submittedAt).find((d): d is Date => d !== null) ?? null;
const fdaEventType = (t: AdverseEventType): string =>
  t === 'death' ? 'death' : t === 'serious_injury' ? 'serious injury' : 'malfunction';
const euIncidentType = (c: FieldCtx): string =>
  c.evaluation.eventType === 'public_health_threat'
    ? 'serious public health threat'
    : c.evaluation.eventType === 'death'
      ? 'death'
      : c.evaluation.eventType === 'serious_injury'
        ? 'unanticipated serious deterioration in state of health'
        : 'other serious incident';

const D = 'device';
const NMPA: readonly FieldDef[] = [
  [
    'report.number',
    '报告信息',
    '报告编号',
    'Report number',
    (c) =>
      text(c.complaint.customFields.ae_report_no) ??
      pick(c.decisions.find((d) => d.submissionRef)?.submissionRef),
  ],
  [
    'report.type',
    '报告信息',
    '报告类型',
    'Report type',
    (c) => (c.evaluation.eventType === 'group' ? '群体' : '个例'),
  ],
  ['report.date', '报告信息', '报告日期', 'Report date', (c) => c.date(submitted(c) ?? c.generatedAt)],
  ['report.awareDate', '报告信息', '发现或获知日期', 'Date aware', (c) => c.date(c.evaluation.awareAt)],
  ['patient.name', '患者信息', '患者姓名', 'Patient name', () => null],
  ['patient.age', '患者信息', '年龄', 'Age', (c) => pick(c.facts.patientAge)],
  ['patient.sex', '患者信息', '性别', 'Sex', (c) => pick(c.facts.patientSex)],
  [
    'event.date',
    '不良事件情况',
    '事件发生日期',
    'Date of event',
    (c) => c.date(c.complaint.problem.occurredAt),
  ],
  ['event.harm', '不良事件情况', '伤害程度', 'Harm', harmOf],
  [
    'event.outcome',
    '不良事件情况',
    '伤害表现及转归',
    'Injury and outcome',
    (c) => text(c.facts.patientOutcome),
  ],
  ['event.description', '不良事件情况', '事件陈述', 'Event description', description],
  [`${D}.name`, '医疗器械情况', '产品名称', 'Product name', (c) => c.complaint.product.name],
  [`${D}.registrationNo`, '医疗器械情况', '注册证编号', 'Registration certificate no.', () => null],
  [`${D}.model`, '医疗器械情况', '型号规格', 'Model / specification', (c) => c.complaint.product.model],
  [`${D}.code`, '医疗器械情况', '产品编码', 'Product code', (c) => c.complaint.product.code],
  [`${D}.batchNo`, '医疗器械情况', '产品批号', 'Batch / lot', (c) => c.complaint.product.batchNo],
  [`${D}.serialNo`, '医疗器械情况', '产品编号', 'Serial no.', (c) => c.complaint.product.serialNo],
  [`${D}.udi`, '医疗器械情况', 'UDI', 'UDI', (c) => text(c.complaint.customFields.udi)],
  [
    `${D}.productionDate`,
    '医疗器械情况',
    '生产日期',
    'Production date',
    (c) => c.complaint.product.productionDate,
  ],
  ['use.facility', '使用情况', '使用单位', 'User facility', (c) => text(c.complaint.customFields.hospital)],
  ['use.operator', '使用情况', '操作人', 'Operator', (c) => pick(c.facts.deviceOperator)],
  ['analysis.cause', '原因分析与处置', '事件原因分析', 'Cause analysis', (c) => text(c.facts.causeAnalysis)],
  [
    'analysis.actions',
    '原因分析与处置',
    '控制措施',
    'Actions taken',
    (c) => text(c.facts.manufacturerActions),
  ],
  ['reporter.name', '报告人信息', '反馈人', 'Initial reporter', (c) => c.complaint.customer.name],
  ['reporter.phone', '报告人信息', '联系电话', 'Phone', phone],
  ['reporter.address', '报告人信息', '地址', 'Address', address],
];

const FDA: readonly FieldDef[] = [
  ['A1', 'A. Patient information', '患者标识', 'Patient identifier', (c) => c.complaint.number],
  ['A2', 'A. Patient information', '年龄', 'Age', (c) => pick(c.facts.patientAge)],
  ['A3', 'A. Patient information', '性别', 'Sex', (c) => pick(c.facts.patientSex)],
  [
    'B1',
    'B. Adverse event or product problem',
    '不良事件/产品问题',
    'Adverse event and/or product problem',
    (c) => (c.evaluation.eventType === 'malfunction' ? 'product problem' : 'adverse event'),
  ],
  [
    'B2',
    'B. Adverse event or product problem',
    '结果',
    'Outcome',
    (c) => HARM[c.complaint.injury]?.en ?? null,
  ],
  [
    'B3',
    'B. Adverse event or product problem',
    '事件日期',
    'Date of event',
    (c) => c.date(c.complaint.problem.occurredAt),
  ],
  [
    'B4',
    'B. Adverse event or product problem',
    '报告日期',
    'Date of this report',
    (c) => c.date(submitted(c) ?? c.generatedAt),
  ],
  [
    'B5',
    'B. Adverse event or product problem',
    '事件描述',
    'Describe event or problem',
    (c) => [description(c), text(c.facts.patientOutcome)].filter(Boolean).join('\n'),
  ],
  ['D1', 'D. Suspect medical device', '品牌名称', 'Brand name', (c) => c.complaint.product.name],
  ['D4.model', 'D. Suspect medical device', '型号', 'Model #', (c) => c.complaint.product.model],
  [
    'D4.catalog',
    'D. Suspect medical device',
    '目录号（公司产品编码）',
    'Catalog # (company product code)',
    (c) => c.complaint.product.code,
  ],
  ['D4.lot', 'D. Suspect medical device', '批号', 'Lot #', (c) => c.complaint.product.batchNo],
  ['D4.serial', 'D. Suspect medical device', '序列号', 'Serial #', (c) => c.complaint.product.serialNo],
  [
    'D4.udi',
    'D. Suspect medical device',
    'UDI',
    'Unique identifier (UDI) #',
    (c) => text(c.complaint.customFields.udi),
  ],
  ['D5', 'D. Suspect medical device', '操作人', 'Operator of device', (c) => pick(c.facts.deviceOperator)],
  [
    'D9',
    'D. Suspect medical device',
    '器械可供评估',
    'Device available for evaluation',
    (c) => pick(c.facts.deviceAvailableForEvaluation),
  ],
  [
    'E1',
    'E. Initial reporter',
    '初始报告人',
    'Name, address, phone',
    (c) => [c.complaint.customer.name, address(c), phone(c), email(c)].filter(Boolean).join('; '),
  ],
  [
    'G4',
    'G. All manufacturers',
    '制造商收到日期',
    'Date received by manufacturer',
    (c) => c.date(c.complaint.receivedAt),
  ],
  ['G7', 'G. All manufacturers', '报告类型', 'Type of report', kindsReportable],
  [
    'H1',
    'H. Device manufacturers only',
    '可报告事件类型',
    'Type of reportable event',
    (c) => fdaEventType(c.evaluation.eventType),
  ],
  [
    'H6',
    'H. Device manufacturers only',
    '评估结论',
    'Evaluation (method, result, conclusion)',
    (c) => text(c.facts.causeAnalysis),
  ],
  [
    'H7',
    'H. Device manufacturers only',
    '补救措施',
    'Remedial action initiated',
    (c) => text(c.facts.manufacturerActions),
  ],
];

const EU: readonly FieldDef[] = [
  [
    'admin.reportType',
    'Administrative information',
    '报告类型',
    'Type of report',
    (c) => (c.decisions.some((d) => d.submittedAt) ? 'follow-up' : 'initial'),
  ],
  [
    'admin.reportDate',
    'Administrative information',
    '报告日期',
    'Date of this report',
    (c) => c.date(submitted(c) ?? c.generatedAt),
  ],
  [
    'admin.manufacturerRef',
    'Administrative information',
    '制造商参考号',
    'Manufacturer’s reference number',
    (c) => c.complaint.number,
  ],
  [
    'admin.incidentType',
    'Administrative information',
    '事件类别',
    'Reportable incident type',
    euIncidentType,
  ],
  [
    'admin.awareDate',
    'Administrative information',
    '获知日期',
    'Date the manufacturer became aware',
    (c) => c.date(c.evaluation.awareAt),
  ],
  [
    'admin.incidentDate',
    'Administrative information',
    '事件日期',
    'Date of the incident',
    (c) => c.date(c.complaint.problem.occurredAt),
  ],
  [`${D}.tradeName`, 'Medical device information', '商品名', 'Trade name', (c) => c.complaint.product.name],
  [`${D}.model`, 'Medical device information', '型号', 'Model', (c) => c.complaint.product.model],
  [
    `${D}.catalogue`,
    'Medical device information',
    '目录号',
    'Catalogue number',
    (c) => c.complaint.product.code,
  ],
  [
    `${D}.serial`,
    'Medical device information',
    '序列号',
    'Serial number',
    (c) => c.complaint.product.serialNo,
  ],
  [
    `${D}.lot`,
    'Medical device information',
    '批号',
    'Lot / batch number',
    (c) => c.complaint.product.batchNo,
  ],
  [
    `${D}.udi`,
    'Medical device information',
    'UDI',
    'UDI-DI / UDI-PI',
    (c) => text(c.complaint.customFields.udi),
  ],
  ['incident.description', 'Incident information', '事件描述', 'Incident description narrative', description],
  [
    'incident.healthImpact',
    'Incident information',
    '健康影响',
    'Health impact / patient outcome',
    (c) => text(c.facts.patientOutcome) ?? HARM[c.complaint.injury]?.en ?? null,
  ],
  ['incident.patientAge', 'Incident information', '患者年龄', 'Patient age', (c) => pick(c.facts.patientAge)],
  [
    'incident.patientSex',
    'Incident information',
    '患者性别',
    'Patient gender',
    (c) => pick(c.facts.patientSex),
  ],
  [
    'incident.facility',
    'Incident information',
    '医疗机构',
    'Healthcare facility',
    (c) => text(c.complaint.customFields.hospital),
  ],
  [
    'incident.operator',
    'Incident information',
    '操作人',
    'Operator of the device',
    (c) => pick(c.facts.deviceOperator),
  ],
  [
    'investigation.preliminary',
    'Manufacturer’s investigation',
    '初步分析',
    'Preliminary analysis / root cause',
    (c) => text(c.facts.causeAnalysis),
  ],
  [
    'investigation.actions',
    'Manufacturer’s investigation',
    '已采取措施',
    'Actions taken',
    (c) => text(c.facts.manufacturerActions),
  ],
];

/**
 * The key fields of each form (not the whole form), grouped by the form's own sections: the NMPA 医疗器械不良事件报告表,
 * FDA MedWatch 3500A sections A/B/D/E/G/H, the EU MIR's administrative, device, incident and investigation parts.
 */
export const FORMS: Readonly<Record<ReportForm, { title: Localised; fields: readonly FieldDef[] }>> = {
  nmpa: {
    title: {
      'zh-CN': '医疗器械不良事件报告表（关键字段）',
      en: 'NMPA medical-device adverse event report (key fields)',
    },
    fields: NMPA,
  },
  fda: {
    title: { 'zh-CN': 'FDA MedWatch 3500A（关键字段）', en: 'FDA MedWatch 3500A (key fields)' },
    fields: FDA,
  },
  eu: {
    title: {
      'zh-CN': '欧盟制造商事件报告 MIR（关键字段）',
      en: 'EU Manufacturer Incident Report, MIR (key fields)',
    },
    fields: EU,
  },
};

export const NOTICE: Localised = {
  'zh-CN': '仅为从投诉记录映射的关键字段，不是完整表格；空值需在监管系统中补填，提交前请核对现行表格版本。',
  en: 'Key fields mapped from the complaint record, not the full form; fill empty values in the regulator’s system and check the current form version before filing.',
};
