import type { EntityManager } from '@mikro-orm/postgresql';
import type { Level } from '../jurisdiction/admin-code';
import type { SubgraphContext } from '../server/context';
import { RectificationReportEntity } from '../supervision/supervision.entities';
import { GraphQLError } from 'graphql';
import type { CrossLevelStep } from './compensated-step';
import { askPeer, WITHDRAW_FINDING_REPORT } from './peer-operations';

/** How the relay checks a step that may need undoing, and undoes it. */
export interface CrossLevelFlow {
  /** True when the local record exists after all (the local transaction did commit). */
  localRecordExists(em: EntityManager, step: Pick<CrossLevelStep, 'id'>): Promise<boolean>;
  /** Undoes the remote step; must be idempotent (it may be sent more than once). */
  compensate(context: SubgraphContext<unknown>, step: Pick<CrossLevelStep, 'id' | 'targetLevel' | 'payload'>): Promise<void>;
}

/** The rectification report recorded on the level above's finding (rectification.module.ts). */
export const FINDING_REPORT_FLOW = 'finding-report';

export const CROSS_LEVEL_FLOWS: Record<string, CrossLevelFlow> = {
  [FINDING_REPORT_FLOW]: {
    localRecordExists: async (em, step) => (await em.count(RectificationReportEntity, { id: step.id })) > 0,
    compensate: async (context, step) => {
      try {
        await askPeer(context, WITHDRAW_FINDING_REPORT, step.targetLevel as Level, undefined, {
          findingId: step.payload.findingId,
          reportId: step.id,
        });
      } catch (error) {
        // No such finding there: nothing was recorded, so nothing is left to undo.
        if (!(error instanceof GraphQLError && error.extensions?.code === 'NOT_FOUND')) throw error;
      }
    },
  },
};
