import { DeleteOutlined, ExperimentOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_EVENT_TYPES, type ComplaintEventType } from '../../../domain/complaint/complaint-status';
import type { DurationSpec } from '../../../domain/sla/compute-due-at';
import type { ClockRule, DeadlinePolicy } from '../../../domain/sla/deadline-policy';
import { useSeverities } from '../shared/useSeverities';
import { ConditionSummary } from './ConditionSummary';
import { newRule, replaceRule, type Problem } from './deadline-rules';
import { DurationInput, useFormatDuration } from './DurationInput';

type Props = {
  readonly policy: DeadlinePolicy;
  readonly onChange: (next: DeadlinePolicy) => void;
  readonly rowProblems: ReadonlyMap<number, readonly Problem[]>;
  readonly onPreview: (duration: DurationSpec) => void;
};

type Row = { readonly rule: ClockRule; readonly index: number };

/** The deadline clocks as an editable table; conditions and per-class durations are shown and edited in JSON. */
export const DeadlineRulesTable = ({ policy, onChange, rowProblems, onPreview }: Props) => {
  const { t } = useTranslation('admin');
  const severities = useSeverities();
  const formatDuration = useFormatDuration();
  const events = COMPLAINT_EVENT_TYPES.map((e) => ({ value: e, label: t(`event.${e}`) }));
  const set = (index: number, patch: Partial<ClockRule>) =>
    onChange(replaceRule(policy, index, { ...policy.rules[index]!, ...patch }));
  const eventSelect = (index: number, field: 'startOn' | 'stopOn', value: readonly ComplaintEventType[]) => (
    <Select
      mode="multiple"
      style={{ width: 168 }}
      maxTagCount="responsive"
      value={[...value]}
      options={events}
      optionFilterProp="label"
      aria-label={t(`deadline.${field}`)}
      onChange={(v: ComplaintEventType[]) => set(index, { [field]: v })}
    />
  );

  const columns: TableColumnsType<Row> = [
    {
      title: t('deadline.kind'),
      key: 'kind',
      fixed: 'left',
      width: 130,
      render: (_, { rule, index }) => (
        <Space direction="vertical" size={2}>
          <Input
            size="small"
            value={rule.kind}
            aria-label={t('deadline.kind')}
            onChange={(e) => set(index, { kind: e.target.value })}
          />
          {rowProblems.has(index) && (
            <Tooltip
              title={rowProblems
                .get(index)!
                .map((p) => `${p.path}: ${p.message}`)
                .join('\n')}
            >
              <Tag color="error">{t('deadline.rowProblems', { n: rowProblems.get(index)!.length })}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('deadline.label'),
      key: 'label',
      width: 150,
      render: (_, { rule, index }) => (
        <Space direction="vertical" size={2} style={{ width: '100%' }}>
          <Input
            size="small"
            value={rule.label['zh-CN']}
            prefix={<Typography.Text type="secondary">{t('deadline.zhShort')}</Typography.Text>}
            aria-label={t('deadline.labelZh')}
            onChange={(e) => set(index, { label: { ...rule.label, 'zh-CN': e.target.value } })}
          />
          <Input
            size="small"
            value={rule.label.en}
            prefix={<Typography.Text type="secondary">{t('deadline.enShort')}</Typography.Text>}
            aria-label={t('deadline.labelEn')}
            onChange={(e) => set(index, { label: { ...rule.label, en: e.target.value } })}
          />
        </Space>
      ),
    },
    {
      title: t('deadline.duration'),
      key: 'duration',
      width: 248,
      render: (_, { rule, index }) => (
        <Space direction="vertical" size={2}>
          <DurationInput
            value={rule.duration}
            onChange={(duration) => set(index, { duration })}
            testId={`rule-duration-${rule.kind}`}
          />
          {Object.entries(rule.durationBySeverity ?? {}).map(([k, d]) => (
            <Tag key={`s${k}`} color="purple">
              {t('pair', { k: severities.labelOf(k), v: formatDuration(d) })}
            </Tag>
          ))}
          {Object.entries(rule.durationByScope ?? {}).map(([k, d]) => (
            <Tag key={`c${k}`} color="cyan">
              {t('pair', { k: t(`vocab:scope.${k}`), v: formatDuration(d) })}
            </Tag>
          ))}
          {rule.agreedDueAt && <Tag color="gold">{t('deadline.agreedDueAt')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('deadline.warnAt'),
      key: 'warn',
      width: 76,
      render: (_, { rule, index }) => (
        <InputNumber
          size="small"
          style={{ width: 66 }}
          min={0}
          max={100}
          step={5}
          value={Math.round(rule.warnAtShare * 100)}
          suffix="%"
          aria-label={t('deadline.warnAt')}
          onChange={(n) => n !== null && set(index, { warnAtShare: Number(n) / 100 })}
        />
      ),
    },
    {
      title: `${t('deadline.startOn')} / ${t('deadline.stopOn')}`,
      key: 'events',
      width: 205,
      render: (_, { rule, index }) => (
        <Space direction="vertical" size={2}>
          <Space size={4}>
            <Typography.Text type="secondary">{t('deadline.start')}</Typography.Text>
            {eventSelect(index, 'startOn', rule.startOn)}
          </Space>
          {rule.countFrom && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('deadline.countFrom', { event: t(`event.${rule.countFrom}`) })}
            </Typography.Text>
          )}
          <Space size={4}>
            <Typography.Text type="secondary">{t('deadline.stop')}</Typography.Text>
            {eventSelect(index, 'stopOn', rule.stopOn)}
          </Space>
          {rule.restartOn?.length ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('deadline.restartOn', { events: rule.restartOn.map((e) => t(`event.${e}`)).join(t('sep')) })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('deadline.flags'),
      key: 'flags',
      width: 116,
      render: (_, { rule, index }) => (
        <Space direction="vertical" size={4}>
          <Space size={4}>
            <Switch
              size="small"
              checked={rule.pausesWhileWaiting}
              aria-label={t('deadline.pauses')}
              onChange={(v) => set(index, { pausesWhileWaiting: v })}
            />
            <span style={{ fontSize: 12 }}>{t('deadline.pauses')}</span>
          </Space>
          <Space size={4}>
            <Switch
              size="small"
              checked={rule.escalates}
              aria-label={t('deadline.escalates')}
              onChange={(v) => set(index, { escalates: v })}
            />
            <span style={{ fontSize: 12 }}>{t('deadline.escalates')}</span>
          </Space>
        </Space>
      ),
    },
    {
      title: t('deadline.appliesTo'),
      key: 'appliesTo',
      width: 140,
      render: (_, { rule }) => <ConditionSummary condition={rule.appliesTo} />,
    },
    {
      title: t('common:actions'),
      key: 'actions',
      width: 64,
      render: (_, { rule, index }) => (
        <Space size={0}>
          <Tooltip title={t('deadline.tryIt')}>
            <Button
              type="text"
              size="small"
              icon={<ExperimentOutlined />}
              aria-label={t('deadline.tryIt')}
              onClick={() => onPreview(rule.duration)}
            />
          </Tooltip>
          <Popconfirm
            title={t('deadline.deleteConfirm', { kind: rule.kind })}
            onConfirm={() => onChange({ ...policy, rules: policy.rules.filter((_r, i) => i !== index) })}
          >
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('common:delete')}
            />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Table<Row>
        rowKey="index"
        size="small"
        data-testid="deadline-rules-table"
        dataSource={policy.rules.map((rule, index) => ({ rule, index }))}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={({ rule, index }) => ({
          'data-testid': `deadline-rule-${rule.kind}`,
          style: rowProblems.has(index) ? { background: '#fff1f0' } : undefined,
        })}
      />
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        data-testid="deadline-rule-add"
        onClick={() => onChange({ ...policy, rules: [...policy.rules, newRule(policy.rules)] })}
      >
        {t('deadline.addRule')}
      </Button>
    </>
  );
};
