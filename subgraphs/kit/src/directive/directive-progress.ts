import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

export interface DirectiveProgress {
  targets: number;
  pending: number;
  acknowledged: number;
  inProgress: number;
  completed: number;
  averageProgress: number;
}

/** A directive as the answering level knows it: its id and addressees, handed over by the gateway. */
export interface DirectiveTargets {
  id: string;
  targetCodes: readonly string[];
}

/**
 * The progress of many directives in ONE statement at the answering level. The addressees come
 * from the issuing level (through `@requires`), are unrolled in SQL and left-joined to the
 * responses, so an addressee that has not answered still counts — as pending, with progress 0.
 * Responses from anyone not addressed (there should be none) are ignored by the join.
 */
const PROGRESS_SQL = `
  select d.id::text as "directiveId",
    count(*)::int as "targets",
    (count(*) - count(r.id))::int as "pending",
    count(r.id)::int as "acknowledged",
    count(r.id) filter (where r.status = 'IN_PROGRESS')::int as "inProgress",
    count(r.id) filter (where r.status = 'COMPLETED')::int as "completed",
    round(avg(coalesce(r.progress, 0)), 1)::float8 as "averageProgress"
  from jsonb_to_recordset(?::jsonb) as d(id uuid, targets jsonb)
  cross join lateral jsonb_array_elements_text(d.targets) as t(code)
  left join directive_response r on r.directive_id = d.id and r.responder_code = t.code
  group by d.id`;

export function directiveProgressLoader(em: EntityManager) {
  return new DataLoader<DirectiveTargets, DirectiveProgress, string>(
    async (directives) => {
      const input = JSON.stringify(directives.map((directive) => ({ id: directive.id, targets: directive.targetCodes })));
      const rows = await em.getConnection().execute<(DirectiveProgress & { directiveId: string })[]>(PROGRESS_SQL, [input]);
      const byId = new Map(rows.map(({ directiveId, ...progress }) => [directiveId, progress]));
      return directives.map((directive) => byId.get(directive.id) ?? emptyProgress());
    },
    { cacheKeyFn: (directive) => directive.id },
  );
}

/** A directive with no addressees cannot be stored; this only covers an empty list handed over. */
function emptyProgress(): DirectiveProgress {
  return { targets: 0, pending: 0, acknowledged: 0, inProgress: 0, completed: 0, averageProgress: 0 };
}
