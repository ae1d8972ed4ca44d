import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { basePreset } from './base-preset';
import { appliancePreset } from './presets/appliance.preset';
import { autoPreset } from './presets/auto.preset';
import { foodPreset } from './presets/food.preset';
import { furniturePreset } from './presets/furniture.preset';
import { medicalPreset } from './presets/medical.preset';
import type { SeedPreset, SeedReport } from './seed-preset';

/** The presets `closeloop seed --preset` knows. Industry presets (food, appliance, …) register here. */
export const SEED_PRESETS: readonly SeedPreset[] = [
  basePreset,
  foodPreset,
  appliancePreset,
  medicalPreset,
  autoPreset,
  furniturePreset,
];

/** Applies a preset by name; PRESET_NOT_FOUND lists the ones that exist. */
export const runSeed = async (
  deps: Deps,
  presetName: string,
  options: { demo: boolean },
): Promise<SeedReport> => {
  const preset = SEED_PRESETS.find((p) => p.name === presetName);
  if (!preset)
    throw new AppError('PRESET_NOT_FOUND', {
      preset: presetName,
      available: SEED_PRESETS.map((p) => p.name),
    });
  return preset.apply(deps, options);
};
