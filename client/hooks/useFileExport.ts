import { useState } from 'react';
import { canShareFiles, saveTextFile, shareSavedFile, type SavedFile } from '../services/files';
import { useAction } from './useAction';

// Exporting a file for the person (导出我的数据, 导出 CSV): H5 downloads it; weapp saves it in
// the mini-program's folder, where nobody sees it, so a second tap sends it to a chat.

/** What an export writes, and what it holds (for the page to describe; `undefined` when it says nothing). */
export interface FileToExport<About> {
  name: string;
  text: string;
  mime: string;
  about: About;
}

/** A file the export saved, with what it holds. */
export interface ExportedFile<About> {
  file: SavedFile;
  about: About;
}

/** Saves the file `prepare` answers, then offers to send it on; one failure in words for both steps. */
export function useFileExport<About = undefined>(prepare: () => Promise<FileToExport<About>>) {
  const [saved, setSaved] = useState<ExportedFile<About> | null>(null);
  // The failure on screen is the last step's: a new export must not show an old send's failure.
  const [lastStep, setLastStep] = useState<'saving' | 'sharing'>('saving');
  const saving = useAction(async () => {
    setSaved(null); // the previous file is no longer the one on offer, even if this one fails
    const { name, text, mime, about } = await prepare();
    setSaved({ file: await saveTextFile(name, text, mime), about });
  });
  // WeChat sends a file to a chat only from a tap, so this is its own button.
  const sharing = useAction(async (file: SavedFile) => shareSavedFile(file));

  return {
    saved,
    saving: saving.busy,
    sharing: sharing.busy,
    failure: lastStep === 'saving' ? saving.failure : sharing.failure,
    /** Whether the saved file can be sent to a chat (weapp); H5 has downloaded it already. */
    canShare: canShareFiles,
    save: () => {
      setLastStep('saving');
      return saving.run();
    },
    share: () => {
      if (!saved) return Promise.resolve(false);
      setLastStep('sharing');
      return sharing.run(saved.file);
    },
  };
}

export type FileExport<About = undefined> = ReturnType<typeof useFileExport<About>>;
