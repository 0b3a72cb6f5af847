import type { ReactiveControllerHost } from 'lit';
import { FEATURE_TITLES, features, loadFeature, type FeatureName } from './registry.js';

/**
 * Loads the features an element needs before the update that draws them, and remembers those that
 * failed: each becomes one problem line (not tried again by this element), and the rest still draws.
 */
export class FeatureLoader {
  private readonly _failed = new Map<FeatureName, string>();

  constructor(
    private readonly _host: ReactiveControllerHost,
    /** The features the element's properties need now. */
    private readonly _needed: () => FeatureName[],
    /** Called after a load, when the features are in the registry, before the update. */
    private readonly _loaded: () => void,
    /** Loads one feature into the registry (the registry's loadFeature). */
    private readonly _load: (name: FeatureName) => Promise<void> = loadFeature,
  ) {}

  /** One sentence per feature that could not be loaded. */
  get problems(): string[] {
    return [...this._failed.values()];
  }

  /**
   * For scheduleUpdate: the load of what is needed and missing, or undefined when nothing is (what
   * another element loaded meanwhile is handed over at once).
   */
  beforeUpdate(): Promise<void> | undefined {
    const missing = this._needed().filter((name) => !features[name] && !this._failed.has(name));
    if (missing.length) return this.load(missing);
    this._loaded();
    return undefined;
  }

  /** Loads features (resolves also when one fails: it is reported, see `problems`). */
  async load(names: FeatureName[]): Promise<void> {
    await Promise.all(
      names.map((name) =>
        this._load(name).catch((error: unknown) => {
          if (this._failed.has(name)) return;
          this._failed.set(name, `could not load the ${FEATURE_TITLES[name]} (${error instanceof Error ? error.message : String(error)}); drawn without it`);
          this._host.requestUpdate();
        }),
      ),
    );
    this._loaded();
  }

  /** The problem line of a feature that failed, if it did. */
  failure(name: FeatureName): string | undefined {
    return this._failed.get(name);
  }
}
