import { Alert, Form, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { INJURY_LEVELS } from '../../domain/complaint/complaint-vocabulary';

/** R-AE-1: asked of every complaint, in plain words; a hurt person gets advice to seek care first. */
export const InjuryQuestion = () => {
  const { t } = useTranslation('portal');
  const injury: unknown = Form.useWatch('injury');
  return (
    <>
      <Form.Item
        name="injury"
        label={t('submit.injury')}
        rules={[{ required: true, message: t('submit.injuryRequired') }]}
      >
        <Radio.Group style={{ width: '100%' }}>
          <Space direction="vertical" style={{ width: '100%' }} size={4}>
            {INJURY_LEVELS.map((level) => (
              <Radio
                key={level}
                value={level}
                data-testid={`portal-injury-${level}`}
                style={{ padding: '8px 0', whiteSpace: 'normal', lineHeight: 1.5 }}
              >
                {t(`submit.injuryOption.${level}`)}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      {(injury === 'minor' || injury === 'serious' || injury === 'death') && (
        <Alert
          type={injury === 'minor' ? 'info' : 'warning'}
          showIcon
          message={t('submit.injuryUrgent')}
          style={{ marginBottom: 16 }}
          data-testid="portal-injury-advice"
        />
      )}
    </>
  );
};
