import type { SavedFile } from './files';

// H5: the browser downloads the file (an <a download> over a blob URL).

export type { SavedFile } from './files';

export function saveTextFile(name: string, text: string, mime: string): Promise<SavedFile> {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started from the URL; let it go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return Promise.resolve({ path: null, name });
}

export function shareSavedFile(_file: SavedFile): Promise<void> {
  return Promise.resolve();
}

export const canShareFiles = false;
