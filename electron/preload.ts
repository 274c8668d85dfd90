import { contextBridge, ipcRenderer } from 'electron';

// Sandboxed preloads cannot require our own modules, so the transport channel name is repeated here;
// tests/electron/preload-contract.test.ts keeps it equal to IPC_TRANSPORT_CHANNEL in electron/api/contract.ts.
const IPC_TRANSPORT_CHANNEL = 'careinspect:invoke';

/**
 * Exposes exactly one object, `window.api`, with one function. No ipcRenderer, no Node: the main process
 * checks the sender and validates every call against the contract.
 */
contextBridge.exposeInMainWorld(
  'api',
  Object.freeze({
    invoke: (channel: string, input: unknown): Promise<unknown> =>
      ipcRenderer.invoke(IPC_TRANSPORT_CHANNEL, String(channel), input),
  }),
);
