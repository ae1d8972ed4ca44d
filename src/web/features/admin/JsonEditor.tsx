import { Alert, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = {
  readonly text: string;
  readonly error: string | undefined;
  readonly onChange: (text: string) => void;
  readonly rows?: number;
  readonly testId?: string;
};

/** Parses JSON text: the value, or the parser's message. */
export const parseJson = (text: string): { ok: true; value: unknown } | { ok: false; error: string } => {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
};

/** The whole value as JSON (the fallback editor of every policy); a syntax error is shown at once. */
export const JsonEditor = ({ text, error, onChange, rows = 24, testId = 'json-editor' }: Props) => {
  const { t } = useTranslation('admin');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        value={text}
        rows={rows}
        spellCheck={false}
        data-testid={testId}
        aria-label={t('policies.json')}
        status={error ? 'error' : undefined}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 }}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <Alert
          type="error"
          showIcon
          message={t('policies.jsonInvalid', { error })}
          data-testid="json-error"
        />
      )}
    </Space>
  );
};
