import { randomUUID } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../app/logger';
import type { OutboxEvent } from '../../app/outbox/deliver-outbox';
import { testConfig } from '../../../test/test-deps';
import { createTestClock } from '../../../test/test-clock';
import type { NotifyDeps } from './notification-handler';
import { buildNotificationHandlers } from './notify-handlers';
import type { StaffAlertType } from './parse-staff-alert-event';
import { startSmtpCapture, type SmtpCapture } from './smtp-capture.test-support';
import { createStaffAlertChannel } from './staff-alert.channel';

let smtp: SmtpCapture;
const logLines: string[] = [];
const deps: NotifyDeps = {
  config: testConfig({ PUBLIC_URL: 'https://qa.example.com/' }),
  clock: createTestClock(),
  log: createLogger('info', { write: (line: string) => void logLines.push(line) }),
};
const from = 'Closeloop 质量 <no-reply@qa.example.com>';
let channel: ReturnType<typeof createStaffAlertChannel>;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  channel = createStaffAlertChannel({ smtpUrl: smtp.url, from });
});
afterAll(() => smtp.close());
beforeEach(() => {
  smtp.received.length = 0;
  logLines.length = 0;
});

const CJK = /[\u4e00-\u9fff]/;
const AGGREGATE = '0195a1b2-0000-7000-8000-0000000000aa';
const GM = { userId: 'u-gm', displayName: '王总', email: 'gm@factory.example', locale: 'zh-CN' } as const;
const QE = {
  userId: 'u-qe',
  displayName: 'Alice Smith',
  email: 'alice@factory.example',
  locale: 'en',
} as const;
const NO_MAIL = { userId: 'u-nomail', displayName: '李工', email: null, locale: 'zh-CN' } as const;
/** An older CAPA recipient: neither address nor language (events written before they were carried). */
const LEGACY = { userId: 'u-legacy', displayName: '赵六' } as const;

const RECURRENCES = [
  { complaintNumber: 'KS-2026-000321', batchNo: 'B2026-0611', productionDate: '2026-06-11' },
  { complaintNumber: null, batchNo: 'B2026-0612', productionDate: '2026-06-12' },
];

const disposalStep = (status: string, round: number, reason: string | null) => ({
  number: 'CZ-2026-0003',
  status,
  round,
  objectionUntil: null,
  decision: '整批返工后降级销售',
  reason,
  summary: '不合格品处置单 Nonconformity disposal CZ-2026-0003: 内胆涂层脱落 120 台',
  recipients: [GM, QE, NO_MAIL],
});
/** Who an opening names (every quality engineer), and who an overdue escalation names (the GM and quality). */
const QUALITY_TOLD = [GM, QE, NO_MAIL].map((r) => ({ ...r, role: 'quality_engineer' }));
const GM_AND_QUALITY_TOLD = [
  { ...GM, role: 'general_manager' },
  { ...QE, role: 'quality_engineer' },
  { ...NO_MAIL, role: 'quality_engineer' },
];

