import { checkbox, integerSetting, textField, type SettingsSection } from '../web/admin/index.js';
import { html } from '../web/html.js';

export const mediaSettingsSection: SettingsSection = {
  id: 'media',
  group: 'media',
  title: 'Images',
  description: 'Uploads are resized into AVIF, WebP and JPEG. Location, camera serial numbers and author fields are always removed.',
  toForm: ({ media }) => ({
    maxUploadMegabytes: String(media.maxUploadMegabytes),
    maxMegapixels: String(media.maxMegapixels),
    keepCreditLine: media.keepCreditLine ? '1' : undefined,
  }),
  fields: (values, error) => html`
    ${textField({ name: 'maxUploadMegabytes', label: 'Largest upload (MB)', type: 'number', value: values.maxUploadMegabytes ?? '', error })}
    ${textField({ name: 'maxMegapixels', label: 'Largest image (megapixels)', type: 'number', value: values.maxMegapixels ?? '', error, hint: 'Larger images are refused before they are decoded: a small file can claim billions of pixels.' })}
    ${checkbox({ name: 'keepCreditLine', label: 'Keep one copyright/credit line in the image files (the credit, or the photo’s own copyright)', checked: values.keepCreditLine !== undefined })}`,
  parse: (values) => ({
    maxUploadMegabytes: integerSetting(values, 'maxUploadMegabytes', 1, 100),
    maxMegapixels: integerSetting(values, 'maxMegapixels', 1, 200),
    keepCreditLine: values.keepCreditLine !== undefined,
  }),
};
