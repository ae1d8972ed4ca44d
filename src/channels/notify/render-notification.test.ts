import { describe, expect, it } from 'vitest';
import { notificationPayload } from './notification-event.test-support';
import { NOTIFICATION_ROUTES, type RoutedEventType } from './notification-routes';
import { NOTIFICATION_TEMPLATES } from './notification-templates';
import { renderNotification } from './render-notification';

const options = { timeZone: 'Asia/Shanghai', publicUrl: 'https://service.example.com' };
const routed = Object.keys(NOTIFICATION_ROUTES) as RoutedEventType[];
const CJK = /[\u4e00-\u9fff]/;

describe('notification templates', () => {
  it('should have a zh-CN and an en template for every routed event and none for unrouted ones', () => {
    expect(Object.keys(NOTIFICATION_TEMPLATES).sort()).toEqual([...routed].sort());
    for (const type of routed) expect(Object.keys(NOTIFICATION_TEMPLATES[type])).toEqual(['zh-CN', 'en']);
  });

  it.each(routed.flatMap((type) => (['zh-CN', 'en'] as const).map((locale) => [type, locale] as const)))(
    'should render %s in %s with the number in the subject when the audience reads that language',
    (type, locale) => {
      const audience = NOTIFICATION_ROUTES[type].email;
      const payload = notificationPayload(type, {
        locale,
        owner: { userId: 'u-1', displayName: 'Li Na', email: 'li.na@factory.example', locale },
        customer: { name: 'Zhang Wei', email: 'z@example.com', phone: null },
        productName: locale === 'en' ? 'Rice cooker X1' : '电饭煲 X1',
        summary: locale === 'en' ? 'Coating peels off' : '内胆涂层脱落',
        ...(type.startsWith('deadline.')
          ? {
              deadline: {
                kind: 'first_response',
                label: locale === 'en' ? 'First response' : '首次响应',
                dueAt: '2026-03-03T09:30:00Z',
              },
            }
          : {}),
      });
      const m = renderNotification(type, audience, payload, options);
      expect(m.locale).toBe(locale);
      expect(m.subject).toContain('KS-2026-000123');
      expect(m.subject).not.toMatch(/\n/);
      expect(m.text).toContain('KS-2026-000123');
      expect(m.html).toMatch(new RegExp(`^<!doctype html><html lang="${locale}">.*</html>$`, 's'));
      if (locale === 'zh-CN') expect(m.subject + m.text).toMatch(CJK);
      else expect(m.subject + m.text).not.toMatch(CJK);
      if (type.startsWith('deadline.')) expect(m.text).toContain('2026-03-03 17:30');
    },
  );

  it('should leave out a path-only tracking link when PUBLIC_URL is not set', () => {
    const payload = notificationPayload('complaint.sent_to_customer', { trackingUrl: '/portal/track/t1' });
    const without = renderNotification('complaint.sent_to_customer', 'customer', payload, {
      ...options,
      publicUrl: undefined,
    });
    expect(without.text).not.toContain('/portal/track/t1');
    expect(without.text).toContain('请凭编号 KS-2026-000123 联系客服答复');
    const withBase = renderNotification('complaint.sent_to_customer', 'customer', payload, options);
    expect(withBase.text).toContain('https://service.example.com/portal/track/t1');
  });

  it('should escape every customer-provided value in the HTML part when it contains markup', () => {
    const payload = notificationPayload('complaint.assigned', {
      customer: { name: '<b>x</b>', email: null, phone: null },
      productName: '"><svg onload=alert(1)>',
      summary: "it's <broken>\nsecond line",
    });
    const m = renderNotification('complaint.assigned', 'owner', payload, options);
    expect(m.html).not.toMatch(/<b>|<svg|<broken>/);
    expect(m.html).toContain('客户：&lt;b&gt;x&lt;/b&gt;');
    expect(m.html).toContain('产品：&quot;&gt;&lt;svg onload=alert(1)&gt;');
    expect(m.html).toContain('问题描述：it&#39;s &lt;broken&gt;<br>second line');
  });
});