/** A payload as each emitter writes it (see escalate-overdue-*.ts, sweep-capa.ts, verify-capa-action.ts). */
const PAYLOADS: Record<StaffAlertType, Record<string, unknown>> = {
  'batch.case_opened': {
    caseId: AGGREGATE,
    number: 'PL-2026-0007',
    productId: 'p-1',
    batchNo: 'B2026-0301',
    mechanism: 'coating_peel',
    region: '华东',
    complaints: 3,
    investigationDueAt: '2026-03-03T09:30:00.000Z',
    recipients: QUALITY_TOLD,
    summary: '批量案件已立案 Batch case opened: PL-2026-0007 B2026-0301 (coating_peel, 华东)',
  },
  'batch.report_opened': {
    reportId: AGGREGATE,
    number: 'YC-2026-0012',
    kind: 'abnormality',
    productId: 'p-1',
    batchNo: 'B2026-0301',
    mechanism: 'coating_peel',
    triggers: ['rate'],
    rate: '3.5‰',
    validComplaints: 35,
    unitsShipped: 10_000,
    firstComplaintAt: '2026-02-28T09:30:00.000Z',
    dueAt: '2026-03-03T09:30:00.000Z',
    recipients: QUALITY_TOLD,
    summary:
      '市场质量异常反馈单已开立 Market quality abnormality report opened: YC-2026-0012 B2026-0301 (coating_peel) 3.5‰',
  },
  'batch.case_overdue': {
    caseId: AGGREGATE,
    number: 'PL-2026-0007',
    productId: 'p-1',
    batchNo: 'B2026-0301',
    mechanism: 'coating_peel',
    region: '华东',
    status: 'investigating',
    investigationDueAt: '2026-03-03T09:30:00.000Z',
    minutesOverdue: 15,
    recipients: GM_AND_QUALITY_TOLD,
    summary: '批量调查超时 Batch investigation overdue: PL-2026-0007 B2026-0301 (coating_peel)',
    rules: [{ rule: 'R-SLA-11', detail: 'investigation_overdue_escalated' }],
  },
  'quality_report.overdue': {
    reportId: AGGREGATE,
    number: 'YC-2026-0012',
    kind: 'abnormality',
    productId: 'p-1',
    batchNo: 'B2026-0301',
    mechanism: 'coating_peel',
    firstComplaintAt: '2026-02-28T09:30:00.000Z',
    dueAt: '2026-03-03T09:30:00.000Z',
    hoursOverdue: 1,
    recipients: GM_AND_QUALITY_TOLD,
    summary:
      '市场质量异常反馈单 market quality abnormality report 超过 72 小时未发出 overdue: YC-2026-0012 B2026-0301 (coating_peel)',
    rules: [{ rule: 'R-SLA-7', detail: 'report_overdue_escalated' }],
  },
  'capa.action_overdue': {
    number: 'CA-2026-0042',
    title: '内胆涂层工艺改进',
    dueAt: '2026-03-03T09:30:00.000Z',
    recipients: [GM, QE, NO_MAIL, LEGACY],
  },
  'capa.action_reopened': {
    number: 'CA-2026-0042',
    outcome: 'reopened',
    reopenCount: 1,
    dueAt: '2026-03-03T09:30:00.000Z',
    recipients: [GM, QE, NO_MAIL],
    recurrences: RECURRENCES,
  },
  'capa.action_review': {
    number: 'CA-2026-0042',
    outcome: 'review',
    reopenCount: 2,
    dueAt: '2026-03-03T09:30:00.000Z',
    recipients: [GM, QE, NO_MAIL],
    recurrences: RECURRENCES,
  },
  'disposal.submitted': disposalStep('awaiting_approval', 1, null),
  'disposal.resubmitted': disposalStep('awaiting_approval', 1, null),
  'disposal.redecided': disposalStep('awaiting_approval', 2, '复测 3 批留样，涂层附着力合格'),
  'disposal.returned': disposalStep('returned', 1, '返工方案缺少检验标准'),
  'disposal.objected': disposalStep('awaiting_ruling', 2, '销售部认为降级销售影响品牌'),
};

const alertEvent = (type: StaffAlertType, overrides: Record<string, unknown> = {}): OutboxEvent => ({
  id: randomUUID(),
  type,
  aggregateType: type.split('.')[0] === 'capa' ? 'capa_action' : (type.split('.')[0] ?? ''),
  aggregateId: AGGREGATE,
  payload: { ...PAYLOADS[type], ...overrides },
  occurredAt: new Date('2026-03-03T09:45:00.000Z'),
  attempts: 1,
});

type Received = ParsedMail & { envelopeTo: readonly string[] };
const received = (): Promise<Received[]> =>
  Promise.all(smtp.received.map(async (m) => Object.assign(await simpleParser(m.raw), { envelopeTo: m.to })));
const mailTo = (mails: readonly Received[], address: string): Received => {
  const mail = mails.find((m) => m.envelopeTo.includes(address));
  if (!mail) throw new Error(`no mail to ${address}`);
  return mail;
};

type Case = {
  readonly rule: string;
  readonly type: StaffAlertType;
  readonly path: string;
  readonly zh: { readonly subject: string; readonly facts: readonly string[] };
  readonly en: { readonly subject: string; readonly facts: readonly string[] };
};

