import type { ApiError, ChannelInput, ChannelName, ChannelOutput, PreloadApi } from '../../electron/api';

declare global {
  interface Window {
    /** The one object the preload script (or the test bridge) exposes. */
    api?: PreloadApi;
  }
}

/** A failed call, carrying the service's code and its Chinese message. */
export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  readonly issues: ApiError['issues'];
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.issues = error.issues;
  }
}

/** Calls a channel of the contract; resolves with its value or rejects with {@link ApiCallError}. */
export async function call<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> {
  const api = window.api;
  if (!api) throw new ApiCallError({ code: 'INTERNAL', message: '程序接口未就绪：请通过桌面程序或 npm run preview 打开本页面' });
  const result = await api.invoke(channel, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value as ChannelOutput<K>;
}
