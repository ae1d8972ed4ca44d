import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Rate, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { api, toQuery } from '../../app/api-client';
import type {
  Complaint,
  DepartmentList,
  TransitionBody,
  TransitionType,
  UserPage,
} from '../../app/api-types';
import { useSession } from '../../app/session';
import { NATURES, RESPONSIBILITY_STAGES, VALIDITIES } from '../../../domain/complaint/complaint-vocabulary';
import type { ClassificationSuggestion } from '../../../domain/classification/suggest-classification';
import { useSeverities } from '../shared/useSeverities';

type Props = {
  readonly complaint: Complaint;
  readonly action: TransitionType | undefined;
  readonly busy: boolean;
  readonly onSubmit: (body: TransitionBody) => void;
  readonly onCancel: () => void;
};

type FormValues = Record<string, unknown> & {
  options?: { kind: string; description: string; amountYuan?: number }[];
  executionDueAt?: Dayjs;
};

/** Actions without fields: a confirmation is enough. */
export const SIMPLE_ACTIONS: readonly TransitionType[] = [
  'start_investigation',
  'approve_solution',
  'send_to_customer',
  'start_execution',
  'start_follow_up',
  'customer_responded',
];

const REASON_ACTIONS: readonly TransitionType[] = [
  'explain',
  'declare_not_valid',
  'withdraw',
  'wait_on_customer',
  'customer_reject',
];
const OPTION_KINDS = [
  'repair',
  'replacement',
  'refund',
  'price_difference',
  'voucher',
  'cash',
  'company_products',
  'apology',
] as const;