const CASES: readonly Case[] = [
  {
    rule: 'R-SLA-11',
    type: 'batch.case_opened',
    path: '/batch-cases/',
    zh: {
      subject: '【PL-2026-0007】批量案件已立案，请 2 小时内完成调查',
      facts: [
        '批量案件 PL-2026-0007 已立案。请于 2026-03-03 17:30（中国标准时间）前提交调查',
        '（R-BAT-4、R-SLA-11）',
        '批次：B2026-0301',
        '地区：华东',
        '查看批量案件: ',
      ],
    },
    en: {
      subject: '[PL-2026-0007] Batch case opened: investigate within 2 hours',
      facts: [
        'Please file the investigation by 2026-03-03 17:30 (China Standard Time)',
        '(R-BAT-4, R-SLA-11)',
        'Failure mechanism: coating_peel',
        'Open the batch case: ',
      ],
    },
  },
  {
    rule: 'R-SLA-7',
    type: 'batch.report_opened',
    path: '/quality-reports/',
    zh: {
      subject: '【YC-2026-0012】请于 72 小时内发出市场质量异常反馈单',
      facts: [
        '批次 B2026-0301 的同一失效机理投诉率为 3.5‰（35 起有效投诉 / 发货 10000）',
        '请于 2026-03-03 17:30（中国标准时间）前发出（R-BAT-2、R-SLA-7）',
        '查看质量报告: ',
      ],
    },
    en: {
      subject: '[YC-2026-0012] Issue the market quality abnormality report within 72 hours',
      facts: [
        'Batch B2026-0301 reached 3.5‰ complaints of one failure mechanism (35 valid complaints / 10000 shipped)',
        'Please issue it by 2026-03-03 17:30 (China Standard Time) (R-BAT-2, R-SLA-7)',
        'Open the quality report: ',
      ],
    },
  },
  {
    rule: 'R-SLA-11',
    type: 'batch.case_overdue',
    path: '/batch-cases/',
    zh: {
      subject: '【PL-2026-0007】批量案件调查已超时升级',
      facts: [
        '批量案件 PL-2026-0007 的调查应于 2026-03-03 17:30（中国标准时间）前提交',
        '（R-SLA-11、R-ESC-1）',
        '摘要：批量调查超时 Batch investigation overdue: PL-2026-0007 B2026-0301 (coating_peel)',
        '批次：B2026-0301',
        '失效机理：coating_peel',
        '地区：华东',
        '查看批量案件: ',
      ],
    },
    en: {
      subject: '[PL-2026-0007] Batch case investigation overdue: escalated',
      facts: [
        'The investigation of batch case PL-2026-0007 was due by 2026-03-03 17:30 (China Standard Time)',
        '(R-SLA-11, R-ESC-1)',
        'Batch: B2026-0301',
        'Failure mechanism: coating_peel',
        'Open the batch case: ',
      ],
    },
  },
  {
    rule: 'R-SLA-7',
    type: 'quality_report.overdue',
    path: '/quality-reports/',
    zh: {
      subject: '【YC-2026-0012】市场质量异常反馈单逾期未发出',
      facts: [
        '市场质量异常反馈单 YC-2026-0012 应于 2026-03-03 17:30（中国标准时间）前发出',
        '（R-SLA-7、R-ESC-1）',
        '批次：B2026-0301',
        '失效机理：coating_peel',
        '查看质量报告: ',
      ],
    },
    en: {
      subject: '[YC-2026-0012] Overdue market quality abnormality report: not issued',
      facts: [
        'was due by 2026-03-03 17:30 (China Standard Time) and has not been issued',
        '(R-SLA-7, R-ESC-1)',
        'Batch: B2026-0301',
        'Open the quality report: ',
      ],
    },
  },
  {
    rule: 'R-CAPA-1',
    type: 'capa.action_overdue',
    path: '/capa-actions/',
    zh: {
      subject: '【CA-2026-0042】CAPA 措施已超期：内胆涂层工艺改进',
      facts: [
        'CAPA 措施 CA-2026-0042「内胆涂层工艺改进」应于 2026-03-03 17:30（中国标准时间）前完成',
        '查看 CAPA 措施: ',
      ],
    },
    en: {
      subject: '[CA-2026-0042] CAPA action overdue: 内胆涂层工艺改进',
      facts: ['was due by 2026-03-03 17:30 (China Standard Time) and is not done', '(R-CAPA-1, R-ESC-1)'],
    },
  },
  {
    rule: 'R-CAPA-3',
    type: 'capa.action_reopened',
    path: '/capa-actions/',
    zh: {
      subject: '【CA-2026-0042】CAPA 措施效果验证未通过，已重新打开',
      facts: [
        '已第 1 次重新打开，新的完成期限为 2026-03-03 17:30（中国标准时间）（R-CAPA-3）',
        '- 投诉 KS-2026-000321，批次 B2026-0611，生产日期 2026-06-11',
        '- 投诉 （无编号），批次 B2026-0612，生产日期 2026-06-12',
      ],
    },
    en: {
      subject: '[CA-2026-0042] CAPA action not effective: reopened',
      facts: [
        'is reopened (reopening no. 1) and now due by 2026-03-03 17:30 (China Standard Time) (R-CAPA-3)',
        '- complaint KS-2026-000321, batch B2026-0611, produced 2026-06-11',
      ],
    },
  },
  {
    rule: 'R-CAPA-3',
    type: 'capa.action_review',
    path: '/capa-actions/',
    zh: {
      subject: '【CA-2026-0042】CAPA 措施多次无效，提交质量评审会',
      facts: ['已重新打开 2 次，问题仍然复发，按规则提交质量改进评审会处理', '复发记录：'],
    },
    en: {
      subject: '[CA-2026-0042] CAPA action not effective: quality review meeting',
      facts: ['although CAPA action CA-2026-0042 was reopened 2 times', 'goes to the quality review meeting'],
    },
  },
];

