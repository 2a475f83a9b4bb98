import { readFile } from 'node:fs/promises';
import { app, protocol, session, type WebContents } from 'electron';
import { APP_SCHEME, isAllowedRequest, resolveAppFile } from './shell';

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
 * app:// is a standard, secure scheme (so 'self' in the CSP means it, and the page gets an origin
 * of its own instead of file://). Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } }]);
}

/** Serves the built renderer from `root` on app://groundwork with the CSP header; anything else is 404. */
export function serveApp(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(request.url, root);
    if (file === null) return new Response('not found', { status: 404 });
    try {
      return new Response(await readFile(file.path), {
        headers: { 'Content-Type': file.contentType, 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}

/**
 * Offline by design: the renderer may load its own files (and, in development, the local dev
 * server) and nothing else — not even file:// URLs. Navigation, new windows, webviews and
 * permission requests are refused.
 */
export function lockDownSessions(devServerUrl: string | undefined): void {
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, devServerUrl) }));
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
