import ExcelJS from 'exceljs';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { queryLedger, type LedgerGrouping, type LedgerQuery } from './query-ledger';

export type LedgerWorkbook = {
  readonly fileName: string;
  readonly content: Buffer;
};

/** The first column's header for each grouping. */
export const LEDGER_KEY_HEADERS: Record<LedgerGrouping, string> = {
  complaint: '投诉单号',
  customer: '客户',
  product: '产品',
  party: '责任方',
  month: '月份',
};

export const LEDGER_AMOUNT_HEADERS = ['拟补偿(元)', '已审批(元)', '已约定(元)', '已支付(元)'] as const;

const GROUP_NAMES: Record<LedgerGrouping, string> = {
  complaint: '按投诉单 by complaint',
  customer: '按客户 by customer',
  product: '按产品 by product',
  party: '按责任方 by responsible party',
  month: '按月份 by month',
};

const YUAN_FORMAT = '#,##0.00';

// Excel keeps numbers as binary doubles: yuan with two decimals read back to the same fen after rounding.
const yuan = (fen: number): number => fen / 100;

/**
 * The compensation ledger as an Excel workbook (issue 5): the same rows and totals as `queryLedger`, with Chinese
 * headers and amounts in 元, plus a sheet stating the query. Same permission and department scope as the ledger.
 */
export const exportLedgerXlsx = async (
  deps: Deps,
  ctx: UseCaseContext,
  query: LedgerQuery,
): Promise<LedgerWorkbook> => {
  const report = await queryLedger(deps, ctx, query);
  const now = deps.clock.now();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Closeloop';
  wb.created = now;
  wb.modified = now;

  const sheet = wb.addWorksheet('补偿台账');
  sheet.columns = [
    { header: LEDGER_KEY_HEADERS[report.groupBy], key: 'label', width: 28 },
    ...LEDGER_AMOUNT_HEADERS.map((header, i) => ({
      header,
      key: ['proposed', 'approved', 'agreed', 'paid'][i],
      width: 16,
      style: { numFmt: YUAN_FORMAT },
    })),
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of report.rows)
    sheet.addRow({
      label: r.label,
      proposed: yuan(r.proposedFen),
      approved: yuan(r.approvedFen),
      agreed: yuan(r.agreedFen),
      paid: yuan(r.paidFen),
    });
  const total = sheet.addRow({
    label: '合计',
    proposed: yuan(report.totals.proposedFen),
    approved: yuan(report.totals.approvedFen),
    agreed: yuan(report.totals.agreedFen),
    paid: yuan(report.totals.paidFen),
  });
  total.font = { bold: true };

  const about = wb.addWorksheet('说明');
  about.columns = [
    { header: '项目 Item', key: 'item', width: 24 },
    { header: '内容 Value', key: 'value', width: 40 },
  ];
  about.addRows([
    { item: '分组 Grouping', value: GROUP_NAMES[report.groupBy] },
    { item: '起始月份 From', value: report.from ?? '（不限 any）' },
    { item: '截止月份 To', value: report.to ?? '（不限 any）' },
    { item: '生成时间 Generated (UTC)', value: now.toISOString() },
    { item: '金额单位 Unit', value: '元 (CNY), 已扣除冲销 net of reversals' },
  ]);

  const content = Buffer.from(await wb.xlsx.writeBuffer());
  const range = `${report.from ?? 'all'}_${report.to ?? 'all'}`;
  return { fileName: `补偿台账_${report.groupBy}_${range}.xlsx`, content };
};
