import type { Locale } from '../../domain/identity/user';
import type { TemplateParts } from './notification-templates';
import type { StaffAlertPayloads, StaffAlertType } from './parse-staff-alert-event';

/** What a staff alert template reads; all plain text (the renderer escapes it for HTML). */
export type StaffAlertVars<T extends StaffAlertType> = {
  readonly payload: StaffAlertPayloads[T];
  readonly recipientName: string;
  /** Formats an instant of the payload in DEFAULT_TIME_ZONE for the reader. */
  readonly at: (iso: string) => string;
  /** The console page of the escalated record; null without PUBLIC_URL. */
  readonly url: string | null;
};

export type StaffAlertTemplate<T extends StaffAlertType> = (v: StaffAlertVars<T>) => TemplateParts;

type Recurrence = StaffAlertPayloads['capa.action_reopened']['recurrences'][number];

const MAX_RECURRENCES = 5;

const REPORT_KIND = {
  'zh-CN': { abnormality: '市场质量异常反馈单', special: '质量专题报告' },
  en: { abnormality: 'market quality abnormality report', special: 'quality special report' },
} as const;

/** The batch, failure mechanism and region lines of a batch-case mail. */
type BatchCaseFacts = { batchNo: string; mechanism: string; region?: string | null | undefined };

const zh = {
  hello: (v: { recipientName: string }) => `${v.recipientName}，您好：`,
  batchCase: (p: BatchCaseFacts) => [
    `批次：${p.batchNo}`,
    `失效机理：${p.mechanism}`,
    p.region ? `地区：${p.region}` : null,
  ],
  summary: (s: string | null | undefined) => (s ? `摘要：${s}` : null),
  link: (url: string | null, label: string) => (url ? { label, url } : null),
  recurrences: (list: readonly Recurrence[]) =>
    list.length === 0
      ? null
      : [
          '复发记录：',
          ...list
            .slice(0, MAX_RECURRENCES)
            .map(
              (r) =>
                `- 投诉 ${r.complaintNumber ?? '（无编号）'}，批次 ${r.batchNo}，生产日期 ${r.productionDate}`,
            ),
          ...(list.length > MAX_RECURRENCES ? [`等共 ${list.length} 起`] : []),
        ].join('\n'),
};

const en = {
  hello: (v: { recipientName: string }) => `Hello ${v.recipientName},`,
  batchCase: (p: BatchCaseFacts) => [
    `Batch: ${p.batchNo}`,
    `Failure mechanism: ${p.mechanism}`,
    p.region ? `Region: ${p.region}` : null,
  ],
  summary: (s: string | null | undefined) => (s ? `Summary: ${s}` : null),
  link: (url: string | null, label: string) => (url ? { label, url } : null),
  recurrences: (list: readonly Recurrence[]) =>
    list.length === 0
      ? null
      : [
          'Recurrences:',
          ...list
            .slice(0, MAX_RECURRENCES)
            .map(
              (r) =>
                `- complaint ${r.complaintNumber ?? '(no number)'}, batch ${r.batchNo}, produced ${r.productionDate}`,
            ),
          ...(list.length > MAX_RECURRENCES ? [`${list.length} in all`] : []),
        ].join('\n'),
};

type DisposalVars = Pick<StaffAlertVars<'disposal.submitted'>, 'payload'>;
type DisposalStatus = DisposalVars['payload']['status'];

/** What a disposal step asks of the reader, by the status it left the form in (R-ESC-3, seed 004 §3.3). */
const DISPOSAL_ASK: Record<
  Locale,
  Record<DisposalStatus, { subject: string; line: (v: DisposalVars) => string; reasonLabel: string }>
