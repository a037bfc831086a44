/**
 * Builds the one-page PDF with pdf-lib: the layout of pdf-layout.ts drawn with an embedded,
 * subset CJK font (Noto Sans SC, so Chinese renders without the reader's fonts), the map as a
 * PNG or JPEG, and the document's title/author/subject metadata. Runs in the browser and in Node.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { padSubsetGlyphs } from './fontkit-fix.ts';
import { type PdfContent, pdfLayout } from './pdf-layout.ts';

export interface PdfInput {
  content: PdfContent;
  /** TrueType/OpenType bytes of a font covering the text (Noto Sans SC). */
  font: Uint8Array;
  /** The map image (its pixel size is content.map). */
  image: { bytes: Uint8Array; type: 'png' | 'jpg' } | null;
  meta: { title: string; author: string; subject: string; keywords: string[]; lang: string };
  /** The document's dates (fixed in tests). */
  date: Date;
}

export async function buildPdf(input: PdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  padSubsetGlyphs(input.font);
  const font = await doc.embedFont(input.font, { subset: true });
  const measure = (text: string, size: number) => font.widthOfTextAtSize(text, size);
  const { page: size, ops } = pdfLayout(input.content, measure);
  const page = doc.addPage([size.width, size.height]);
  const image = input.image
    ? input.image.type === 'png'
      ? await doc.embedPng(input.image.bytes)
      : await doc.embedJpg(input.image.bytes)
    : null;
  const black = rgb(0.1, 0.1, 0.1);
  const grey = rgb(0.38, 0.38, 0.38);
  for (const op of ops) {
    if (op.kind === 'text') {
      page.drawText(op.text, {
        x: op.x,
        y: op.y,
        size: op.size,
        font,
        color: op.grey ? grey : black,
      });
    } else if (op.kind === 'image' && image) {
      page.drawImage(image, { x: op.x, y: op.y, width: op.width, height: op.height });
    } else if (op.kind === 'rule') {
      page.drawLine({
        start: { x: op.x, y: op.y },
        end: { x: op.x + op.width, y: op.y },
        thickness: 0.5,
        color: grey,
      });
    }
  }
  doc.setTitle(input.meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(input.meta.author);
  doc.setSubject(input.meta.subject);
  doc.setKeywords(input.meta.keywords);
  doc.setLanguage(input.meta.lang);
  doc.setCreator('Planning Atlas');
  doc.setProducer('Planning Atlas (pdf-lib)');
  doc.setCreationDate(input.date);
  doc.setModificationDate(input.date);
  return doc.save();
}
