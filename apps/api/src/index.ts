export { type ApiServer, buildServer, type RouteInfo } from './server.ts';
export { startApi } from './start.ts';
