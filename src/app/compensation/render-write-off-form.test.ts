import { describe, expect, it } from 'vitest';
import { renderWriteOffFormHtml, type WriteOffFormData } from './render-write-off-form';

const data: WriteOffFormData = {
  writeOffNo: 'HX-2026-000007',
  issuedOn: '2026-03-09',
  complaint: {
    number: 'TS-2026-000042',
    customerName: '王女士',
    product: {
      name: '电热水器 60L',
      model: 'WH-60',
      code: null,
      batchNo: 'B2026',
      purchaseDate: '2026-01-02',
    },
    description: '漏水 <script>alert(1)</script>',
    agreement: { terms: '换新机并补偿 300 元 & 上门安装', acceptedAt: '2026-03-06T02:00:00.000Z' },
    outcome: '已换新机',
  },
  receivedOn: '2026-03-05',
  departmentName: '售后服务部',
  customerPhone: '138****5678',
  customerAddress: '上海市浦东新区***',
  proposalVersion: 2,
  proposalHash: 'a'.repeat(64),
  lines: [
    {
      optionKind: 'replacement',
      amountFen: 159_900,
      reference: 'SF1234567890',
      doneOn: '2026-03-07',
      doneBy: '张三',
    },
    { optionKind: 'cash', amountFen: 30_000, reference: 'FK-"1"', doneOn: '2026-03-09', doneBy: null },
  ],
  amountFen: 189_900,
  allocations: [],
  approvals: [
    { role: 'general_manager', signerName: '吴总', onBehalfOfName: null, signedAt: '2026-03-05 10:05' },
    { role: 'service_manager', signerName: '李四', onBehalfOfName: '赵五', signedAt: '2026-03-05 09:40' },
  ],
  preparedBy: '孙会计',
};

describe('renderWriteOffFormHtml (产品质量处理核销申报表, R-RPT-3)', () => {
  it('should print what was carried out, the amount in figures and in words, and the approvals', () => {
    const html = renderWriteOffFormHtml(data);
    for (const text of [
      '<title>产品质量处理核销申报表 HX-2026-000007</title>',
      'TS-2026-000042',
      '售后服务部',
      '138****5678',
      '换货',
      '现金补偿',
      'SF1234567890',
      '1,899.00 元',
      '人民币壹仟捌佰玖拾玖元整',
      '公司承担（未分摊）',
      'v2 · aaaaaaaaaaaaaaaa…',
      '总经理',
      '李四（代 赵五）',
      '2026-03-05 10:05',
      '财务核销',
      '孙会计',
      '已换新机',
    ])
      expect(html).toContain(text);
  });

  it('should escape every text people typed (descriptions, terms, references)', () => {
    const html = renderWriteOffFormHtml(data);
    expect(html).not.toContain('<script>');
    expect(html).toContain('漏水 &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('换新机并补偿 300 元 &amp; 上门安装');
    expect(html).toContain('FK-&quot;1&quot;');
  });

  it('should name the parties who bear the cost with their transfer-form numbers (R-RES-8)', () => {
    const html = renderWriteOffFormHtml({
      ...data,
      allocations: [
        {
          id: 'a1',
          complaintId: 'c1',
          partyKind: 'logistics',
          partyName: '顺丰速运',
          departmentId: null,
          shareBp: 10_000,
          amountFen: 189_900,
          rule: 'R-RES-8',
          transferFormNo: 'ZY-2026-000003',
          deductionNoticeNo: 'KK-2026-000003',
          createdBy: null,
          createdAt: new Date('2026-03-09T02:00:00Z'),
        },
      ],
    });
    expect(html).toContain('顺丰速运（物流公司）1,899.00 元 · ZY-2026-000003');
    expect(html).not.toContain('公司承担（未分摊）');
  });
});
