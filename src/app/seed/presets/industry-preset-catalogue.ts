import { appliancePreset } from './appliance.preset';
import { autoPreset } from './auto.preset';
import { foodPreset } from './food.preset';
import { furniturePreset } from './furniture.preset';
import type { IndustryPreset } from './industry-preset';
import { medicalPreset } from './medical.preset';

type Label = { readonly 'zh-CN': string; readonly en: string };

/** An industry preset as the console offers it: a short name to show beside its description. */
export type IndustryPresetEntry = { readonly preset: IndustryPreset; readonly label: Label };

/** The industry presets an administrator can switch between in the console (DOMAIN §18), in display order. */
export const INDUSTRY_PRESETS: readonly IndustryPresetEntry[] = [
  { preset: foodPreset, label: { 'zh-CN': '食品', en: 'Food' } },
  { preset: appliancePreset, label: { 'zh-CN': '家电/电子', en: 'Appliances and electronics' } },
  { preset: medicalPreset, label: { 'zh-CN': '医疗器械', en: 'Medical devices' } },
  { preset: autoPreset, label: { 'zh-CN': '汽车经销商', en: 'Car dealers' } },
  { preset: furniturePreset, label: { 'zh-CN': '家具/建材', en: 'Furniture and building materials' } },
];

export const findIndustryPreset = (name: string): IndustryPresetEntry | undefined =>
  INDUSTRY_PRESETS.find((e) => e.preset.name === name);
