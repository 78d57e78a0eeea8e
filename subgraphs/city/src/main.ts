import { runSubgraphProcess } from '@supervision/kit';
import { citySubgraph } from './subgraph';

runSubgraphProcess(citySubgraph);
