import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes, ReactNode } from 'react';

/**
 * The list page of a quality record (batch cases, recalls, 8D reports, disposals): a card with an optional "new"
 * button, a filter above the table, and a compact table of up to 200 rows (50 a page), each row findable by a
 * test id. The page keeps its own query, filter state, columns and dialog.
 */
export const FilteredListCard = <T extends { readonly id: string }>(props: {
  readonly title: string;
  readonly testId: string;
  /** The "new" button, shown only when the user may create. */
  readonly create?: { readonly testId: string; readonly label: string; readonly onClick: () => void } | false;
  readonly filter: ReactNode;
  readonly rows: readonly T[] | undefined;
  readonly loading: boolean;
  readonly emptyText: string;
  readonly rowTestId: (row: T) => string;
  readonly columns: ColumnsType<T>;
  /** A dialog the page opens (rendered inside the card). */
  readonly children?: ReactNode;
}) => (
  <Card
    title={props.title}
    data-testid={props.testId}
    extra={
      props.create && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          data-testid={props.create.testId}
          onClick={props.create.onClick}
        >
          {props.create.label}
        </Button>
      )
    }
  >
    <Space style={{ marginBottom: 16 }}>{props.filter}</Space>
    <Table<T>
      size="small"
      rowKey="id"
      loading={props.loading}
      dataSource={props.rows ? [...props.rows] : []}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: props.emptyText }}
      onRow={(row) => ({ 'data-testid': props.rowTestId(row) }) as HTMLAttributes<HTMLElement>}
      columns={props.columns}
    />
    {props.children}
  </Card>
);
