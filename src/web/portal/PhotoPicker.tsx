import { CameraOutlined } from '@ant-design/icons';
import { Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';

export const MAX_PHOTOS = 9;

type Props = {
  readonly fileList?: UploadFile[];
  readonly onChange?: (list: UploadFile[]) => void;
  readonly disabled?: boolean;
  readonly testId?: string;
};

/**
 * Photos from the phone camera (or the gallery): kept in the browser until the complaint exists, then uploaded
 * with its tracking token. `capture="environment"` opens the rear camera on phones.
 */
export const PhotoPicker = ({ fileList = [], onChange, disabled, testId = 'portal-photo-input' }: Props) => {
  const { t } = useTranslation('portal');
  return (
    <Upload
      listType="picture-card"
      accept="image/*"
      capture="environment"
      multiple
      disabled={disabled}
      maxCount={MAX_PHOTOS}
      fileList={fileList}
      beforeUpload={() => false}
      onChange={(info) => onChange?.(info.fileList.slice(0, MAX_PHOTOS))}
      showUploadList={{ showPreviewIcon: false }}
      data-testid={testId}
    >
      {fileList.length >= MAX_PHOTOS ? null : (
        <div style={{ padding: 4 }}>
          <CameraOutlined style={{ fontSize: 24 }} />
          <div style={{ marginTop: 6, fontSize: 13 }}>{t('submit.addPhoto')}</div>
        </div>
      )}
    </Upload>
  );
};
