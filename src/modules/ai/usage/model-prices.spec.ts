import { DEFAULT_MODEL_PRICES, ModelPriceTable, parseModelPrices } from './model-prices';

describe(ModelPriceTable.name, () => {
  const sut = new ModelPriceTable(DEFAULT_MODEL_PRICES);

  describe('costUsd', () => {
    it('should price input and output tokens per million', () => {
      // gemini-2.5-flash: $0.30 in, $2.50 out per 1M tokens.
      expect(sut.costUsd('gemini-2.5-flash', 1_000_000, 0)).toBeCloseTo(0.3, 10);
      expect(sut.costUsd('gemini-2.5-flash', 2_000, 500)).toBeCloseTo(0.0006 + 0.00125, 10);
    });

    it('should price a dated preview like its base model, preferring the longest match', () => {
      expect(sut.costUsd('gemini-2.5-flash-preview-09-2025', 1_000_000, 1_000_000)).toBeCloseTo(2.8, 10);
      expect(sut.costUsd('gemini-2.5-flash-lite-preview-06-17', 1_000_000, 1_000_000)).toBeCloseTo(0.5, 10);
    });

    it('should accept the "models/" spelling and any case', () => {
      expect(sut.costUsd('models/Gemini-2.5-Pro', 1_000_000, 0)).toBeCloseTo(1.25, 10);
    });

    it('should not match a model that merely shares a prefix without a dash', () => {
      expect(sut.priceOf('gemini-2.5-flashy')).toBeNull();
    });

    it('should answer null for an unknown model and treat negative counts as zero', () => {
      expect(sut.costUsd('gpt-4o', 10, 10)).toBeNull();
      expect(sut.costUsd('gemini-2.5-flash', -5, -5)).toBe(0);
    });
  });

  describe('fromConfig', () => {
    it('should override and extend the built-in table from AI_MODEL_PRICES_JSON', () => {
      const table = ModelPriceTable.fromConfig('{"gemini-2.5-flash":{"input":1,"output":2},"Gemini-3-Flash":{"input":0.5,"output":3}}');
      expect(table.costUsd('gemini-2.5-flash', 1_000_000, 1_000_000)).toBeCloseTo(3, 10);
      expect(table.costUsd('gemini-3-flash', 1_000_000, 0)).toBeCloseTo(0.5, 10);
      expect(table.costUsd('gemini-2.5-pro', 1_000_000, 0)).toBeCloseTo(1.25, 10);
    });

    it('should use the built-in table when nothing is configured', () => {
      expect(ModelPriceTable.fromConfig(undefined).priceOf('gemini-2.0-flash')).toEqual(DEFAULT_MODEL_PRICES['gemini-2.0-flash']);
    });
  });

  describe(parseModelPrices.name, () => {
    it.each([
      ['not JSON', '{nope', /not valid JSON/],
      ['an array', '[]', /not a JSON object/],
      ['a missing output', '{"m":{"input":1}}', /"m" needs non-negative numbers/],
      ['a negative price', '{"m":{"input":-1,"output":1}}', /"m" needs/],
      ['a string price', '{"m":{"input":"1","output":1}}', /"m" needs/],
    ])('should refuse %s, naming the variable', (_case, json, message) => {
      expect(() => parseModelPrices(json)).toThrow(/AI_MODEL_PRICES_JSON/);
      expect(() => parseModelPrices(json)).toThrow(message);
    });
  });
});