/** The form for one lifecycle command; what it asks is what the command's contract needs. */
export const ActionModal = ({ complaint, action, busy, onSubmit, onCancel }: Props) => {
  const { t } = useTranslation('complaint');
  const { t: tv } = useTranslation('vocab');
  const { access } = useSession();
  const [form] = Form.useForm<FormValues>();
  const severities = useSeverities();
  const departmentId = Form.useWatch('departmentId', form) as string | undefined;
  const departments = useQuery({
    queryKey: ['departments'],
    queryFn: () => api.get<DepartmentList>('/api/v1/departments'),
    enabled: action === 'assign',
  });
  const users = useQuery({
    queryKey: ['users', departmentId],
    queryFn: () =>
      api.get<UserPage>(`/api/v1/users${toQuery({ departmentId, status: 'active', limit: 200 })}`),
    enabled: action === 'assign' && !!departmentId && access.has('user.read'),
  });
  if (!action) return null;
  const suggestion = complaint.suggestion as ClassificationSuggestion | null;
  const required = [{ required: true, message: t('action.required') }];
  const initial: FormValues =
    action === 'triage'
      ? {
          nature: suggestion?.nature ?? undefined,
          severity: suggestion?.severity ?? undefined,
          major: suggestion?.major ?? complaint.major,
          validity: 'pending',
          responsibilityStage: 'unknown',
          misuse: suggestion?.misuseSuspected ?? false,
        }
      : action === 'propose_solution'
        ? {
            options: [{ kind: 'replacement', description: '' }],
            requiresApproval: false,
            executionWorkingDays: 7,
          }
        : action === 'assign'
          ? {
              departmentId: complaint.departmentId ?? undefined,
              assigneeId: complaint.assigneeId ?? undefined,
            }
          : action === 'record_follow_up'
            ? { satisfied: true, csat: 5 }
            : {};

  const submit = async () => {
    // Invalid fields show their messages; nothing to send.
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const version = complaint.version;
    const body = ((): TransitionBody => {
      switch (action) {
        case 'triage':
          return {
            type: 'triage',
            version,
            classification: {
              nature: v.nature as never,
              severity: String(v.severity),
              major: Boolean(v.major),
              validity: v.validity as never,
              responsibilityStage: v.responsibilityStage as never,
              misuse: Boolean(v.misuse),
              ...(v.reason ? { reason: String(v.reason) } : {}),
            },
          };
        case 'assign':
          return {
            type: 'assign',
            version,
            departmentId: String(v.departmentId),
            assigneeId: (v.assigneeId as string) ?? null,
          };
        case 'propose_solution':
          return {
            type: 'propose_solution',
            version,
            options: (v.options ?? []).map((o) => ({
              kind: o.kind,
              description: o.description,
              amountFen: Math.round((o.amountYuan ?? 0) * 100),
            })),
            ...(v.note ? { note: String(v.note) } : {}),
            requiresApproval: Boolean(v.requiresApproval),
            executionWorkingDays: Number(v.executionWorkingDays ?? 7),
          };
        case 'customer_accept':
          return {
            type: 'customer_accept',
            version,
            executionDueAt: (v.executionDueAt as Dayjs).endOf('day').toISOString(),
            terms: String(v.terms),
            ...(v.optionIndex !== undefined ? { optionIndex: Number(v.optionIndex) } : {}),
          };
        case 'resolve':
          return { type: 'resolve', version, summary: String(v.summary) };
        case 'record_follow_up':
          return {
            type: 'record_follow_up',
            version,
            satisfied: Boolean(v.satisfied),
            csat: (v.csat as number | undefined) ?? null,
            ...(v.comment ? { comment: String(v.comment) } : {}),
          };
        case 'explain':
        case 'declare_not_valid':
        case 'withdraw':
        case 'customer_reject':
          return { type: action, version, reason: String(v.reason) };
        case 'wait_on_customer':
          return { type: action, version, reason: String(v.reason) };
        default:
          return { type: action, version } as TransitionBody;
      }
    })();
    onSubmit(body);
  };

  const proposal = complaint.proposal as { options: { description: string }[] } | null;
  return (
    <Modal
      open
      title={tv(`command.${action}`)}
      onOk={() => void submit()}
      okButtonProps={{ 'data-testid': 'action-submit' } as never}
      confirmLoading={busy}
      onCancel={onCancel}
      destroyOnClose
      width={action === 'propose_solution' ? 720 : 520}
    >
      <Form form={form} layout="vertical" initialValues={initial} preserve={false}>
        {SIMPLE_ACTIONS.includes(action) && <p>{t('action.confirm', { action: tv(`command.${action}`) })}</p>}
        {action === 'triage' && (
          <>
            <Form.Item name="nature" label={t('action.nature')} rules={required}>
              <Select options={NATURES.map((n) => ({ value: n, label: tv(`nature.${n}`) }))} />
            </Form.Item>
            <Form.Item name="severity" label={t('action.severity')} rules={required}>
              <Select options={severities.options} />
            </Form.Item>
            <Space size="large">
              <Form.Item name="major" label={t('action.major')} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item name="misuse" label={t('action.misuse')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Space>
            <Form.Item name="validity" label={t('action.validity')}>
              <Select options={VALIDITIES.map((n) => ({ value: n, label: tv(`validity.${n}`) }))} />
            </Form.Item>
            <Form.Item name="responsibilityStage" label={t('action.stage')}>
              <Select options={RESPONSIBILITY_STAGES.map((n) => ({ value: n, label: tv(`stage.${n}`) }))} />
            </Form.Item>
            <Form.Item name="reason" label={t('action.reason')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
        {action === 'assign' && (
          <>
            <Form.Item name="departmentId" label={t('action.department')} rules={required}>
              <Select
                showSearch
                optionFilterProp="label"
                options={departments.data?.items.map((d) => ({
                  value: d.id,
                  label: `${d.name} (${d.code})`,
                }))}
              />
            </Form.Item>
            {access.has('user.read') && (
              <Form.Item name="assigneeId" label={t('action.assignee')}>
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  options={users.data?.items.map((u) => ({
                    value: u.id,
                    label: `${u.displayName} (${u.username})`,
                  }))}
                />
              </Form.Item>
            )}
          </>
        )}
        {action === 'propose_solution' && (
          <>
            <Form.List name="options">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Form.Item name={[f.name, 'kind']} label={t('action.optionKind')} rules={required}>
                        <Select
                          style={{ width: 130 }}
                          options={OPTION_KINDS.map((k) => ({ value: k, label: t(`kindOption.${k}`) }))}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'description']}
                        label={t('action.optionDescription')}
                        rules={required}
                      >
                        <Input style={{ width: 300 }} maxLength={500} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'amountYuan']} label={t('action.optionAmount')}>
                        <InputNumber min={0} max={10_000_000} precision={2} style={{ width: 120 }} />
                      </Form.Item>
                      {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ kind: 'refund', description: '' })}
                    disabled={fields.length >= 10}
                  >
                    {t('action.addOption')}
                  </Button>
                </>
              )}
            </Form.List>
            <Form.Item name="note" label={t('solution.note')} style={{ marginTop: 12 }}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Space size="large">
              <Form.Item name="requiresApproval" label={t('action.requiresApproval')} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item name="executionWorkingDays" label={t('action.executionDays')}>
                <InputNumber min={1} max={90} />
              </Form.Item>
            </Space>
          </>
        )}
        {action === 'customer_accept' && (
          <>
            <Form.Item name="executionDueAt" label={t('action.executionDueAt')} rules={required}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="terms" label={t('action.terms')} rules={required}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            {proposal && proposal.options.length > 1 && (
              <Form.Item name="optionIndex" label={t('action.optionIndex')}>
                <Select
                  allowClear
                  options={proposal.options.map((o, i) => ({
                    value: i,
                    label: `${i + 1}. ${o.description}`,
                  }))}
                />
              </Form.Item>
            )}
          </>
        )}
        {action === 'resolve' && (
          <Form.Item name="summary" label={t('action.summary')} rules={required}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        {action === 'record_follow_up' && (
          <>
            <Form.Item name="satisfied" label={t('action.satisfied')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="csat" label={t('action.csat')}>
              <Rate />
            </Form.Item>
            <Form.Item name="comment" label={t('action.comment')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        )}
        {REASON_ACTIONS.includes(action) && (
          <Form.Item
            name="reason"
            label={t('action.reason')}
            rules={[{ required: true, message: t('action.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
};
