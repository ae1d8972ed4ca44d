import { CheckCircleOutlined, SaveOutlined, SendOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Input, Radio, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';
import type { Complaint, Investigation, InvestigationProblem } from '../../app/api-types';
import { registerMessages } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../app/time';
import {
  isRecallAnalysisRequired,
  PRODUCT_OUTCOMES,
  ROOT_CAUSE_METHODS,
  VERDICTS,
} from '../../../domain/investigation/investigation-record';
import { useUserNames } from '../compensation/compensation-queries';
import { EvidenceChecklist } from './EvidenceChecklist';
import { problemProps, ProblemText } from './FieldProblems';
import { FishboneEditor } from './FishboneEditor';
import { FiveWhyEditor } from './FiveWhyEditor';
import { investigationMessages } from './investigation.i18n';
import { toFormValues, toSaveBody, type InvestigationFormValues } from './investigation-form';
import { useInvestigation, useInvestigationWrites } from './investigation-queries';
import { ReopenModal } from './ReopenModal';

registerMessages('investigation', investigationMessages);

const STATE_COLOR = { not_started: 'default', draft: 'processing', filed: 'success' } as const;

/** Where on the page a problem's path belongs, for the list at the top. */
const usePathLabel = () => {
  const { t } = useTranslation('investigation');
  return (path: string): string => {
    const [head = '', second, third] = path.split('.');
    if (head === 'checklist' && second) return t(`checklist.kinds.${second}`);
    if (head === 'fiveWhy')
      return second === undefined
        ? t('fiveWhy.title')
        : `${t('fiveWhy.title')} · ${t('fiveWhy.step', { n: Number(second) + 1 })} · ${t(`fiveWhy.${third}`)}`;
    if (head === 'fishbone')
      return second ? `${t('fishbone.title')} · ${t(`fishbone.categories.${second}`)}` : t('fishbone.title');
    const labels: Record<string, string> = {
      methods: t('rootCause.methods'),
      occurrenceCause: t('rootCause.occurrenceCause'),
      escapeCause: t('rootCause.escapeCause'),
      failureMechanism: t('rootCause.failureMechanism'),
      verdict: t('conclusion.verdict'),
      productOutcome: t('conclusion.outcome'),
    };
    return labels[head] ?? path;
  };
};

const ProblemsPanel = ({ view }: { view: Investigation }) => {
  const { t } = useTranslation('investigation');
  const labelOf = usePathLabel();
  if (view.state === 'filed') return null;
  if (view.problems.length === 0)
    return (
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleOutlined />}
        data-testid="investigation-ready"
        message={t('problems.ready')}
        description={
          <Space direction="vertical" size={4}>
            <span>{t('problems.readyHint')}</span>
            {view.rules.length > 0 && (
              <Space wrap size={4}>
                <Typography.Text type="secondary">{t('rules.title')}:</Typography.Text>
                {view.rules.map((r) => (
                  <Tag key={`${r.rule}:${r.detail ?? ''}`}>
                    {r.rule}
                    {r.detail ? ` ${r.detail}` : ''}
                  </Tag>
                ))}
              </Space>
            )}
          </Space>
        }
      />
    );
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="investigation-problems"
      message={t('problems.title', { n: view.problems.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {view.problems.map((p: InvestigationProblem) => (
            <li key={`${p.path}:${p.problem}`}>
              <Typography.Text strong>{labelOf(p.path)}</Typography.Text>: <ProblemText problem={p} />
            </li>
          ))}
        </ul>
      }
    />
  );
};

/** R-INV-3: shown ticked and locked when the verdict or the outcome requires the recall analysis. */
const RecallAnalysis = ({ disabled }: { disabled: boolean }) => {
  const { t } = useTranslation('investigation');
  const verdict = Form.useWatch('verdict') as InvestigationFormValues['verdict'] | undefined;
  const productOutcome = Form.useWatch('productOutcome') as InvestigationFormValues['productOutcome'];
  const forced = isRecallAnalysisRequired({
    verdict: verdict ? verdict : null,
    productOutcome: productOutcome ?? null,
  });
  return forced ? (
    <Space direction="vertical" size={0}>
      <Checkbox checked disabled data-testid="recall-analysis" data-forced="true">
        {t('conclusion.recall')}
      </Checkbox>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('conclusion.recallForced')}
      </Typography.Text>
    </Space>
  ) : (
    <Form.Item name="recallAnalysisNeeded" valuePropName="checked" noStyle>
      <Checkbox disabled={disabled} data-testid="recall-analysis">
        {t('conclusion.recall')}
      </Checkbox>
    </Form.Item>
  );
};