> = {
  'zh-CN': {
    awaiting_approval: {
      subject: '不合格品处置单待您批准',
      line: (v) =>
        `质量部的不合格品处置单 ${v.payload.number}（第 ${v.payload.round} 轮）须经总工程师批准后才发布并开始一周公示（R-ESC-3）。`,
      reasonLabel: '重新调查结论',
    },
    awaiting_ruling: {
      subject: '不合格品处置单再次收到异议，待您裁决',
      line: (v) =>
        `不合格品处置单 ${v.payload.number} 在第 ${v.payload.round} 轮公示期内再次收到异议，按规定由总工程师裁决（R-ESC-3）。`,
      reasonLabel: '异议理由',
    },
    returned: {
      subject: '不合格品处置单被退回',
      line: (v) => `总工程师退回了不合格品处置单 ${v.payload.number}，请修改后重新提交（R-ESC-3）。`,
      reasonLabel: '退回理由',
    },
    reinvestigating: {
      subject: '不合格品处置单收到异议，请重新调查',
      line: (v) =>
        `不合格品处置单 ${v.payload.number} 在公示期内收到异议，请质量部重新调查并提出新的处置决定（R-ESC-3）。`,
      reasonLabel: '异议理由',
    },
    published: {
      subject: '不合格品处置单已发布',
      line: (v) => `不合格品处置单 ${v.payload.number} 已发布（R-ESC-3）。`,
      reasonLabel: '说明',
    },
    final: {
      subject: '不合格品处置单已生效',
      line: (v) => `不合格品处置单 ${v.payload.number} 已生效（R-ESC-3）。`,
      reasonLabel: '说明',
    },
  },
  en: {
    awaiting_approval: {
      subject: 'Nonconformity disposal awaits your approval',
      line: (v) =>
        `Quality's nonconformity disposal ${v.payload.number} (round ${v.payload.round}) is published, and its one-week objection window starts, only once the chief engineer approves it (R-ESC-3).`,
      reasonLabel: 'Re-investigation findings',
    },
    awaiting_ruling: {
      subject: 'Nonconformity disposal objected to again: your ruling',
      line: (v) =>
        `Nonconformity disposal ${v.payload.number} received another objection in round ${v.payload.round}, so the chief engineer rules on it (R-ESC-3).`,
      reasonLabel: 'Objection',
    },
    returned: {
      subject: 'Nonconformity disposal returned',
      line: (v) =>
        `The chief engineer returned nonconformity disposal ${v.payload.number}; please edit and resubmit it (R-ESC-3).`,
      reasonLabel: 'Reason',
    },
    reinvestigating: {
      subject: 'Nonconformity disposal objected to: re-investigate',
      line: (v) =>
        `Nonconformity disposal ${v.payload.number} received an objection during its window; quality re-investigates and proposes a new decision (R-ESC-3).`,
      reasonLabel: 'Objection',
    },
    published: {
      subject: 'Nonconformity disposal published',
      line: (v) => `Nonconformity disposal ${v.payload.number} is published (R-ESC-3).`,
      reasonLabel: 'Note',
    },
    final: {
      subject: 'Nonconformity disposal final',
      line: (v) => `Nonconformity disposal ${v.payload.number} is final (R-ESC-3).`,
      reasonLabel: 'Note',
    },
  },
};

type DisposalType = Extract<StaffAlertType, `disposal.${string}`>;

/** One template for every disposal step (the same payload): what it asks depends on the status it left. */
const disposalTemplate = <T extends DisposalType>(): Readonly<Record<Locale, StaffAlertTemplate<T>>> => ({
  'zh-CN': (v) => {
    const ask = DISPOSAL_ASK['zh-CN'][v.payload.status];
    return {
      subject: `【${v.payload.number}】${ask.subject}`,
      greeting: zh.hello(v),
      paragraphs: [
        ask.line(v),
        zh.summary(v.payload.summary),
        `处置决定：${v.payload.decision}`,
        v.payload.reason ? `${ask.reasonLabel}：${v.payload.reason}` : null,
      ],
      action: zh.link(v.url, '查看处置单'),
    };
  },
  en: (v) => {
    const ask = DISPOSAL_ASK.en[v.payload.status];
    return {
      subject: `[${v.payload.number}] ${ask.subject}`,
      greeting: en.hello(v),
      paragraphs: [
        ask.line(v),
        en.summary(v.payload.summary),
        `Decision: ${v.payload.decision}`,
        v.payload.reason ? `${ask.reasonLabel}: ${v.payload.reason}` : null,
      ],
      action: en.link(v.url, 'Open the disposal'),
    };
  },
});

/**
 * Subject and body of every staff alert, Chinese first, then English (R-ESC-1): written to the person the
 * escalation names, in their language (zh-CN unless they chose en). Every subject carries the record's number and
 * every body the rule that escalated it, so the reader can find the record and see why they were told.
 */