const DISPOSAL_CASES: readonly Case[] = [
  {
    rule: 'R-ESC-3',
    type: 'disposal.submitted',
    path: '/disposals/',
    zh: {
      subject: '【CZ-2026-0003】不合格品处置单待您批准',
      facts: [
        '须经总工程师批准后才发布并开始一周公示（R-ESC-3）',
        '处置决定：整批返工后降级销售',
        '查看处置单: ',
      ],
    },
    en: {
      subject: '[CZ-2026-0003] Nonconformity disposal awaits your approval',
      facts: [
        'only once the chief engineer approves it (R-ESC-3)',
        'Decision: 整批返工后降级销售',
        'Open the disposal: ',
      ],
    },
  },
  {
    rule: 'R-ESC-3',
    type: 'disposal.returned',
    path: '/disposals/',
    zh: {
      subject: '【CZ-2026-0003】不合格品处置单被退回',
      facts: ['请修改后重新提交（R-ESC-3）', '退回理由：返工方案缺少检验标准'],
    },
    en: {
      subject: '[CZ-2026-0003] Nonconformity disposal returned',
      facts: ['please edit and resubmit it (R-ESC-3)', 'Reason: 返工方案缺少检验标准'],
    },
  },
  {
    rule: 'R-ESC-3',
    type: 'disposal.objected',
    path: '/disposals/',
    zh: {
      subject: '【CZ-2026-0003】不合格品处置单再次收到异议，待您裁决',
      facts: ['在第 2 轮公示期内再次收到异议，按规定由总工程师裁决', '异议理由：销售部认为降级销售影响品牌'],
    },
    en: {
      subject: '[CZ-2026-0003] Nonconformity disposal objected to again: your ruling',
      facts: ['received another objection in round 2', 'Objection: 销售部认为降级销售影响品牌'],
    },
  },
];

