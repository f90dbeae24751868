/** USD per million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
}

/**
 * List prices of the Gemini API paid tier (ai.google.dev/pricing, standard context, text), used to estimate
 * what each call cost. Prices change: override or add models with AI_MODEL_PRICES_JSON rather than editing
 * code. A model matches its own entry, else the longest entry it starts with (dated previews of a model).
 */
export const DEFAULT_MODEL_PRICES: Readonly<Record<string, ModelPrice>> = {
  'gemini-2.5-pro': { input: 1.25, output: 10 },
  'gemini-2.5-flash': { input: 0.3, output: 2.5 },
  'gemini-2.5-flash-lite': { input: 0.1, output: 0.4 },
  'gemini-2.0-flash': { input: 0.1, output: 0.4 },
  'gemini-2.0-flash-lite': { input: 0.075, output: 0.3 },
  'gemini-1.5-pro': { input: 1.25, output: 5 },
  'gemini-1.5-flash': { input: 0.075, output: 0.3 },
  'gemini-embedding-001': { input: 0.15, output: 0 },
  'text-embedding-004': { input: 0, output: 0 },
  offline: { input: 0, output: 0 },
};

const TOKENS_PER_UNIT = 1_000_000;

export class ModelPriceTable {
  private readonly byLength: [string, ModelPrice][];

  constructor(prices: Readonly<Record<string, ModelPrice>>) {
    this.byLength = Object.entries(prices).sort(([a], [b]) => b.length - a.length);
  }

  /** The built-in table with AI_MODEL_PRICES_JSON's entries on top. */
  static fromConfig(overridesJson: string | undefined): ModelPriceTable {
    return new ModelPriceTable({ ...DEFAULT_MODEL_PRICES, ...(overridesJson ? parseModelPrices(overridesJson) : {}) });
  }

  priceOf(model: string): ModelPrice | null {
    // LangChain and the REST API also spell models as "models/gemini-…".
    const name = model.trim().toLowerCase().replace(/^models\//, '');
    const exact = this.byLength.find(([key]) => key === name);
    const prefixed = exact ?? this.byLength.find(([key]) => name.startsWith(`${key}-`));
    return prefixed ? prefixed[1] : null;
  }

  /** USD for one call; null when the model has no price (the call is then recorded at zero cost). */
  costUsd(model: string, inputTokens: number, outputTokens: number): number | null {
    const price = this.priceOf(model);
    if (!price) return null;
    return (Math.max(0, inputTokens) * price.input + Math.max(0, outputTokens) * price.output) / TOKENS_PER_UNIT;
  }
}

/** Validates `{"model": {"input": number, "output": number}}`; throws naming the variable at boot. */
export function parseModelPrices(json: string): Record<string, ModelPrice> {
  const fail = (why: string): never => {
    throw new Error(`AI_MODEL_PRICES_JSON: ${why}; expected {"model-name":{"input":USD per 1M tokens,"output":USD per 1M tokens}}`);
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return fail('not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fail('not a JSON object');
  const prices: Record<string, ModelPrice> = {};
  for (const [model, price] of Object.entries(parsed)) {
    const { input, output } = (typeof price === 'object' && price !== null ? price : {}) as Record<string, unknown>;
    if (!isPrice(input) || !isPrice(output)) fail(`"${model}" needs non-negative numbers "input" and "output"`);
    prices[model.trim().toLowerCase()] = { input: input as number, output: output as number };
  }
  return prices;
}

function isPrice(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
