import { Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvestigationProblem } from '../../app/api-types';
import { problemsAt } from './investigation-form';

/** One server problem as text with its rule id, e.g. "须填写产生原因 R-INV-2". */
export const ProblemText = ({ problem }: { problem: InvestigationProblem }) => {
  const { t } = useTranslation('investigation');
  return (
    <span data-problem={problem.problem} data-path={problem.path}>
      {t(`problems.${problem.problem}`, { defaultValue: problem.problem })}{' '}
      <Tag bordered={false} color="warning" style={{ marginInlineEnd: 0 }} data-rule={problem.rule}>
        {problem.rule}
      </Tag>
    </span>
  );
};

/** The server's problems at (or under) a field path, shown under that field. */
export const FieldProblems = ({
  problems,
  path,
}: {
  problems: readonly InvestigationProblem[];
  path: string;
}) => {
  const here = problemsAt(problems, path);
  if (here.length === 0) return null;
  return (
    <Space direction="vertical" size={0} data-testid={`problems-${path}`}>
      {here.map((p) => (
        <Typography.Text key={`${p.path}:${p.problem}`} type="warning" style={{ fontSize: 12 }}>
          <ProblemText problem={p} />
        </Typography.Text>
      ))}
    </Space>
  );
};

/** Form.Item props that put a field's problems under it with the warning colour. */
export const problemProps = (
  problems: readonly InvestigationProblem[],
  path: string,
): { validateStatus?: 'warning'; help?: ReactNode } =>
  problemsAt(problems, path).length > 0
    ? { validateStatus: 'warning', help: <FieldProblems problems={problems} path={path} /> }
    : {};