const RootCauseSections = ({
  problems,
  disabled,
  head,
}: {
  problems: readonly InvestigationProblem[];
  disabled: boolean;
  head: string;
}) => {
  const { t } = useTranslation('investigation');
  const methods = (Form.useWatch('methods') as string[] | undefined) ?? [];
  const steps = (Form.useWatch('fiveWhy') as unknown[] | undefined) ?? [];
  const fishbone = (Form.useWatch('fishbone') as Record<string, unknown[]> | undefined) ?? {};
  const hasCauses = Object.values(fishbone).some((l) => (l?.length ?? 0) > 0);
  return (
    <>
      {(methods.includes('five_why') || steps.length > 0) && (
        <Card size="small" type="inner" title={t('fiveWhy.title')} style={{ marginBottom: 12 }}>
          <FiveWhyEditor problems={problems} disabled={disabled} />
        </Card>
      )}
      {(methods.includes('fishbone') || hasCauses) && (
        <Card size="small" type="inner" title={t('fishbone.title')} style={{ marginBottom: 12 }}>
          <FishboneEditor problems={problems} disabled={disabled} head={head} />
        </Card>
      )}
    </>
  );
};

/**
 * The complaint's investigation (DOMAIN §6): evidence checklist (R-INV-1), root cause by 5-Why / fishbone / named
 * methods with the causes of occurrence and escape (R-INV-2), verdict and recall analysis (R-INV-3), product outcome
 * (R-INV-4) and failure mechanism (R-BAT-1). The server's `problems` show at the top and under each field; the draft
 * is saved with its version, filed when nothing is left, and reopened with a reason.
 */
export const InvestigationTab = ({ complaint }: { complaint: Complaint }) => {
  const { t } = useTranslation('investigation');
  const q = useInvestigation(complaint.id);
  if (q.isPending) return <Spin style={{ display: 'block', margin: 32 }} />;
  if (q.error)
    return (
      <Alert
        type="error"
        showIcon
        message={t('loadFailed')}
        description={q.error.message}
        action={<Button onClick={() => void q.refetch()}>{t('reload')}</Button>}
      />
    );
  // A new version from the server (save, file, reopen, another user) starts the form afresh.
  return (
    <InvestigationEditor key={`${q.data.version}:${q.data.state}`} complaint={complaint} view={q.data} />
  );
};

