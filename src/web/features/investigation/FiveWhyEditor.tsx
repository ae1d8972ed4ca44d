import { ArrowDownOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InvestigationProblem } from '../../app/api-types';
import { FIVE_WHY_MIN_STEPS } from '../../../domain/investigation/investigation-record';
import { FieldProblems, problemProps } from './FieldProblems';

/**
 * R-INV-2 the 5-Why chain: numbered why → because steps, the last answer marked as the root cause; a new chain
 * starts with the three steps filing needs.
 */
export const FiveWhyEditor = ({
  problems,
  disabled,
}: {
  problems: readonly InvestigationProblem[];
  disabled: boolean;
}) => {
  const { t } = useTranslation('investigation');
  return (
    <div data-testid="five-why">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('fiveWhy.hint')}
      </Typography.Paragraph>
      <FieldProblems problems={problems.filter((p) => p.path === 'fiveWhy')} path="fiveWhy" />
      <Form.List name="fiveWhy">
        {(fields, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }} size={4}>
            {fields.map((field, i) => {
              const last = i === fields.length - 1;
              return (
                <div key={field.key} data-testid={`five-why-step-${i}`}>
                  {i > 0 && <ArrowDownOutlined style={{ color: '#bfbfbf', marginLeft: 24 }} />}
                  <div
                    style={{
                      display: 'grid',
                      gridTemplateColumns: '64px 1fr 1fr 32px',
                      gap: 8,
                      alignItems: 'start',
                    }}
                  >
                    <Tag color="blue" style={{ marginTop: 5, textAlign: 'center' }}>
                      {t('fiveWhy.step', { n: i + 1 })}
                    </Tag>
                    <Form.Item
                      name={[field.name, 'why']}
                      style={{ marginBottom: 4 }}
                      {...problemProps(problems, `fiveWhy.${i}.why`)}
                    >
                      <Input
                        addonBefore={t('fiveWhy.why')}
                        disabled={disabled}
                        maxLength={500}
                        data-testid={`five-why-why-${i}`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'because']}
                      style={{ marginBottom: 4 }}
                      {...problemProps(problems, `fiveWhy.${i}.because`)}
                    >
                      <Input
                        addonBefore={t('fiveWhy.because')}
                        disabled={disabled}
                        maxLength={500}
                        data-testid={`five-why-because-${i}`}
                        suffix={
                          last && fields.length >= FIVE_WHY_MIN_STEPS ? (
                            <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="five-why-root">
                              {t('fiveWhy.root')}
                            </Tag>
                          ) : undefined
                        }
                      />
                    </Form.Item>
                    {!disabled && (
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={t('fiveWhy.remove')}
                        title={t('fiveWhy.remove')}
                        onClick={() => remove(field.name)}
                      />
                    )}
                  </div>
                </div>
              );
            })}
            {!disabled && (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                data-testid="five-why-add"
                onClick={() => {
                  if (fields.length === 0)
                    for (let n = 0; n < FIVE_WHY_MIN_STEPS; n++) add({ why: '', because: '' });
                  else add({ why: '', because: '' });
                }}
              >
                {t('fiveWhy.add')}
              </Button>
            )}
          </Space>
        )}
      </Form.List>
    </div>
  );
};
