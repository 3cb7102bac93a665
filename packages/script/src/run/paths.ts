/**
 * Checks and normalises a file path written in a script before it reaches the host's resolver
 * (which still enforces its own root). Accepted: `lib://Connection/dir/file` (the connection may
 * be `Space:DataFiles`) and relative `dir/file`. Refused: `..` and other dot-only segments,
 * absolute and drive paths, UNC paths and other URL schemes. Returns the normalised path, or the
 * reason it is refused.
 */
export function normaliseScriptPath(written: string): { path: string } | { refused: string } {
  const path = written.trim().replace(/\\/g, '/');
  if (path === '') return { refused: 'the file path is empty' };
  let prefix = '';
  let rest = path;
  const lib = /^lib:\/\/([^/]+)\/?(.*)$/i.exec(path);
  if (lib) {
    prefix = `lib://${lib[1]}/`;
    rest = lib[2] as string;
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    return { refused: 'only lib:// data connections and relative paths can be read' };
  } else if (path.startsWith('/') || /^[a-z]:/i.test(path)) {
    return { refused: 'absolute paths are not allowed; use lib://DataFiles/…' };
  }
  const segments: string[] = [];
  for (const segment of rest.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (/^\.+$/.test(segment))
      return { refused: `the path segment "${segment}" would leave the data folder` };
    segments.push(segment);
  }
  if (segments.length === 0) return { refused: 'the path names a folder, not a file' };
  return { path: prefix + segments.join('/') };
}

/** The file name part of a path (`FileName()`), and without its extension (`FileBaseName()`). */
export function fileNameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function fileBaseNameOf(path: string): string {
  const name = fileNameOf(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
