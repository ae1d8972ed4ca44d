import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, problemsOf } from './admin-hooks';

type Props = { readonly error: unknown; readonly testId?: string };

/** A failed save: the server's message, and every `{ path, message }` problem it listed (422). */
export const ProblemList = ({ error, testId = 'problem-list' }: Props) => {
  const { t } = useTranslation('admin');
  if (!error) return null;
  const problems = problemsOf(error);
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      message={errorText(error)}
      description={
        problems.length > 0 ? (
          <div>
            <Typography.Text type="secondary">{t('problems', { n: problems.length })}</Typography.Text>
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20, maxHeight: 240, overflow: 'auto' }}>
              {problems.map((p, i) => (
                <li key={i}>
                  {p.path && <Typography.Text code>{p.path}</Typography.Text>} {p.message}
                </li>
              ))}
            </ul>
          </div>
        ) : undefined
      }
    />
  );
};
