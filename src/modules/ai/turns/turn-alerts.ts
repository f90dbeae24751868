import { Injectable, Logger } from '@nestjs/common';
import { AlertSeverity, AlertType } from 'src/modules/alerts/alert.entity';
import { AlertsService } from 'src/modules/alerts/alerts.service';
import { TurnAnalysis } from '../analysis/turn-analysis';
import { TurnScope } from './turn-models';

/**
 * What the clinic must see at once. Until the notifications feed exists (secretary workspace), an urgent
 * conversation and a failing model are raised as alerts, one per conversation while open.
 */
@Injectable()
export class TurnAlerts {
  private readonly logger = new Logger(TurnAlerts.name);

  constructor(private readonly alerts: AlertsService) {}

  async urgent(scope: TurnScope, analysis: TurnAnalysis): Promise<void> {
    await this.raise(scope, {
      type: AlertType.UrgentConversation,
      severity: AlertSeverity.Critical,
      title: 'A patient may have an emergency: answer now',
      dedupeKey: `urgent-conversation:${scope.conversationId}`,
      // Symptoms are health data: the alert names the conversation; the dashboard shows the rest to those who may see it.
      details: { conversationId: scope.conversationId, symptomCount: analysis.symptoms.length },
    });
  }

  async modelFailures(scope: TurnScope, streak: number, error: string): Promise<void> {
    await this.raise(scope, {
      type: AlertType.AiModelFailing,
      severity: AlertSeverity.Warning,
      title: 'The AI failed several times in a row and handed the conversation to the team',
      dedupeKey: `ai-model-failing:${scope.conversationId}`,
      details: { conversationId: scope.conversationId, failures: streak, error: error.slice(0, 300) },
    });
  }

  private async raise(scope: TurnScope, alert: Parameters<AlertsService['raise']>[1]): Promise<void> {
    try {
      await this.alerts.raise(scope.organizationId, alert);
    } catch (error) {
      // The handoff itself is what protects the patient; a lost alert must not undo it.
      this.logger.error({ err: error, conversationId: scope.conversationId, type: alert.type }, 'alert not raised');
    }
  }
}
