import { useQuery } from '@tanstack/react-query';
import { Form, Input, Radio, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import type { EvidenceList, InvestigationProblem } from '../../app/api-types';
import {
  CHECKLIST_STATUSES,
  EVIDENCE_ITEM_KINDS,
  type EvidenceItemKind,
} from '../../../domain/investigation/investigation-record';
import { rowTestId } from '../compensation/compensation-format';
import { FieldProblems } from './FieldProblems';

/**
 * R-INV-1 the evidence checklist: one row per item with its status, the reason when it does not apply, what was
 * found, and the complaint's evidence files it cites; the server's problems of the row under it.
 */
export const EvidenceChecklist = ({
  complaintId,
  problems,
  disabled,
}: {
  complaintId: string;
  problems: readonly InvestigationProblem[];
  disabled: boolean;
}) => {
  const { t } = useTranslation('investigation');
  const evidence = useQuery({
    queryKey: ['evidence', complaintId],
    queryFn: () => api.get<EvidenceList>(`/api/v1/complaints/${complaintId}/evidence`),
  });
  const form = Form.useFormInstance();
  const options = (evidence.data?.items ?? []).map((e) => ({ value: e.id, label: e.originalName }));
  return (
    <Table<EvidenceItemKind>
      size="small"
      rowKey={(k) => k}
      pagination={false}
      dataSource={[...EVIDENCE_ITEM_KINDS]}
      onRow={(k) => rowTestId(`checklist-${k}`)}
      columns={[
        {
          title: t('checklist.item'),
          key: 'item',
          width: 170,
          render: (_, k) => (
            <>
              <Typography.Text strong>{t(`checklist.kinds.${k}`)}</Typography.Text>
              <FieldProblems problems={problems} path={`checklist.${k}`} />
            </>
          ),
        },
        {
          title: t('checklist.status'),
          key: 'status',
          width: 250,
          render: (_, k) => (
            <Form.Item name={['checklist', k, 'status']} noStyle>
              <Radio.Group
                size="small"
                buttonStyle="solid"
                disabled={disabled}
                data-testid={`checklist-status-${k}`}
              >
                {CHECKLIST_STATUSES.map((s) => (
                  <Radio.Button key={s} value={s} data-value={s}>
                    {t(`checklist.statuses.${s}`)}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
          ),
        },
        {
          title: `${t('checklist.note')} / ${t('checklist.reason')}`,
          key: 'note',
          render: (_, k) => (
            <Form.Item noStyle shouldUpdate={(a, b) => a.checklist?.[k]?.status !== b.checklist?.[k]?.status}>
              {() =>
                form.getFieldValue(['checklist', k, 'status']) === 'not_applicable' ? (
                  <Form.Item name={['checklist', k, 'reason']} noStyle>
                    <Input
                      size="small"
                      disabled={disabled}
                      placeholder={t('checklist.reason')}
                      data-testid={`checklist-reason-${k}`}
                      maxLength={500}
                    />
                  </Form.Item>
                ) : (
                  <Form.Item name={['checklist', k, 'note']} noStyle>
                    <Input
                      size="small"
                      disabled={disabled}
                      placeholder={t('checklist.note')}
                      data-testid={`checklist-note-${k}`}
                      maxLength={2000}
                    />
                  </Form.Item>
                )
              }
            </Form.Item>
          ),
        },
        {
          title: t('checklist.evidence'),
          key: 'evidence',
          width: 220,
          render: (_, k) => (
            <Form.Item name={['checklist', k, 'evidenceIds']} noStyle>
              <Select
                mode="multiple"
                size="small"
                allowClear
                disabled={disabled}
                style={{ width: '100%' }}
                placeholder={t('checklist.evidencePlaceholder')}
                options={options}
                maxTagCount="responsive"
                notFoundContent={null}
              />
            </Form.Item>
          ),
        },
      ]}
    />
  );
};
