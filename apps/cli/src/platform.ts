import { loadConfig, type Platform, silentLogger } from '@assay/core';
import { bootPlatform } from '@assay/platform';

/** Boots the platform the first time a command needs it; quiet logs so command output stays readable. */
export function lazyPlatform() {
  let booting: Promise<Platform> | undefined;
  return {
    get: () => {
      booting ??= bootPlatform(loadConfig(), { migrate: true, logger: silentLogger() });
      return booting;
    },
    close: async () => {
      if (booting) await (await booting).close();
    },
  };
}
