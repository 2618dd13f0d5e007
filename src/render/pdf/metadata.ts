/**
 * The document's metadata: the Info dictionary and the XMP packet, which PDF/UA-1 requires to
 * hold `dc:title` (7.1) and to say which part of PDF/UA the file claims (`pdfuaid:part`, 5).
 * pdfkit writes its own packet with the values unescaped (an "&" in a title would make it
 * ill-formed XML) and without `dc:language`, so this writes the packet's descriptions instead;
 * pdfkit adds the `pdfuaid:part` description when the document is made with `subset: 'PDF/UA'`.
 * Entries with nothing to say (no tags: no Keywords) are left out, not written empty.
 */
import type { BriefingView } from '../../compose/view-model.js';
import { withoutSoftHyphens } from './line-breaks.js';

export interface DocumentInfo {
  Title: string;
  Author: string;
  Subject: string;
  Keywords?: string;
  Creator: string;
  Producer: string;
  CreationDate: Date;
  ModDate: Date;
}

export function documentInfo(view: BriefingView, date: Date): DocumentInfo {
  const info: DocumentInfo = {
    Title: withoutSoftHyphens(view.heading), // a soft hyphen is no part of the title's words
    Author: view.hosts.join('; '),
    Subject: view.topic ?? view.title,
    Creator: 'phrg-brief',
    Producer: 'phrg-brief (PDFKit)',
    CreationDate: date,
    ModDate: date,
  };
  if (view.tags.length > 0) info.Keywords = view.tags.join(', ');
  return info;
}

const escapeXml = (text: string): string => text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
const items = (values: readonly string[]): string => values.map((value) => `<rdf:li>${escapeXml(value)}</rdf:li>`).join('');

/** The XMP descriptions of the document (pdfkit wraps them in the packet). */
export function xmpDescriptions(info: DocumentInfo, view: BriefingView): string {
  const date = `${info.CreationDate.toISOString().split('.')[0]}Z`;
  const dc = [
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(info.Title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq>${items(view.hosts)}</rdf:Seq></dc:creator>`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(info.Subject)}</rdf:li></rdf:Alt></dc:description>`,
    `<dc:language><rdf:Bag>${items([view.lang])}</rdf:Bag></dc:language>`,
    ...(view.tags.length > 0 ? [`<dc:subject><rdf:Bag>${items(view.tags)}</rdf:Bag></dc:subject>`] : []),
  ];
  const pdf = [
    `<pdf:Producer>${escapeXml(info.Producer)}</pdf:Producer>`,
    ...(info.Keywords ? [`<pdf:Keywords>${escapeXml(info.Keywords)}</pdf:Keywords>`] : []),
  ];
  return [
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreateDate>${date}</xmp:CreateDate><xmp:ModifyDate>${date}</xmp:ModifyDate><xmp:MetadataDate>${date}</xmp:MetadataDate><xmp:CreatorTool>${escapeXml(info.Creator)}</xmp:CreatorTool></rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${dc.join('')}</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">${pdf.join('')}</rdf:Description>`,
  ].join('\n');
}
