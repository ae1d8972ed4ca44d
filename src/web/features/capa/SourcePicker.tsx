import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toQuery } from '../../app/api-client';
import type { BatchCaseList, CapaActions, QualityReports, QueuePage } from '../../app/api-types';
import type { CapaSourceType } from '../../../domain/capa/capa-action';

type Option = { value: string; label: string };
type Listing = QueuePage | BatchCaseList | QualityReports | CapaActions;

const url = (type: CapaSourceType, q: string): string | undefined => {
  switch (type) {
    case 'complaint':
      return `/api/v1/complaints${toQuery({ q: q || undefined, limit: 20 })}`;
    case 'batch_case':
      return `/api/v1/batch-cases${toQuery({ limit: 200 })}`;
    case 'quality_report':
      return `/api/v1/quality-reports${toQuery({ limit: 200 })}`;
    case 'recurrence':
      return `/api/v1/capa-actions${toQuery({ limit: 200 })}`;
    case 'management_review':
      return undefined;
  }
};

type Props = {
  readonly sourceType: CapaSourceType | undefined;
  readonly value?: string;
  readonly onChange?: (id: string | undefined) => void;
  /** The source already chosen elsewhere (e.g. the batch case the form was opened from), shown by its number. */
  readonly fixed?: Option;
};

/** Picks the complaint, batch case, quality report or CAPA action a CAPA action, 8D or disposal comes from. */
export const SourcePicker = ({ sourceType, value, onChange, fixed }: Props) => {
  const { t } = useTranslation('capa');
  const [q, setQ] = useState('');
  const address = sourceType && !fixed ? url(sourceType, q) : undefined;
  const list = useQuery({
    queryKey: ['capa-source', sourceType, sourceType === 'complaint' ? q : ''],
    queryFn: () => api.get<Listing>(address ?? ''),
    enabled: !!address,
  });
  const options: Option[] = fixed
    ? [fixed]
    : (list.data?.items ?? []).map((x) => ({ value: x.id, label: x.number }));
  return (
    <Select
      allowClear={!fixed}
      disabled={!!fixed || !address}
      showSearch
      filterOption={sourceType === 'complaint' ? false : (input, o) => (o?.label ?? '').includes(input)}
      onSearch={sourceType === 'complaint' ? setQ : undefined}
      placeholder={t('create.sourcePlaceholder')}
      loading={list.isFetching}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      data-testid="source-picker"
    />
  );
};
