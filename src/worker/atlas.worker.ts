/// <reference lib="webworker" />
/** The app's one analytics worker: the API of api.ts, exposed through Comlink. */
import { expose } from 'comlink';
import { createAtlasApi } from './api.ts';

expose(createAtlasApi());
