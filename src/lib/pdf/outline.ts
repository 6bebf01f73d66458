/**
 * Reads a PDF's bookmarks (Chromium writes one per heading) with the page each points to: how the PDF
 * step learns, after a first print, on which page every entry starts.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';

export interface OutlineItem {
  title: string;
  /** 1-based page number. */
  page: number;
}

export async function readOutline(bytes: Uint8Array): Promise<{ pageCount: number; items: OutlineItem[] }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pageOf = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const items: OutlineItem[] = [];
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const walk = (item: PDFDict | undefined): void => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookup(PDFName.of('Title'));
      const dest = node.lookupMaybe(PDFName.of('Dest'), PDFArray) ?? node.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('D'), PDFArray);
      const target = dest?.get(0);
      const page = target instanceof PDFRef ? pageOf.get(target.toString()) : undefined;
      if ((title instanceof PDFString || title instanceof PDFHexString) && page) items.push({ title: title.decodeText(), page });
      walk(node.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(root?.lookupMaybe(PDFName.of('First'), PDFDict));
  return { pageCount: doc.getPageCount(), items };
}
