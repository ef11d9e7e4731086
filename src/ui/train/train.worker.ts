/** Training worker entry: serves the training API (train-protocol.ts); nothing else lives here. */
import { serve, type Endpoint } from '../../worker/rpc';
import type { TrainApi } from './train-protocol';
import { trainHandlers } from './train-session';

serve<TrainApi>(self as unknown as Endpoint, trainHandlers());
