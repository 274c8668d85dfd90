/** What the transport knows about who sent a call (Electron's event.senderFrame, or the test bridge's frame). */
export interface SenderInfo {
  /** URL of the frame that sent the call. */
  url: string;
  /** True when the sending frame is the top-level frame of its page (not an iframe). */
  isMainFrame: boolean;
  /** True when the sending page belongs to a window this app created. */
  isOurWindow: boolean;
}

/**
 * Accepts a call only from our own window's main frame, loaded from our own origin. GitHub Desktop once
 * shipped this check inverted, so each rejecting branch is unit-tested.
 */
export function isTrustedSender(sender: SenderInfo, trustedOrigin: string): boolean {
  if (!sender.isOurWindow || !sender.isMainFrame) return false;
  let origin: string;
  try {
    const url = new URL(sender.url);
    // app:// is not a "special" scheme for URL, so its origin is "null"; compare protocol and host instead.
    origin = `${url.protocol}//${url.host}`;
  } catch {
    return false;
  }
  return origin === trustedOrigin;
}