const InvestigationEditor = ({ complaint, view }: { complaint: Complaint; view: Investigation }) => {
  const { t } = useTranslation('investigation');
  const { message } = App.useApp();
  const { access } = useSession();
  const userName = useUserNames();
  const writes = useInvestigationWrites(complaint.id);
  const [form] = Form.useForm<InvestigationFormValues>();
  const [busy, setBusy] = useState<'save' | 'file' | 'reopen'>();
  const [reopening, setReopening] = useState(false);
  const canWrite = access.canManageInvestigation && view.editable;
  const disabled = !canWrite || view.state === 'filed';
  const problems = view.problems;
  const head = complaint.problem.symptom ?? complaint.problem.description.slice(0, 60);

  const fail = async (e: unknown) => {
    if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') {
      void message.warning(t('actions.conflict'), 6);
      await writes.refetch();
    } else if (e instanceof ApiError && e.code === 'INVESTIGATION_INCOMPLETE') {
      const n = Array.isArray(e.details.problems) ? e.details.problems.length : 0;
      void message.warning(t('actions.incomplete', { n }), 6);
      await writes.refetch();
    } else void message.error(e instanceof ApiError ? e.message : String(e), 6);
  };

  const save = async (): Promise<Investigation | undefined> =>
    writes.save(toSaveBody(form.getFieldsValue(true) as InvestigationFormValues, view.version));

  const onSave = async () => {
    setBusy('save');
    try {
      const saved = await save();
      if (saved) void message.success(t('actions.saved', { n: saved.version }));
    } catch (e) {
      await fail(e);
    } finally {
      setBusy(undefined);
    }
  };

  const onFile = async () => {
    setBusy('file');
    try {
      // Unsaved edits go in first, so what is filed is what is on screen.
      const current = form.isFieldsTouched() || view.state === 'not_started' ? await save() : view;
      if (!current) return;
      await writes.file(current.version);
      void message.success(t('actions.filed'));
    } catch (e) {
      await fail(e);
    } finally {
      setBusy(undefined);
    }
  };

  const onReopen = async (reason: string) => {
    setBusy('reopen');
    try {
      await writes.reopen({ version: view.version, reason });
      setReopening(false);
      void message.success(t('actions.reopened'));
    } catch (e) {
      await fail(e);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="investigation">
      <Space wrap align="center" style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap align="center">
          <Tag color={STATE_COLOR[view.state]} data-testid="investigation-state" data-state={view.state}>
            {t(`state.${view.state}`)}
          </Tag>
          {view.version > 0 && (
            <Typography.Text type="secondary" data-testid="investigation-version">
              {t('version', { n: view.version })}
            </Typography.Text>
          )}
          {view.filedAt && (
            <Typography.Text type="secondary">
              {t('filedBy', { name: userName(view.filedBy), time: formatDateTime(view.filedAt) })}
            </Typography.Text>
          )}
        </Space>
        {canWrite && (
          <Space wrap>
            {view.state === 'filed' ? (
              <Button
                icon={<UndoOutlined />}
                data-testid="investigation-reopen"
                onClick={() => setReopening(true)}
              >
                {t('actions.reopen')}
              </Button>
            ) : (
              <>
                <Button
                  icon={<SaveOutlined />}
                  loading={busy === 'save'}
                  disabled={busy !== undefined}
                  data-testid="investigation-save"
                  onClick={() => void onSave()}
                >
                  {t('actions.save')}
                </Button>
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={busy === 'file'}
                  disabled={busy !== undefined}
                  data-testid="investigation-file"
                  onClick={() => void onFile()}
                >
                  {t('actions.file')}
                </Button>
              </>
            )}
          </Space>
        )}
      </Space>
      {!view.editable && view.state !== 'filed' && <Alert type="info" showIcon message={t('notEditable')} />}
      {view.editable && !access.canManageInvestigation && (
        <Alert type="info" showIcon message={t('readOnly')} />
      )}
      {view.editable && <ProblemsPanel view={view} />}
      <Form<InvestigationFormValues>
        form={form}
        layout="vertical"
        initialValues={toFormValues(view)}
        disabled={disabled}
      >
        <Card size="small" title={t('checklist.title')} style={{ marginBottom: 12 }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('checklist.hint')}
          </Typography.Paragraph>
          <EvidenceChecklist complaintId={complaint.id} problems={problems} disabled={disabled} />
        </Card>
        <Card size="small" title={t('rootCause.title')} style={{ marginBottom: 12 }}>
          <Form.Item
            name="methods"
            label={t('rootCause.methods')}
            extra={t('rootCause.methodsHint')}
            {...problemProps(problems, 'methods')}
          >
            <Checkbox.Group
              data-testid="investigation-methods"
              options={ROOT_CAUSE_METHODS.map((m) => ({ value: m, label: t(`rootCause.methodNames.${m}`) }))}
            />
          </Form.Item>
          <RootCauseSections problems={problems} disabled={disabled} head={head} />
          <div
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: 12 }}
          >
            <Form.Item
              name="occurrenceCause"
              label={t('rootCause.occurrenceCause')}
              {...problemProps(problems, 'occurrenceCause')}
            >
              <Input.TextArea rows={3} maxLength={2000} data-testid="investigation-occurrence" />
            </Form.Item>
            <Form.Item
              name="escapeCause"
              label={t('rootCause.escapeCause')}
              {...problemProps(problems, 'escapeCause')}
            >
              <Input.TextArea rows={3} maxLength={2000} data-testid="investigation-escape" />
            </Form.Item>
          </div>
        </Card>
        <Card size="small" title={t('conclusion.title')}>
          <Form.Item name="verdict" label={t('conclusion.verdict')} {...problemProps(problems, 'verdict')}>
            <Radio.Group data-testid="investigation-verdict">
              <Radio value="">{t('conclusion.verdictNone')}</Radio>
              {VERDICTS.map((v) => (
                <Radio key={v} value={v} data-value={v}>
                  {t(`conclusion.verdicts.${v}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="productOutcome"
            label={t('conclusion.outcome')}
            {...problemProps(problems, 'productOutcome')}
          >
            <Radio.Group data-testid="investigation-outcome">
              {PRODUCT_OUTCOMES.map((o) => (
                <Radio key={o} value={o} data-value={o}>
                  {t(`conclusion.outcomes.${o}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="failureMechanism"
            label={t('rootCause.failureMechanism')}
            extra={problemsOrHint(problems, t('rootCause.failureMechanismHint'))}
            {...problemProps(problems, 'failureMechanism')}
          >
            <Input maxLength={100} style={{ maxWidth: 360 }} data-testid="investigation-mechanism" />
          </Form.Item>
          <RecallAnalysis disabled={disabled} />
        </Card>
      </Form>
      <ReopenModal
        open={reopening}
        busy={busy === 'reopen'}
        onSubmit={(reason) => void onReopen(reason)}
        onCancel={() => setReopening(false)}
      />
    </Space>
  );
};

/** The hint under the failure mechanism, unless a problem already explains the field. */
const problemsOrHint = (problems: readonly InvestigationProblem[], hint: string) =>
  problems.some((p) => p.path === 'failureMechanism') ? undefined : hint;
