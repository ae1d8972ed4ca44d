import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InvestigationProblem } from '../../app/api-types';
import {
  FISHBONE_CATEGORIES,
  type FishboneCategory,
} from '../../../domain/investigation/investigation-record';
import { FieldProblems } from './FieldProblems';

const TOP: readonly FishboneCategory[] = FISHBONE_CATEGORIES.slice(0, 3);
const BOTTOM: readonly FishboneCategory[] = FISHBONE_CATEGORIES.slice(3);

const Bone = ({ category, disabled }: { category: FishboneCategory; disabled: boolean }) => {
  const { t } = useTranslation('investigation');
  const form = Form.useFormInstance();
  return (
    <Card
      size="small"
      data-testid={`fishbone-${category}`}
      title={
        <span>
          <Typography.Text strong style={{ fontSize: 16, marginRight: 6 }}>
            {t(`fishbone.categories.${category}`)}
          </Typography.Text>
          <Typography.Text type="secondary">{t(`fishbone.categoryNames.${category}`)}</Typography.Text>
        </span>
      }
      styles={{ body: { padding: 8 } }}
    >
      <Form.List name={['fishbone', category]}>
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 && disabled && (
              <Typography.Text type="secondary">{t('fishbone.empty')}</Typography.Text>
            )}
            {fields.map((field, i) => (
              <Form.Item
                key={field.key}
                noStyle
                shouldUpdate={(a, b) =>
                  a.fishbone?.[category]?.[i]?.root !== b.fishbone?.[category]?.[i]?.root
                }
              >
                {() => {
                  const root = form.getFieldValue(['fishbone', category, field.name, 'root']) === true;
                  return (
                    <div
                      style={{ display: 'flex', gap: 4, alignItems: 'center', marginBottom: 4 }}
                      data-testid={`fishbone-${category}-${i}`}
                      data-root={root}
                    >
                      <Form.Item name={[field.name, 'text']} noStyle>
                        <Input
                          size="small"
                          disabled={disabled}
                          maxLength={500}
                          placeholder={t('fishbone.cause')}
                          data-testid={`fishbone-${category}-${i}-text`}
                          style={root ? { borderColor: '#ff4d4f', color: '#cf1322' } : undefined}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'root']} valuePropName="checked" noStyle>
                        <Checkbox disabled={disabled} data-testid={`fishbone-${category}-${i}-root`}>
                          <span style={{ whiteSpace: 'nowrap' }}>{t('fishbone.root')}</span>
                        </Checkbox>
                      </Form.Item>
                      {!disabled && (
                        <Button
                          size="small"
                          type="text"
                          icon={<DeleteOutlined />}
                          aria-label={t('fishbone.remove')}
                          title={t('fishbone.remove')}
                          onClick={() => remove(field.name)}
                        />
                      )}
                    </div>
                  );
                }}
              </Form.Item>
            ))}
            {!disabled && (
              <Button
                size="small"
                type="dashed"
                block
                icon={<PlusOutlined />}
                data-testid={`fishbone-${category}-add`}
                onClick={() => add({ text: '', root: false })}
              >
                {t('fishbone.add')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </Card>
  );
};

/**
 * R-INV-2 the fishbone by 6M 人机料法测环: three bones above the spine, three below, the problem at the head; causes
 * marked as root show in red. Only the six categories exist, so the server never sees an unknown one.
 */
export const FishboneEditor = ({
  problems,
  disabled,
  head,
}: {
  problems: readonly InvestigationProblem[];
  disabled: boolean;
  head: string;
}) => {
  const { t } = useTranslation('investigation');
  const row = (cats: readonly FishboneCategory[]) => (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr) 140px', gap: 8 }}>
      {cats.map((c) => (
        <Bone key={c} category={c} disabled={disabled} />
      ))}
      <div />
    </div>
  );
  return (
    <div data-testid="fishbone">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('fishbone.hint')}
      </Typography.Paragraph>
      <FieldProblems problems={problems} path="fishbone" />
      {row(TOP)}
      <div
        style={{ display: 'grid', gridTemplateColumns: '1fr 140px', alignItems: 'center', margin: '6px 0' }}
      >
        <div style={{ height: 3, background: '#1677ff', position: 'relative' }}>
          <span
            style={{
              position: 'absolute',
              right: -2,
              top: -6,
              borderLeft: '10px solid #1677ff',
              borderTop: '7px solid transparent',
              borderBottom: '7px solid transparent',
            }}
          />
        </div>
        <div
          style={{
            marginLeft: 8,
            padding: '6px 8px',
            border: '1px solid #1677ff',
            borderRadius: 6,
            background: '#e6f4ff',
            fontSize: 12,
          }}
          data-testid="fishbone-head"
        >
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('fishbone.head')}
          </Typography.Text>
          <div style={{ wordBreak: 'break-all' }}>{head}</div>
        </div>
      </div>
      {row(BOTTOM)}
    </div>
  );
};
