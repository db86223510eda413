import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Paths the API answers itself outside /api: the customers' survey pages. */
function servedByApi(path: string): boolean {
  return path.startsWith('/api') || path.startsWith('/survey/') || path.startsWith('/f/') || path.startsWith('/s/') || path.startsWith('/w/');
}

/**
 * Serves the built agent panel at `/`: its files, and index.html for every
 * other path the API does not answer, so that the panel's own routes survive a reload.
 */
export function spaHandlers(webDistDir: string): express.RequestHandler[] {
  const index = path.join(webDistDir, 'index.html');
  if (!existsSync(index)) {
    return [
      (request: Request, response: Response, next: NextFunction) => {
        if (request.method !== 'GET' || servedByApi(request.path)) return next();
        response
          .status(503)
          .type('text/plain; charset=utf-8')
          .send('The agent panel has not been built yet: run "npm start" (or "npx nx run web:build").');
      },
    ];
  }
  return [
    express.static(webDistDir, { index: false, maxAge: '1h', setHeaders: cacheHeaders }),
    (request: Request, response: Response, next: NextFunction) => {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || servedByApi(request.path)) return next();
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(index);
    },
  ];
}

function cacheHeaders(response: Response, file: string): void {
  // Vite fingerprints everything under assets/; those never change.
  if (file.includes(`${path.sep}assets${path.sep}`)) response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}