describe('staff alert e-mail channel over a real SMTP server (R-ESC-1)', () => {
  it.each([...CASES, ...DISPOSAL_CASES])(
    'should mail every recipient with an address in their language when $rule escalates $type',
    async ({ type, path, zh, en }) => {
      const event = alertEvent(type);
      await channel.deliver(deps, event);
      const mails = await received();
      expect(mails.map((m) => m.envelopeTo)).toEqual([['gm@factory.example'], ['alice@factory.example']]);
      const link = `https://qa.example.com${path}${AGGREGATE}`;

      const toGm = mailTo(mails, 'gm@factory.example');
      expect(toGm.to && !Array.isArray(toGm.to) ? toGm.to.value : []).toEqual([
        { name: '王总', address: 'gm@factory.example' },
      ]);
      expect(toGm.from?.value).toEqual([{ name: 'Closeloop 质量', address: 'no-reply@qa.example.com' }]);
      expect(toGm.subject).toBe(zh.subject);
      expect(toGm.text).toContain('王总，您好：');
      for (const fact of zh.facts) expect(toGm.text).toContain(fact);
      expect(toGm.text).toContain(link);
      expect(toGm.html).toContain(`<a href="${link}">`);
      expect(toGm.headers.get('content-language')).toBe('zh-CN');
      expect(toGm.messageId).toBe(`<${event.id}.u-gm@qa.example.com>`);

      const toQe = mailTo(mails, 'alice@factory.example');
      expect(toQe.subject).toBe(en.subject);
      expect(toQe.text).toContain('Hello Alice Smith,');
      for (const fact of en.facts) expect(toQe.text).toContain(fact);
      expect(toQe.text).toContain(link);
      expect(toQe.headers.get('content-language')).toBe('en');
      expect(toQe.messageId).toBe(`<${event.id}.u-qe@qa.example.com>`);
      // Only data (summary, title, region, a disposal's decision and reasons) may be Chinese in the English mail.
      const DATA_LINES = ['Summary: ', 'Region: ', 'Decision: ', 'Reason: ', 'Objection: '];
      const englishParts = String(toQe.text)
        .split('\n')
        .filter((l) => !DATA_LINES.some((d) => l.startsWith(d)))
        .join('\n')
        .replaceAll('内胆涂层工艺改进', '');
      expect(englishParts).not.toMatch(CJK);

      for (const mail of mails) {
        expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
        expect(mail.headers.get('x-auto-response-suppress')).toBe('All');
        expect(mail.headers.get('x-closeloop-event-id')).toBe(event.id);
      }
    },
  );

  it('should skip with an info log, and without error, a recipient who has no e-mail address (R-ESC-1)', async () => {
    const event = alertEvent('capa.action_overdue');
    await channel.deliver(deps, event);
    expect(smtp.received.map((m) => m.to)).toEqual([['gm@factory.example'], ['alice@factory.example']]);
    const skipped = logLines
      .map((l) => JSON.parse(l) as { msg: string; userId: string; eventId: string; level: number })
      .filter((l) => l.msg === 'staff alert e-mail skipped: no address');
    expect(skipped.map((l) => l.userId)).toEqual(['u-nomail', 'u-legacy']);
    expect(skipped.every((l) => l.eventId === event.id && l.level === 30)).toBe(true);

    smtp.received.length = 0;
    await channel.deliver(deps, alertEvent('capa.action_reopened', { recipients: [NO_MAIL, LEGACY] }));
    await channel.deliver(deps, alertEvent('capa.action_review', { recipients: [] }));
    expect(smtp.received).toHaveLength(0);
  });

  it('should write zh-CN to a recipient who has not chosen a language (R-CAPA-1)', async () => {
    await channel.deliver(
      deps,
      alertEvent('capa.action_overdue', {
        recipients: [{ userId: 'u-x', displayName: 'Bob', email: 'bob@factory.example' }],
      }),
    );
    const [mail] = await received();
    expect(mail?.subject).toBe('【CA-2026-0042】CAPA 措施已超期：内胆涂层工艺改进');
    expect(mail?.text).toContain('Bob，您好：');
  });

  it('should mail a person named twice only once (R-SLA-11)', async () => {
    await channel.deliver(deps, alertEvent('batch.case_overdue', { recipients: [GM, QE, GM] }));
    expect(smtp.received.map((m) => m.to)).toEqual([['gm@factory.example'], ['alice@factory.example']]);
  });

  it('should escape a hostile summary, title and name in the HTML part (R-SLA-7, R-CAPA-1)', async () => {
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)> & Co';
    await channel.deliver(
      deps,
      alertEvent('quality_report.overdue', {
        summary: hostile,
        recipients: [{ ...GM, displayName: '<b>王总</b>' }],
      }),
    );
    await channel.deliver(
      deps,
      alertEvent('capa.action_overdue', { title: '"><svg onload=alert(1)>', recipients: [QE] }),
    );
    const [report, capa] = await received();
    const html = String(report?.html);
    expect(html).not.toMatch(/<script>|<img|<b>/);
    expect(html).toContain(
      '摘要：&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; Co',
    );
    expect(html).toContain('&lt;b&gt;王总&lt;/b&gt;，您好：');
    expect(report?.text).toContain(`摘要：${hostile}`);
    expect(String(capa?.html)).not.toContain('<svg');
    expect(String(capa?.html)).toContain('&quot;&gt;&lt;svg onload=alert(1)&gt;');
    expect(capa?.subject).toBe('[CA-2026-0042] CAPA action overdue: "><svg onload=alert(1)>');
  });

  it('should leave the link out when PUBLIC_URL is not set (R-CAPA-3)', async () => {
    await channel.deliver(
      { ...deps, config: testConfig() },
      alertEvent('capa.action_reopened', { recipients: [GM] }),
    );
    const [mail] = await received();
    expect(mail?.text).not.toContain('/capa-actions/');
    expect(mail?.text).not.toContain('查看 CAPA 措施');
    expect(String(mail?.html)).not.toContain('<a ');
  });

  it('should send the same Message-IDs again when the same event is redelivered (R-ESC-1)', async () => {
    const event = alertEvent('batch.case_overdue');
    await channel.deliver(deps, event);
    await channel.deliver(deps, event);
    expect((await received()).map((m) => m.messageId)).toEqual([
      `<${event.id}.u-gm@qa.example.com>`,
      `<${event.id}.u-qe@qa.example.com>`,
      `<${event.id}.u-gm@qa.example.com>`,
      `<${event.id}.u-qe@qa.example.com>`,
    ]);
  });

  it('should throw so the outbox retries when the SMTP server refuses a message (R-SLA-11)', async () => {
    smtp.refuseNext(1);
    await expect(channel.deliver(deps, alertEvent('batch.case_overdue'))).rejects.toThrow(/451/);
    expect(smtp.received).toHaveLength(0);
  });

  it('should throw a permanent error naming the fields, not their values, when the payload is malformed (R-ESC-1)', async () => {
    const event = alertEvent('batch.case_overdue', {
      number: undefined,
      investigationDueAt: 'tomorrow',
      recipients: [{ ...GM, email: 'not-an-address' }],
    });
    const error = await channel.deliver(deps, event).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('MalformedNotificationError');
    const message = (error as Error).message;
    expect(message).toMatch(
      /^permanent failure: malformed notification payload in event .* \(batch.case_overdue\)/,
    );
    expect(message).toContain('number');
    expect(message).toContain('investigationDueAt');
    expect(message).toContain('recipients.0.email');
    expect(message).not.toContain('not-an-address');
    expect(message).not.toContain('tomorrow');
    expect(smtp.received).toHaveLength(0);
  });

  it('should refuse a CAPA event whose outcome differs from its type and a payload that is not an object (R-CAPA-3)', async () => {
    await expect(
      channel.deliver(deps, alertEvent('capa.action_reopened', { outcome: 'review' })),
    ).rejects.toThrow(/MalformedNotificationError|outcome/);
    await expect(
      channel.deliver(deps, { ...alertEvent('capa.action_review'), payload: null as never }),
    ).rejects.toThrow(/permanent failure: malformed notification payload.*\(root\)/);
    expect(smtp.received).toHaveLength(0);
  });

  it('should subscribe to exactly the quality events that name recipients, and only when SMTP is configured (R-ESC-1)', () => {
    const expected = [
      'batch.case_opened',
      'batch.report_opened',
      'batch.case_overdue',
      'quality_report.overdue',
      'capa.action_overdue',
      'capa.action_reopened',
      'capa.action_review',
      'disposal.submitted',
      'disposal.resubmitted',
      'disposal.redecided',
      'disposal.returned',
      'disposal.objected',
    ];
    expect(channel.name).toBe('notify.staff-alert');
    expect(channel.types).toEqual(expected);
    const smtpOnly = buildNotificationHandlers(testConfig({ SMTP_URL: 'smtp://u:p@127.0.0.1:2525' }));
    expect(smtpOnly.find((h) => h.name === 'notify.staff-alert')?.types).toEqual(expected);
    const webhookOnly = buildNotificationHandlers(
      testConfig({ WEBHOOK_URL: 'https://gw.example.com/hook', WEBHOOK_SECRET: 'z'.repeat(16) }),
    );
    expect(webhookOnly.map((h) => h.name)).not.toContain('notify.staff-alert');
  });
});
