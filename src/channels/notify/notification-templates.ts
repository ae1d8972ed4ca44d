import type { Locale } from '../../domain/identity/user';
import type { RoutedEventType } from './notification-routes';

/** Values a template may use; all plain text (the renderer escapes them for HTML). Dates are already formatted. */
export type TemplateVars = {
  readonly number: string;
  readonly customerName: string;
  readonly ownerName: string | null;
  readonly productName: string | null;
  readonly summary: string | null;
  readonly trackingUrl: string | null;
  readonly deadlineLabel: string | null;
  readonly dueAt: string | null;
};

/** A message before layout: the renderer turns it into plain text and HTML and adds the locale's footer. */
export type TemplateParts = {
  /** Must contain the complaint number. */
  readonly subject: string;
  readonly greeting: string;
  /** Paragraphs in order; null entries (an absent optional value) are left out. */
  readonly paragraphs: readonly (string | null)[];
  /** The one link of the message, when there is a URL for it. */
  readonly action: { readonly label: string; readonly url: string } | null;
};

export type NotificationTemplate = (v: TemplateVars) => TemplateParts;

const zh = {
  dear: (v: TemplateVars) => `尊敬的${v.customerName}：`,
  hello: (v: TemplateVars) => (v.ownerName ? `${v.ownerName}，您好：` : '您好：'),
  product: (v: TemplateVars) => (v.productName ? `产品：${v.productName}` : null),
  problem: (v: TemplateVars) => (v.summary ? `问题描述：${v.summary}` : null),
  customer: (v: TemplateVars) => `客户：${v.customerName}`,
  track: (v: TemplateVars, label = '查看处理进度') => (v.trackingUrl ? { label, url: v.trackingUrl } : null),
};

const en = {
  dear: (v: TemplateVars) => `Dear ${v.customerName},`,
  hello: (v: TemplateVars) => (v.ownerName ? `Hello ${v.ownerName},` : 'Hello,'),
  product: (v: TemplateVars) => (v.productName ? `Product: ${v.productName}` : null),
  problem: (v: TemplateVars) => (v.summary ? `Problem: ${v.summary}` : null),
  customer: (v: TemplateVars) => `Customer: ${v.customerName}`,
  track: (v: TemplateVars, label = 'Track your complaint') =>
    v.trackingUrl ? { label, url: v.trackingUrl } : null,
};

/**
 * Subject and body of every routed notification, Chinese first, then English (R-FUP-1). Customer messages are
 * written to the customer in their language; owner messages to the staff member (zh-CN unless they chose en).
 * Every subject carries the complaint number, so replies and searches find the case.
 */
export const NOTIFICATION_TEMPLATES: Readonly<
  Record<RoutedEventType, Readonly<Record<Locale, NotificationTemplate>>>
