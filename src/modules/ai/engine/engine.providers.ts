import { Provider } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { aiConfig } from 'src/config/ai.config';
import { OfflineAnalyser } from 'src/modules/ai/analysis/offline/offline-analyser';
import { GeminiEngine } from './gemini/gemini-engine';
import { ANALYSIS_FALLBACK, GEMINI_ENGINE_OPTIONS, GeminiEngineOptions } from './gemini/gemini-engine.options';
import { GEMINI_MODEL_FACTORY, LangChainGeminiModelFactory } from './gemini/gemini-model.factory';
import { OfflineReplyComposer } from './offline/offline-reply-composer';

/** The engines for AiModule; e2e tests override GEMINI_MODEL_FACTORY with one returning fake chat models. */
export const ENGINE_PROVIDERS: Provider[] = [
  { provide: GEMINI_MODEL_FACTORY, useFactory: () => new LangChainGeminiModelFactory() },
  { provide: ANALYSIS_FALLBACK, useFactory: () => new OfflineAnalyser() },
  {
    provide: GEMINI_ENGINE_OPTIONS,
    inject: [aiConfig.KEY],
    useFactory: (config: ConfigType<typeof aiConfig>): Partial<GeminiEngineOptions> => ({ timeoutMs: config.callTimeoutMs }),
  },
  GeminiEngine,
  OfflineReplyComposer,
];
