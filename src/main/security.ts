import { app, session, type WebContents } from 'electron';

/** The production Content-Security-Policy; the renderer's index.html carries the same one. */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Offline by design: the renderer may load its own files (and, in development, the local dev
 * server) and nothing else. Navigation, new windows, webviews and permission requests are refused.
 */
export function lockDownSessions(devServerUrl: string | undefined): void {
  const allowedPrefixes = ['file://', 'devtools://', ...(devServerUrl ? [new URL(devServerUrl).origin, devServerUrl.replace(/^http/, 'ws')] : [])];
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = allowedPrefixes.some((prefix) => details.url.startsWith(prefix));
    callback({ cancel: !allowed });
  });
  if (!devServerUrl) {
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
    });
  }
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** True when an IPC message comes from our own page, not from some other frame. */
export function isTrustedSender(url: string, devServerUrl: string | undefined): boolean {
  if (devServerUrl) return url.startsWith(devServerUrl);
  return url.startsWith('file://');
}