> = {
  'complaint.registered': {
    'zh-CN': (v) => ({
      subject: `【${v.number}】我们已收到您的投诉`,
      greeting: zh.dear(v),
      paragraphs: [
        `我们已收到并登记了您的投诉，编号为 ${v.number}。请保留此编号，以便查询处理进度。`,
        zh.product(v),
        zh.problem(v),
        '我们会尽快与您联系。',
      ],
      action: zh.track(v),
    }),
    en: (v) => ({
      subject: `[${v.number}] We have received your complaint`,
      greeting: en.dear(v),
      paragraphs: [
        `We have received and registered your complaint under number ${v.number}. Please keep this number to follow its progress.`,
        en.product(v),
        en.problem(v),
        'We will contact you shortly.',
      ],
      action: en.track(v),
    }),
  },
  'complaint.acknowledged': {
    'zh-CN': (v) => ({
      subject: `【${v.number}】您的投诉已受理`,
      greeting: zh.dear(v),
      paragraphs: [
        `您的投诉（编号 ${v.number}）已由专人受理，我们正在调查处理，有进展会及时通知您。`,
        zh.product(v),
      ],
      action: zh.track(v),
    }),
    en: (v) => ({
      subject: `[${v.number}] Your complaint is being handled`,
      greeting: en.dear(v),
      paragraphs: [
        `A member of our team has taken up your complaint ${v.number}. We are investigating and will keep you informed.`,
        en.product(v),
      ],
      action: en.track(v),
    }),
  },
  'complaint.sent_to_customer': {
    'zh-CN': (v) => ({
      subject: `【${v.number}】处理方案待您确认`,
      greeting: zh.dear(v),
      paragraphs: [
        `针对您的投诉（编号 ${v.number}），我们已提出处理方案，请查看并告知您是否接受。`,
        v.trackingUrl ? null : `请凭编号 ${v.number} 联系客服答复。`,
      ],
      action: zh.track(v, '查看并答复处理方案'),
    }),
    en: (v) => ({
      subject: `[${v.number}] A solution awaits your answer`,
      greeting: en.dear(v),
      paragraphs: [
        `We have proposed a solution for your complaint ${v.number}. Please review it and tell us whether you accept it.`,
        v.trackingUrl ? null : `Please contact customer service with your number ${v.number} to answer.`,
      ],
      action: en.track(v, 'Review and answer'),
    }),
  },
  'complaint.customer_accepted': {
    'zh-CN': (v) => ({
      subject: `【${v.number}】感谢您确认处理方案`,
      greeting: zh.dear(v),
      paragraphs: [`您已接受投诉 ${v.number} 的处理方案，我们将尽快执行，完成后会通知您。`],
      action: zh.track(v),
    }),
    en: (v) => ({
      subject: `[${v.number}] Thank you for accepting the solution`,
      greeting: en.dear(v),
      paragraphs: [
        `You have accepted the solution for complaint ${v.number}. We will carry it out promptly and let you know when it is done.`,
      ],
      action: en.track(v),
    }),
  },
  'complaint.resolved': {
    'zh-CN': (v) => ({
      subject: `【${v.number}】您的投诉已处理完毕`,
      greeting: zh.dear(v),
      paragraphs: [
        `您的投诉（编号 ${v.number}）已处理完毕。`,
        '几天后我们会回访，了解您对处理结果是否满意。',
      ],
      action: zh.track(v),
    }),
    en: (v) => ({
      subject: `[${v.number}] Your complaint has been resolved`,
      greeting: en.dear(v),
      paragraphs: [
        `Your complaint ${v.number} has been resolved.`,
        'We will contact you in a few days to ask whether you are satisfied with the outcome.',
      ],
      action: en.track(v),
    }),
  },
  'complaint.closed': {
    'zh-CN': (v) => ({
      subject: `【${v.number}】您的投诉已关闭`,
      greeting: zh.dear(v),
      paragraphs: [
        `感谢您的反馈与耐心。您的投诉（编号 ${v.number}）已关闭。`,
        '如问题再次出现，请凭此编号与我们联系。',
      ],
      action: null,
    }),
    en: (v) => ({
      subject: `[${v.number}] Your complaint has been closed`,
      greeting: en.dear(v),
      paragraphs: [
        `Thank you for your feedback and your patience. Your complaint ${v.number} has been closed.`,
        'Should the problem come back, please contact us with this number.',
      ],
      action: null,
    }),
  },
  'complaint.reopened': {
    'zh-CN': (v) => ({
      subject: `【${v.number}】我们将重新处理您的投诉`,
      greeting: zh.dear(v),
      paragraphs: [
        `很抱歉处理结果未能让您满意。我们已重新开启对您投诉（编号 ${v.number}）的处理，将尽快与您联系。`,
      ],
      action: zh.track(v),
    }),
    en: (v) => ({
      subject: `[${v.number}] We are taking up your complaint again`,
      greeting: en.dear(v),
      paragraphs: [
        `We are sorry the outcome did not satisfy you. We have reopened your complaint ${v.number} and will contact you shortly.`,
      ],
      action: en.track(v),
    }),
  },
  'complaint.assigned': {
    'zh-CN': (v) => ({
      subject: `【${v.number}】新投诉已分派给您`,
      greeting: zh.hello(v),
      paragraphs: [
        `投诉 ${v.number} 已分派给您处理，请尽快与客户联系。`,
        zh.customer(v),
        zh.product(v),
        zh.problem(v),
      ],
      action: null,
    }),
    en: (v) => ({
      subject: `[${v.number}] A complaint has been assigned to you`,
      greeting: en.hello(v),
      paragraphs: [
        `Complaint ${v.number} has been assigned to you. Please contact the customer soon.`,
        en.customer(v),
        en.product(v),
        en.problem(v),
      ],
      action: null,
    }),
  },
  'complaint.approval_requested': {
    'zh-CN': (v) => ({
      subject: `【${v.number}】补偿方案待您电子签名审批`,
      greeting: zh.hello(v),
      paragraphs: [
        `投诉 ${v.number} 的补偿方案需要您审批签名，请登录系统在“待我审批”中处理。`,
        zh.customer(v),
        zh.product(v),
        zh.problem(v),
      ],
      action: null,
    }),
    en: (v) => ({
      subject: `[${v.number}] A compensation proposal awaits your signature`,
      greeting: en.hello(v),
      paragraphs: [
        `The compensation proposal of complaint ${v.number} needs your approval. Sign it under “My approvals”.`,
        en.customer(v),
        en.product(v),
        en.problem(v),
      ],
      action: null,
    }),
  },
  'complaint.escalated': {
    'zh-CN': (v) => ({
      subject: `【${v.number}】投诉已升级，需要您处理`,
      greeting: zh.hello(v),
      paragraphs: [
        `投诉 ${v.number} 已升级到您这里，请尽快处理。`,
        zh.customer(v),
        zh.product(v),
        zh.problem(v),
      ],
      action: null,
    }),
    en: (v) => ({
      subject: `[${v.number}] Complaint escalated to you`,
      greeting: en.hello(v),
      paragraphs: [
        `Complaint ${v.number} has been escalated to you. Please act on it soon.`,
        en.customer(v),
        en.product(v),
        en.problem(v),
      ],
      action: null,
    }),
  },
  'deadline.warned': {
    'zh-CN': (v) => ({
      subject: `【${v.number}】时限即将到期：${v.deadlineLabel ?? ''}`,
      greeting: zh.hello(v),
      paragraphs: [
        `投诉 ${v.number} 的“${v.deadlineLabel ?? ''}”时限将于 ${v.dueAt ?? ''}到期，请及时处理。`,
        zh.customer(v),
        zh.problem(v),
      ],
      action: null,
    }),
    en: (v) => ({
      subject: `[${v.number}] Deadline approaching: ${v.deadlineLabel ?? ''}`,
      greeting: en.hello(v),
      paragraphs: [
        `The "${v.deadlineLabel ?? ''}" deadline of complaint ${v.number} is due at ${v.dueAt ?? ''}. Please act on it in time.`,
        en.customer(v),
        en.problem(v),
      ],
      action: null,
    }),
  },
  'deadline.breached': {
    'zh-CN': (v) => ({
      subject: `【${v.number}】已超时：${v.deadlineLabel ?? ''}`,
      greeting: zh.hello(v),
      paragraphs: [
        `投诉 ${v.number} 的“${v.deadlineLabel ?? ''}”时限已于 ${v.dueAt ?? ''}到期，现已超时，请立即处理。`,
        zh.customer(v),
        zh.problem(v),
      ],
      action: null,
    }),
    en: (v) => ({
      subject: `[${v.number}] Deadline missed: ${v.deadlineLabel ?? ''}`,
      greeting: en.hello(v),
      paragraphs: [
        `The "${v.deadlineLabel ?? ''}" deadline of complaint ${v.number} passed at ${v.dueAt ?? ''}. Please act on it now.`,
        en.customer(v),
        en.problem(v),
      ],
      action: null,
    }),
  },
};
