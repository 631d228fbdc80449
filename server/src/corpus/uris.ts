// Document URIs as the corpus spells them. An editor may send any URI: a UNC share, an encoded '/'
// in a segment, an untitled or virtual document. Those that no local path stands for stay outside
// the corpus; none of them may throw.

import { basename } from 'node:path';
import { pathToUri, uriToPath } from './workspace';

/** One spelling of a file URI (VS Code's and Node's percent-encodings differ); a URI no local path stands for stays as it is. */
export function corpusUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToUri(uriToPath(uri));
  } catch {
    return uri;
  }
}

/** The file name in a URI: its path's, else its last segment, decoded when it can be. */
export function fileNameOf(uri: string): string {
  try {
    return basename(uriToPath(uri));
  } catch {
    const segment = uri.slice(uri.lastIndexOf('/') + 1);
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }
}
