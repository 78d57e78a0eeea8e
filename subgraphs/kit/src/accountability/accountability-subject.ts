import { GraphQLError } from 'graphql';
import { badUserInput } from '../errors/graphql-errors';
import { UnreachableServiceError } from '../http/deadline-fetch';
import { levelOfCode, type Level } from '../jurisdiction/admin-code';
import { assertOwnOrDirectlyBelow } from '../jurisdiction/own-or-below';
import { CadreEntity } from '../org/cadre.entity';
import { UnitEntity } from '../org/unit.entity';
import { ACCOUNTABILITY_SUBJECT, askPeer } from '../cross-level/peer-operations';
import type { SubgraphContext } from '../server/context';
import { namedJurisdiction } from '../jurisdiction/divisions';
import { LEVEL_NAME_ZH } from '../level/level-names';

export interface SubjectInput {
  subjectJurisdictionCode: string;
  subjectUnitId?: string | null;
  subjectCadreId?: string | null;
}

interface Holder {
  id: string;
  jurisdictionCode: string;
  unitId?: string;
}

/**
 * The subject of a case is a unit and/or a cadre of the deciding jurisdiction or one directly
 * below. Both must exist where they are said to be, and a named cadre must belong to the named
 * unit. The level below's units and cadres are asked of its subgraph with the caller's token.
 */
export async function checkSubject(context: SubgraphContext<unknown>, decidingLevel: Level, decidingCode: string, input: SubjectInput): Promise<void> {
  const code = assertOwnOrDirectlyBelow(decidingCode, input.subjectJurisdictionCode, 'input.subjectJurisdictionCode');
  const unitId = input.subjectUnitId ?? null;
  const cadreId = input.subjectCadreId ?? null;
  if (!unitId && !cadreId) throw badUserInput('input.subjectCadreId', '请注明被问责的干部或单位（或两者） / name the cadre or the unit held to account (or both)');
  const level = levelOfCode(code)!;

  let unit: Holder | null = null;
  let cadre: Holder | null = null;
  if (level === decidingLevel) {
    if (unitId) unit = await context.em.findOne(UnitEntity, { id: unitId });
    if (cadreId) cadre = await context.em.findOne(CadreEntity, { id: cadreId });
  } else {
    const data = await askBelow(context, level, code, unitId, cadreId);
    unit = data.unit ?? null;
    cadre = data.cadre ?? null;
  }
  if (unitId && (!unit || unit.jurisdictionCode !== code)) throw badUserInput('input.subjectUnitId', `${namedJurisdiction(code)} 没有单位 ${unitId} / no unit ${unitId} in ${namedJurisdiction(code)}`);
  if (cadreId && (!cadre || cadre.jurisdictionCode !== code)) throw badUserInput('input.subjectCadreId', `${namedJurisdiction(code)} 没有干部 ${cadreId} / no cadre ${cadreId} in ${namedJurisdiction(code)}`);
  if (unit && cadre && cadre.unitId !== unit.id) throw badUserInput('input.subjectCadreId', `干部 ${cadreId} 不属于单位 ${unitId} / cadre ${cadreId} is not a cadre of unit ${unitId}`);
}

/**
 * Asks the level below for the subject. Its refusals (FORBIDDEN, BAD_USER_INPUT …) pass on as
 * they are; a level that gave no answer — unreachable, timed out, failed — is refused on the
 * subject's field before anything is written, like a basis that could not be read.
 */
async function askBelow(context: SubgraphContext<unknown>, level: Level, code: string, unitId: string | null, cadreId: string | null) {
  try {
    return await askPeer(context, ACCOUNTABILITY_SUBJECT, level, { unit: Boolean(unitId), cadre: Boolean(cadreId) }, {
      ...(unitId ? { unitId } : {}),
      ...(cadreId ? { cadreId } : {}),
    });
  } catch (error) {
    if (error instanceof GraphQLError && !(error instanceof UnreachableServiceError)) throw error;
    throw badUserInput(
      unitId ? 'input.subjectUnitId' : 'input.subjectCadreId',
      `无法连接${LEVEL_NAME_ZH[level]}子图核实${namedJurisdiction(code)}的问责对象，未立案 / the ${level} level could not be reached to check the subject in ${namedJurisdiction(code)} (${(error as Error).message}); nothing was written`,
    );
  }
}
