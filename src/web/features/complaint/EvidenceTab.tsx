import { FilePdfOutlined, PlaySquareOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Image, Space, Spin, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../app/api-client';
import type { EvidenceList, EvidenceUpload } from '../../app/api-types';
import { formatDateTime } from '../../app/time';

/** Photos, videos and PDFs: thumbnails with a full-size preview, upload from disk (type checked by the server). */
export const EvidenceTab = ({ complaintId }: { complaintId: string }) => {
  const { t } = useTranslation('complaint');
  const { message } = App.useApp();
  const client = useQueryClient();
  const q = useQuery({
    queryKey: ['evidence', complaintId],
    queryFn: () => api.get<EvidenceList>(`/api/v1/complaints/${complaintId}/evidence`),
  });
  const upload = async (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const r = await api.post<EvidenceUpload>(`/api/v1/complaints/${complaintId}/evidence`, form);
      void message.success(
        r.items.some((i) => i.deduplicated) ? t('evidence.duplicate') : t('evidence.uploaded'),
      );
      await client.invalidateQueries({ queryKey: ['evidence', complaintId] });
      await client.invalidateQueries({ queryKey: ['timeline', complaintId] });
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e), 6);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Upload
        multiple
        showUploadList={false}
        accept="image/*,video/*,application/pdf"
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />}>{t('evidence.upload')}</Button>
      </Upload>
      {q.isPending ? (
        <Spin />
      ) : !q.data || q.data.items.length === 0 ? (
        <Empty description={t('evidence.empty')} />
      ) : (
        <Image.PreviewGroup>
          <Space wrap data-testid="evidence-gallery">
            {q.data.items.map((e) => (
              <Card key={e.id} size="small" style={{ width: 180 }} styles={{ body: { padding: 8 } }}>
                {e.kind === 'image' ? (
                  <Image
                    width={160}
                    height={120}
                    style={{ objectFit: 'cover' }}
                    src={e.thumbnailUrl ?? e.contentUrl}
                    preview={{ src: e.contentUrl }}
                    alt={e.caption ?? e.originalName}
                  />
                ) : (
                  <a
                    href={e.contentUrl}
                    target="_blank"
                    rel="noreferrer"
                    style={{ display: 'block', height: 120, fontSize: 48, textAlign: 'center' }}
                  >
                    {e.kind === 'pdf' ? <FilePdfOutlined /> : <PlaySquareOutlined />}
                  </a>
                )}
                <Typography.Text ellipsis style={{ display: 'block' }} title={e.originalName}>
                  {e.caption ?? e.originalName}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.uploadedAt)}
                </Typography.Text>
              </Card>
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
    </Space>
  );
};
