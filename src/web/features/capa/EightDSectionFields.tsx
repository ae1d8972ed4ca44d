import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EightDSection } from '../../../domain/capa/eight-d';
import { DateField } from './DateField';

const METHODS = ['5why', 'fishbone', '5w1h', 'fmea', 'pareto', 'fault_tree', 'is_is_not', 'other'] as const;
const DIMENSIONS = ['what', 'where', 'when', 'how_many'] as const;
const FIVE_W2H = ['what', 'why', 'when', 'where', 'who', 'how', 'howMany'] as const;

/** A repeatable group of fields (members, actions, IS / IS NOT rows) with add and remove. */
const Rows = ({
  name,
  addLabel,
  children,
}: {
  name: string;
  addLabel: string;
  children: (row: number) => ReactNode;
}) => (
  <Form.List name={name}>
    {(fields, { add, remove }) => (
      <>
        {fields.map((field) => (
          <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
            {children(field.name)}
            <MinusCircleOutlined style={{ marginTop: 9 }} onClick={() => remove(field.name)} />
          </Space>
        ))}
        <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid={`add-${name}`}>
          {addLabel}
        </Button>
      </>
    )}
  </Form.List>
);

const Area = ({ name, label }: { name: string; label: string }) => (
  <Form.Item name={name} label={label}>
    <Input.TextArea rows={2} maxLength={2000} data-testid={`8d-${name}`} />
  </Form.Item>
);

/** The fields of one 8D section (R-CAPA-2), matching the contract's EightD_D0 … EightD_D8. */
export const EightDSectionFields = ({ section }: { section: EightDSection }) => {
  const { t } = useTranslation('eightD');
  const f = (k: string) => t(`field.${k}`);
  const actionRows = (withAddresses: boolean) => (
    <Form.Item label={f('actions')}>
      <Rows name="actions" addLabel={f('addAction')}>
        {(row) => (
          <>
            <Form.Item name={[row, 'action']} noStyle>
              <Input placeholder={f('action')} style={{ width: 260 }} maxLength={1000} />
            </Form.Item>
            <Form.Item name={[row, 'owner']} noStyle>
              <Input placeholder={f('owner')} style={{ width: 120 }} maxLength={100} />
            </Form.Item>
            <Form.Item name={[row, 'dueOn']} noStyle>
              <DateField />
            </Form.Item>
            {withAddresses && (
              <Form.Item name={[row, 'addresses']} noStyle>
                <Select
                  allowClear
                  placeholder={f('addresses')}
                  style={{ width: 120 }}
                  options={(['occurrence', 'escape'] as const).map((a) => ({
                    value: a,
                    label: t(`addresses.${a}`),
                  }))}
                />
              </Form.Item>
            )}
            <Form.Item name={[row, 'status']} noStyle>
              <Select
                allowClear
                placeholder={f('status_')}
                style={{ width: 100 }}
                options={(['planned', 'done'] as const).map((s) => ({
                  value: s,
                  label: t(`actionStatus.${s}`),
                }))}
              />
            </Form.Item>
            <Form.Item name={[row, 'result']} noStyle>
              <Input placeholder={f('result')} style={{ width: 200 }} maxLength={2000} />
            </Form.Item>
          </>
        )}
      </Rows>
    </Form.Item>
  );

  switch (section) {
    case 'D0':
      return (
        <>
          <Area name="symptoms" label={f('symptoms')} />
          <Area name="emergencyResponse" label={f('emergencyResponse')} />
        </>
      );
    case 'D1':
      return (
        <>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="leader" label={f('leader')}>
                <Input maxLength={100} data-testid="8d-leader" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="champion" label={f('champion')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={f('members')}>
            <Rows name="members" addLabel={f('addMember')}>
              {(row) => (
                <>
                  <Form.Item name={[row, 'name']} noStyle>
                    <Input placeholder={f('name')} style={{ width: 140 }} maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[row, 'department']} noStyle>
                    <Input placeholder={f('department')} style={{ width: 160 }} maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[row, 'role']} noStyle>
                    <Input placeholder={f('role')} style={{ width: 200 }} maxLength={100} />
                  </Form.Item>
                </>
              )}
            </Rows>
          </Form.Item>
        </>
      );
    case 'D2':
      return (
        <>
          <Area name="problemStatement" label={f('problemStatement')} />
          <Form.Item label={f('fiveW2H')} style={{ marginBottom: 0 }}>
            <Row gutter={12}>
              {FIVE_W2H.map((k) => (
                <Col span={12} key={k}>
                  <Form.Item name={['fiveW2H', k]} label={f(k)}>
                    <Input maxLength={2000} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </Form.Item>
          <Form.Item label={f('isIsNot')}>
            <Rows name="isIsNot" addLabel={f('addRow')}>
              {(row) => (
                <>
                  <Form.Item name={[row, 'dimension']} noStyle>
                    <Select
                      placeholder={f('dimension')}
                      style={{ width: 110 }}
                      options={DIMENSIONS.map((d) => ({ value: d, label: t(`dimension.${d}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[row, 'is']} noStyle>
                    <Input placeholder={f('is')} style={{ width: 240 }} maxLength={2000} />
                  </Form.Item>
                  <Form.Item name={[row, 'isNot']} noStyle>
                    <Input placeholder={f('isNot')} style={{ width: 240 }} maxLength={2000} />
                  </Form.Item>
                </>
              )}
            </Rows>
          </Form.Item>
        </>
      );
    case 'D3':
      return (
        <>
          {actionRows(false)}
          <Area name="effectivenessCheck" label={f('effectivenessCheck')} />
        </>
      );
    case 'D4':
      return (
        <>
          <Form.Item name="methods" label={f('methods')}>
            <Select mode="multiple" options={METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))} />
          </Form.Item>
          <Area name="occurrenceRootCause" label={f('occurrenceRootCause')} />
          <Area name="escapeRootCause" label={f('escapeRootCause')} />
          <Form.Item name="escapePoint" label={f('escapePoint')}>
            <Input maxLength={500} />
          </Form.Item>
          <Area name="verification" label={f('verification')} />
        </>
      );
    case 'D5':
      return actionRows(true);
    case 'D6':
      return (
        <>
          <Form.Item label={f('implementations')}>
            <Rows name="implementations" addLabel={f('addImplementation')}>
              {(row) => (
                <>
                  <Form.Item name={[row, 'action']} noStyle>
                    <Input placeholder={f('action')} style={{ width: 260 }} maxLength={1000} />
                  </Form.Item>
                  <Form.Item name={[row, 'implementedOn']} noStyle>
                    <DateField />
                  </Form.Item>
                  <Form.Item name={[row, 'result']} noStyle>
                    <Input placeholder={f('result')} style={{ width: 260 }} maxLength={2000} />
                  </Form.Item>
                </>
              )}
            </Rows>
          </Form.Item>
          <Area name="validation" label={f('validation')} />
          <Form.Item name="effectiveFrom" label={f('effectiveFrom')}>
            <DateField />
          </Form.Item>
        </>
      );
    case 'D7':
      return (
        <>
          <Area name="measures" label={f('measures')} />
          <Form.Item name="documentsUpdated" label={f('documentsUpdated')} extra={f('documentsHint')}>
            <Select mode="tags" open={false} suffixIcon={null} />
          </Form.Item>
          <Area name="horizontalDeployment" label={f('horizontalDeployment')} />
        </>
      );
    case 'D8':
      return (
        <>
          <Area name="closureSummary" label={f('closureSummary')} />
          <Area name="recognition" label={f('recognition')} />
        </>
      );
  }
};
