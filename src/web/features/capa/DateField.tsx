import { DatePicker } from 'antd';
import { dayjs } from '../../app/time';

type Props = {
  readonly value?: string | null;
  readonly onChange?: (value: string | undefined) => void;
  readonly disabledBefore?: string;
  readonly 'data-testid'?: string;
};

/** A date picker whose form value is the API's calendar date `YYYY-MM-DD` (a day, no time zone). */
export const DateField = ({ value, onChange, disabledBefore, ...rest }: Props) => (
  <DatePicker
    value={value ? dayjs(value, 'YYYY-MM-DD') : null}
    onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : undefined)}
    disabledDate={disabledBefore ? (d) => d.format('YYYY-MM-DD') < disabledBefore : undefined}
    data-testid={rest['data-testid']}
  />
);
