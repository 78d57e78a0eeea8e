import { runSubgraphProcess } from '@supervision/kit';
import { streetSubgraph } from './subgraph';

runSubgraphProcess(streetSubgraph);
