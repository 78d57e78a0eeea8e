import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { loaderOfMany, loaderOfOne } from '../db/loaders';
import { LoaderFamily } from '../pagination/paged-loader';
import { AccountabilityDecisionForm } from './accountability.enums';
import { AccountabilityBasisEntity, AccountabilityCaseEntity } from './accountability.entity';

export interface AccountabilityStats {
  total: number;
  open: number;
  decided: number;
  byForm: { form: AccountabilityDecisionForm; count: number }[];
}

const FORMS = Object.values(AccountabilityDecisionForm);

/**
 * Cases of many deciding jurisdictions, by status and decision form, in ONE statement counted by
 * PostgreSQL (`city { districts { accountabilityStats } }` costs one query). Each form is its
 * own filtered count, so every form is listed, zeros included, without a second query.
 */
function statsLoader(em: EntityManager) {
  return new DataLoader<string, AccountabilityStats>(async (codes) => {
    const formColumns = FORMS.map((form) => `count(*) filter (where "decision_form" = '${form}')::int as "${form}"`).join(',\n              ');
    const rows: Record<string, number | string>[] = await em.getConnection().execute(
      `select "jurisdiction_code" as "code",
              count(*)::int as "total",
              count(*) filter (where "status" = 'OPEN')::int as "open",
              count(*) filter (where "status" = 'DECIDED')::int as "decided",
              ${formColumns}
         from "accountability_case"
        where "jurisdiction_code" in (${codes.map(() => '?').join(', ')})
        group by "jurisdiction_code"`,
      [...codes],
    );
    const byCode = new Map(rows.map((row) => [String(row.code), row]));
    return codes.map((code) => {
      const row = byCode.get(code);
      return {
        total: Number(row?.total ?? 0),
        open: Number(row?.open ?? 0),
        decided: Number(row?.decided ?? 0),
        byForm: FORMS.map((form) => ({ form, count: Number(row?.[form] ?? 0) })),
      };
    });
  });
}

export function createAccountabilityLoaders(em: EntityManager) {
  return {
    accountabilityCaseById: loaderOfOne(
      (ids: readonly string[]) => em.find(AccountabilityCaseEntity, { id: { $in: [...ids] } }),
      (record) => record.id,
    ),
    accountabilityBasisByCase: loaderOfMany(
      (ids: readonly string[]) => em.find(AccountabilityBasisEntity, { caseId: { $in: [...ids] } }, { orderBy: { position: 'asc' } }),
      (basis) => basis.caseId,
    ),
    accountabilityStats: statsLoader(em),
    accountabilityCasePages: new LoaderFamily(),
  };
}

export type AccountabilityLoaders = ReturnType<typeof createAccountabilityLoaders>;
