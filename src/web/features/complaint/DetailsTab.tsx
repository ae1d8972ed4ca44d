import { Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../app/api-types';
import { formatDateTime } from '../../app/time';

const fen = (v: number | null) => (v === null ? '—' : `¥${(v / 100).toFixed(2)}`);

/** Everything the form recorded (DOMAIN §2), personal data masked by the server unless the viewer may reveal it. */
export const DetailsTab = ({ complaint: c }: { complaint: Complaint }) => {
  const { t } = useTranslation('complaint');
  const { t: tv } = useTranslation('vocab');
  const classification = c.classification as { rules?: { rule: string }[] } | null;
  const dash = (v: string | null | undefined) => v || '—';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} title={t('field.problem')}>
        <Descriptions.Item label={t('field.problem')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{c.problem.description}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('field.kind')}>{tv(`kind.${c.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('field.occurredAt')}>
          {formatDateTime(c.problem.occurredAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.scope')}>{tv(`scope.${c.problem.scope}`)}</Descriptions.Item>
        <Descriptions.Item label={t('field.injury')}>
          <Tag color={c.injury === 'none' ? 'default' : 'magenta'}>{tv(`injury.${c.injury}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('field.demands')}>
          {c.demands.length ? c.demands.map((d) => tv(`demand.${d}`)).join('、') : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.claimed')}>{fen(c.claimedAmountFen)}</Descriptions.Item>
        <Descriptions.Item label={t('field.flags')} span={2}>
          {c.flags.length
            ? c.flags.map((f) => (
                <Tag key={f} color="red">
                  {tv(`flag.${f}`)}
                </Tag>
              ))
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.nature')}>
          {c.nature ? tv(`nature.${c.nature}`) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.validity')}>{tv(`validity.${c.validity}`)}</Descriptions.Item>
        <Descriptions.Item label={t('field.rules')} span={2}>
          {classification?.rules?.map((r) => <Tag key={r.rule}>{r.rule}</Tag>) ?? '—'}
        </Descriptions.Item>
      </Descriptions>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} title={t('field.customer')}>
        <Descriptions.Item label={t('field.customer')}>{c.customer.name}</Descriptions.Item>
        <Descriptions.Item label={t('field.phone')}>{dash(c.customer.phone)}</Descriptions.Item>
        <Descriptions.Item label={t('field.email')}>{dash(c.customer.email)}</Descriptions.Item>
        <Descriptions.Item label={t('field.address')}>{dash(c.customer.address)}</Descriptions.Item>
        <Descriptions.Item label={t('field.customerType')}>
          {tv(`customerType.${c.customer.type}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.tier')}>{tv(`tier.${c.customer.tier}`)}</Descriptions.Item>
        <Descriptions.Item label={t('field.specialGroup')}>
          {c.customer.specialGroup ? tv(`specialGroup.${c.customer.specialGroup}`) : '—'}
        </Descriptions.Item>
      </Descriptions>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} title={t('field.product')}>
        <Descriptions.Item label={t('field.product')}>{dash(c.product.name)}</Descriptions.Item>
        <Descriptions.Item label={t('field.model')}>{dash(c.product.model)}</Descriptions.Item>
        <Descriptions.Item label={t('field.code')}>{dash(c.product.code)}</Descriptions.Item>
        <Descriptions.Item label={t('field.batchNo')}>{dash(c.product.batchNo)}</Descriptions.Item>
        <Descriptions.Item label={t('field.serialNo')}>{dash(c.product.serialNo)}</Descriptions.Item>
        <Descriptions.Item label={t('field.productionDate')}>
          {dash(c.product.productionDate)}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.purchaseDate')}>{dash(c.product.purchaseDate)}</Descriptions.Item>
        <Descriptions.Item label={t('field.purchasePlace')}>
          {dash(c.product.purchasePlace)}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.proofOfPurchase')}>
          {c.product.proofOfPurchase ? t('common:yes') : t('common:no')}
        </Descriptions.Item>
        {Object.entries(c.customFields).map(([k, v]) => (
          <Descriptions.Item key={k} label={`${t('field.custom')} · ${k}`}>
            {String(v)}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Space>
  );
};
