/** ws: or wss: to the live documents' path of the page's own host: the browser sends the session cookie with it. */
export function collabUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/collab`;
}
