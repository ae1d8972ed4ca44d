import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoPicker } from './PhotoPicker';
import type { PortalKey } from './portal-key';
import { photoFiles } from './submit-form';
import { uploadPortalPhotos } from './upload-photos';

/** More photos while the complaint is open (e.g. the ones that failed at submit). */
export const AddPhotos = ({ portalKey }: { portalKey: PortalKey }) => {
  const { t } = useTranslation('portal');
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const upload = useMutation({
    mutationFn: () => uploadPortalPhotos(portalKey, photoFiles(files)),
    onSuccess: (r) => {
      if (r.uploaded > 0) void message.success(t('track.photosUploaded', { n: r.uploaded }));
      if (r.failed === 0) setFiles([]);
    },
  });
  const failed = upload.data && upload.data.failed > 0 ? upload.data : undefined;
  return (
    <Card variant="borderless" title={t('track.addPhotos')} styles={{ body: { padding: 16 } }}>
      <PhotoPicker
        fileList={files}
        onChange={setFiles}
        disabled={upload.isPending}
        testId="portal-track-photo-input"
      />
      {failed && (
        <Alert
          type="warning"
          showIcon
          style={{ margin: '8px 0' }}
          message={t('receipt.photosFailed', { n: failed.failed, reason: failed.reason ?? '' })}
        />
      )}
      {files.length > 0 && (
        <Button
          type="primary"
          block
          size="large"
          style={{ marginTop: 8 }}
          loading={upload.isPending}
          onClick={() => upload.mutate()}
          data-testid="portal-track-photo-upload"
        >
          {t('track.uploadPhotos')}
        </Button>
      )}
    </Card>
  );
};
