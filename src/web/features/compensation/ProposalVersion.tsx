import { Col, Descriptions, List, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CompensationProposal } from '../../app/api-types';
import { formatDateTime } from '../../app/time';
import { APPROVER_ROLES, FOOD_CASES } from '../../../domain/compensation/compensation-policy';
import { ApprovalSteps } from './ApprovalSteps';
import { formatYuan, shortHash, useCompensationLabels } from './compensation-format';

const STATUS_COLOR = {
  pending_approval: 'gold',
  approved: 'green',
  rejected: 'red',
  superseded: 'default',
} as const;

export const ProposalStatusTag = ({ status }: { status: CompensationProposal['status'] }) => {
  const { t } = useTranslation('compensation');
  return (
    <Tag color={STATUS_COLOR[status]} data-proposal-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
};

/** Rule ids that fired, once each ("R-RES-3 food_case:foreign_eaten"). */
const uniqueRules = (rules: CompensationProposal['explanation']['rules']) => {
  const seen = new Set<string>();
  return rules.filter((r) => {
    const key = `${r.rule}|${r.detail ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

const isOneOf = <T extends string>(list: readonly T[], v: string): v is T =>
  (list as readonly string[]).includes(v);

/** A rule's detail in words where the UI knows its vocabulary (approval chains, food cases); else the code. */
const useRuleDetail = () => {
  const { t } = useTranslation('compensation');
  const labels = useCompensationLabels();
  return (detail: string): string => {
    const chain = detail.split('>');
    if (chain.every((r) => isOneOf(APPROVER_ROLES, r)))
      return chain.map((r) => labels.approver(r)).join(' → ');
    const food = /^food_case:(\w+)$/.exec(detail)?.[1];
    if (food && isOneOf(FOOD_CASES, food)) return t(`foodCase.${food}`);
    return detail;
  };
};

/**
 * One proposal version as the approvers read it: its options with amounts, approval chains and basis, why the
 * engine proposed them (rules fired, legal citations with their floors), and the approval steps with signatures.
 */
export const ProposalVersion = ({ proposal: p }: { proposal: CompensationProposal }) => {
  const { t } = useTranslation('compensation');
  const labels = useCompensationLabels();
  const rules = uniqueRules(p.explanation.rules);
  const ruleDetail = useRuleDetail();
  return (
    <Space
      direction="vertical"
      style={{ width: '100%' }}
      size="middle"
      data-testid={`proposal-v${p.version}`}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label={t('proposal.createdBy')}>{p.createdByName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('proposal.createdAt')}>{formatDateTime(p.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('proposal.hash')}>
          <Tooltip title={`${t('proposal.hashHint')} ${p.contentHash}`}>
            <Typography.Text code data-testid="proposal-hash">
              {shortHash(p.contentHash)}
            </Typography.Text>
          </Tooltip>
        </Descriptions.Item>
        <Descriptions.Item label={t('proposal.policyVersion')}>v{p.policyVersion}</Descriptions.Item>
        <Descriptions.Item label={t('proposal.executionDays')}>
          {t('proposal.workingDays', { n: p.executionWorkingDays })}
        </Descriptions.Item>
        {p.note && <Descriptions.Item label={t('proposal.note')}>{p.note}</Descriptions.Item>}
      </Descriptions>
      <Table
        size="small"
        pagination={false}
        rowKey={(o) => `${o.kind}-${p.options.indexOf(o)}`}
        dataSource={p.options}
        data-testid="proposal-options"
        columns={[
          { title: '#', key: 'i', width: 40, render: (_, o) => p.options.indexOf(o) + 1 },
          { title: t('proposal.kind'), key: 'kind', render: (_, o) => labels.kind(o.kind) },
          {
            title: t('proposal.amount'),
            key: 'amount',
            align: 'right',
            render: (_, o) => <Typography.Text strong>{formatYuan(o.amountFen)}</Typography.Text>,
          },
          { title: t('proposal.description'), dataIndex: 'description' },
          {
            title: t('proposal.chain'),
            key: 'chain',
            render: (_, o) => (
              <Space size={2} wrap>
                {o.approvalChain.map((r) => (
                  <Tag key={r}>{labels.approver(r)}</Tag>
                ))}
                {o.siteCheckRequired && <Tag color="orange">{t('proposal.siteCheck')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('proposal.basis'),
            key: 'basis',
            render: (_, o) => (
              <Space size={2} wrap>
                {o.basis.map((b) => (
                  <Tag key={b} color="geekblue">
                    {b}
                  </Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <Row gutter={24}>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t('steps.title')}</Typography.Title>
          <ApprovalSteps proposal={p} />
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t('proposal.rules')}</Typography.Title>
          <Space size={4} wrap data-testid="proposal-rules">
            {rules.map((r) => (
              <Tag key={`${r.rule}|${r.detail ?? ''}`} color="blue" title={r.detail}>
                {r.rule}
                {r.detail ? ` ${ruleDetail(r.detail)}` : ''}
              </Tag>
            ))}
          </Space>
          {p.explanation.citations.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('proposal.citations')}
              </Typography.Title>
              <List
                size="small"
                bordered
                data-testid="proposal-citations"
                dataSource={p.explanation.citations}
                renderItem={(c) => (
                  <List.Item>
                    <div>
                      <Space wrap>
                        <Typography.Text strong>{c.ref}</Typography.Text>
                        {c.floorFen !== undefined && (
                          <Tag color="red">{t('proposal.floor', { amount: formatYuan(c.floorFen) })}</Tag>
                        )}
                      </Space>
                      <Typography.Paragraph style={{ margin: 0 }} type="secondary">
                        {c.text}
                      </Typography.Paragraph>
                    </div>
                  </List.Item>
                )}
              />
            </>
          )}
        </Col>
      </Row>
    </Space>
  );
};
