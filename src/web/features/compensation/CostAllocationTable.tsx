import { PrinterOutlined } from '@ant-design/icons';
import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CostAllocationItem, CostAllocationView } from '../../app/api-types';
import { formatYuan, rowTestId } from './compensation-format';
import { formatBp } from './cost-allocation-form';

/** A printable form of one share; HTML served with the session cookie, so a plain link in a new tab works. */
const FormLink = ({ href, label, number }: { href: string; label: string; number: string }) => (
  <a href={href} target="_blank" rel="noopener" data-testid="cost-form" data-form-no={number}>
    <PrinterOutlined /> {label} <Typography.Text code>{number}</Typography.Text>
  </a>
);

/**
 * The stored allocation: each party's share and amount (computed by the server, to the fen), the basis printed on
 * its forms, and links to the 质量事故费用转移单 / 扣款通知单 with their numbers (R-RES-8, R-RPT-3).
 */
export const CostAllocationTable = ({ view }: { view: CostAllocationView }) => {
  const { t } = useTranslation('costAllocation');
  const forms = (a: CostAllocationItem) => {
    const links = [
      a.forms.transfer && a.transferFormNo ? (
        <FormLink
          key="transfer"
          href={a.forms.transfer}
          label={t('forms.transfer')}
          number={a.transferFormNo}
        />
      ) : null,
      a.forms.deduction && a.deductionNoticeNo ? (
        <FormLink
          key="deduction"
          href={a.forms.deduction}
          label={t('forms.deduction')}
          number={a.deductionNoticeNo}
        />
      ) : null,
    ].filter((l) => l !== null);
    if (links.length > 0)
      return (
        <Space direction="vertical" size={2}>
          {links}
        </Space>
      );
    return (
      <Typography.Text type="secondary">
        {a.documents.customerCharge ? t('forms.customerCharge') : t('forms.companyAbsorbs')}
      </Typography.Text>
    );
  };
  return (
    <Table<CostAllocationItem>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={view.allocations}
      data-testid="cost-allocations"
      onRow={(a) => rowTestId(`cost-allocation-${a.partyKind}`)}
      columns={[
        {
          title: t('column.kind'),
          key: 'kind',
          render: (_, a) => <Tag>{t(`kind.${a.partyKind}`)}</Tag>,
        },
        { title: t('column.name'), dataIndex: 'partyName', key: 'name' },
        {
          title: t('column.share'),
          key: 'share',
          align: 'right',
          render: (_, a) => `${formatBp(a.shareBp)}%`,
        },
        {
          title: t('column.amount'),
          key: 'amount',
          align: 'right',
          render: (_, a) => formatYuan(a.amountFen),
        },
        {
          title: t('column.reason'),
          key: 'rule',
          render: (_, a) => (
            <Typography.Text type="secondary" style={{ maxWidth: 280 }} ellipsis={{ tooltip: a.rule }}>
              {a.rule ?? '—'}
            </Typography.Text>
          ),
        },
        { title: t('column.forms'), key: 'forms', render: (_, a) => forms(a) },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={3}>
            <Typography.Text strong>{t('totalRow')}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">
            <Typography.Text strong data-testid="cost-allocated-total">
              {formatYuan(view.totalFen)}
            </Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} colSpan={2} />
        </Table.Summary.Row>
      )}
    />
  );
};