export const STAFF_ALERT_TEMPLATES: {
  readonly [T in StaffAlertType]: Readonly<Record<Locale, StaffAlertTemplate<T>>>;
} = {
  'batch.case_opened': {
    'zh-CN': (v) => ({
      subject: `【${v.payload.number}】批量案件已立案，请 2 小时内完成调查`,
      greeting: zh.hello(v),
      paragraphs: [
        `批量案件 ${v.payload.number} 已立案。请于 ${v.at(v.payload.investigationDueAt)}前提交调查：留样、批量数量、当日生产状况、各地区发货（R-BAT-4、R-SLA-11）。`,
        zh.summary(v.payload.summary),
        ...zh.batchCase(v.payload),
      ],
      action: zh.link(v.url, '查看批量案件'),
    }),
    en: (v) => ({
      subject: `[${v.payload.number}] Batch case opened: investigate within 2 hours`,
      greeting: en.hello(v),
      paragraphs: [
        `Batch case ${v.payload.number} has been opened. Please file the investigation by ${v.at(v.payload.investigationDueAt)}: retained samples, batch quantity, that day's production conditions, shipments per region (R-BAT-4, R-SLA-11).`,
        en.summary(v.payload.summary),
        ...en.batchCase(v.payload),
      ],
      action: en.link(v.url, 'Open the batch case'),
    }),
  },
  'batch.report_opened': {
    'zh-CN': (v) => ({
      subject: `【${v.payload.number}】请于 72 小时内发出${REPORT_KIND['zh-CN'][v.payload.kind]}`,
      greeting: zh.hello(v),
      paragraphs: [
        `批次 ${v.payload.batchNo} 的同一失效机理投诉率为 ${v.payload.rate}（${v.payload.validComplaints} 起有效投诉 / 发货 ${v.payload.unitsShipped}），已开立${REPORT_KIND['zh-CN'][v.payload.kind]} ${v.payload.number}，请于 ${v.at(v.payload.dueAt)}前发出（${v.payload.kind === 'abnormality' ? 'R-BAT-2' : 'R-BAT-3'}、R-SLA-7）。`,
        zh.summary(v.payload.summary),
        `失效机理：${v.payload.mechanism}`,
      ],
      action: zh.link(v.url, '查看质量报告'),
    }),
    en: (v) => ({
      subject: `[${v.payload.number}] Issue the ${REPORT_KIND.en[v.payload.kind]} within 72 hours`,
      greeting: en.hello(v),
      paragraphs: [
        `Batch ${v.payload.batchNo} reached ${v.payload.rate} complaints of one failure mechanism (${v.payload.validComplaints} valid complaints / ${v.payload.unitsShipped} shipped), so the ${REPORT_KIND.en[v.payload.kind]} ${v.payload.number} is open. Please issue it by ${v.at(v.payload.dueAt)} (${v.payload.kind === 'abnormality' ? 'R-BAT-2' : 'R-BAT-3'}, R-SLA-7).`,
        en.summary(v.payload.summary),
        `Failure mechanism: ${v.payload.mechanism}`,
      ],
      action: en.link(v.url, 'Open the quality report'),
    }),
  },
  'batch.case_overdue': {
    'zh-CN': (v) => ({
      subject: `【${v.payload.number}】批量案件调查已超时升级`,
      greeting: zh.hello(v),
      paragraphs: [
        `批量案件 ${v.payload.number} 的调查应于 ${v.at(v.payload.investigationDueAt)}前提交，至今未提交，现按规则升级通知您（R-SLA-11、R-ESC-1）。`,
        zh.summary(v.payload.summary),
        ...zh.batchCase(v.payload),
      ],
      action: zh.link(v.url, '查看批量案件'),
    }),
    en: (v) => ({
      subject: `[${v.payload.number}] Batch case investigation overdue: escalated`,
      greeting: en.hello(v),
      paragraphs: [
        `The investigation of batch case ${v.payload.number} was due by ${v.at(v.payload.investigationDueAt)} and has not been filed, so it is escalated to you (R-SLA-11, R-ESC-1).`,
        en.summary(v.payload.summary),
        ...en.batchCase(v.payload),
      ],
      action: en.link(v.url, 'Open the batch case'),
    }),
  },
  'quality_report.overdue': {
    'zh-CN': (v) => ({
      subject: `【${v.payload.number}】${REPORT_KIND['zh-CN'][v.payload.kind]}逾期未发出`,
      greeting: zh.hello(v),
      paragraphs: [
        `${REPORT_KIND['zh-CN'][v.payload.kind]} ${v.payload.number} 应于 ${v.at(v.payload.dueAt)}前发出，至今未发出，现按规则升级通知您（R-SLA-7、R-ESC-1）。`,
        zh.summary(v.payload.summary),
        `批次：${v.payload.batchNo}`,
        `失效机理：${v.payload.mechanism}`,
      ],
      action: zh.link(v.url, '查看质量报告'),
    }),
    en: (v) => ({
      subject: `[${v.payload.number}] Overdue ${REPORT_KIND.en[v.payload.kind]}: not issued`,
      greeting: en.hello(v),
      paragraphs: [
        `The ${REPORT_KIND.en[v.payload.kind]} ${v.payload.number} was due by ${v.at(v.payload.dueAt)} and has not been issued, so it is escalated to you (R-SLA-7, R-ESC-1).`,
        en.summary(v.payload.summary),
        `Batch: ${v.payload.batchNo}`,
        `Failure mechanism: ${v.payload.mechanism}`,
      ],
      action: en.link(v.url, 'Open the quality report'),
    }),
  },
  'capa.action_overdue': {
    'zh-CN': (v) => ({
      subject: `【${v.payload.number}】CAPA 措施已超期：${v.payload.title}`,
      greeting: zh.hello(v),
      paragraphs: [
        `CAPA 措施 ${v.payload.number}「${v.payload.title}」应于 ${v.at(v.payload.dueAt)}前完成，至今未完成，现通知责任人及其上级（R-CAPA-1、R-ESC-1）。`,
        zh.summary(v.payload.summary),
      ],
      action: zh.link(v.url, '查看 CAPA 措施'),
    }),
    en: (v) => ({
      subject: `[${v.payload.number}] CAPA action overdue: ${v.payload.title}`,
      greeting: en.hello(v),
      paragraphs: [
        `CAPA action ${v.payload.number} "${v.payload.title}" was due by ${v.at(v.payload.dueAt)} and is not done, so its owner and the manager above are told (R-CAPA-1, R-ESC-1).`,
        en.summary(v.payload.summary),
      ],
      action: en.link(v.url, 'Open the CAPA action'),
    }),
  },
  'capa.action_reopened': {
    'zh-CN': (v) => ({
      subject: `【${v.payload.number}】CAPA 措施效果验证未通过，已重新打开`,
      greeting: zh.hello(v),
      paragraphs: [
        `效果验证发现问题复发，CAPA 措施 ${v.payload.number} 已第 ${v.payload.reopenCount} 次重新打开，新的完成期限为 ${v.at(v.payload.dueAt)}（R-CAPA-3）。`,
        zh.summary(v.payload.summary),
        zh.recurrences(v.payload.recurrences),
      ],
      action: zh.link(v.url, '查看 CAPA 措施'),
    }),
    en: (v) => ({
      subject: `[${v.payload.number}] CAPA action not effective: reopened`,
      greeting: en.hello(v),
      paragraphs: [
        `The effectiveness check found the problem again: CAPA action ${v.payload.number} is reopened (reopening no. ${v.payload.reopenCount}) and now due by ${v.at(v.payload.dueAt)} (R-CAPA-3).`,
        en.summary(v.payload.summary),
        en.recurrences(v.payload.recurrences),
      ],
      action: en.link(v.url, 'Open the CAPA action'),
    }),
  },
  'capa.action_review': {
    'zh-CN': (v) => ({
      subject: `【${v.payload.number}】CAPA 措施多次无效，提交质量评审会`,
      greeting: zh.hello(v),
      paragraphs: [
        `CAPA 措施 ${v.payload.number} ${v.payload.reopenCount > 0 ? `已重新打开 ${v.payload.reopenCount} 次，问题仍然复发` : '效果验证发现问题复发'}，按规则提交质量改进评审会处理，新的完成期限为 ${v.at(v.payload.dueAt)}（R-CAPA-3）。`,
        zh.summary(v.payload.summary),
        zh.recurrences(v.payload.recurrences),
      ],
      action: zh.link(v.url, '查看 CAPA 措施'),
    }),
    en: (v) => ({
      subject: `[${v.payload.number}] CAPA action not effective: quality review meeting`,
      greeting: en.hello(v),
      paragraphs: [
        `The problem has recurred${v.payload.reopenCount > 0 ? ` although CAPA action ${v.payload.number} was reopened ${v.payload.reopenCount === 1 ? 'once' : `${v.payload.reopenCount} times`}` : ` after CAPA action ${v.payload.number}`}, so the action goes to the quality review meeting; it is now due by ${v.at(v.payload.dueAt)} (R-CAPA-3).`,
        en.summary(v.payload.summary),
        en.recurrences(v.payload.recurrences),
      ],
      action: en.link(v.url, 'Open the CAPA action'),
    }),
  },
  'disposal.submitted': disposalTemplate(),
  'disposal.resubmitted': disposalTemplate(),
  'disposal.redecided': disposalTemplate(),
  'disposal.returned': disposalTemplate(),
  'disposal.objected': disposalTemplate(),
};
