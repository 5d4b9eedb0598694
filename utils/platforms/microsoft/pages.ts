// Which Microsoft page a host is: the sign-in pages or My Apps. The hosts are the covered ones
// (utils/hosts.ts): the content script runs nowhere else.
import { MICROSOFT_LOGIN_HOST, MY_APPS_HOST } from '@/utils/hosts';

export function isMicrosoftLoginHost(host: string): boolean {
  return host.toLowerCase() === MICROSOFT_LOGIN_HOST;
}

export function isMyAppsHost(host: string): boolean {
  return host.toLowerCase() === MY_APPS_HOST;
}
