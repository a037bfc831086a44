/**
 * KML and GPX through @tmcw/togeojson. The XML parser is injected (`options.xmlParser`); without
 * one the global DOMParser is used (browser main thread), else @xmldom/xmldom (Node, Workers).
 */
import { gpx, kml } from '@tmcw/togeojson';
import { nest, say } from '../common/messages.ts';
import { fatalResult, featureResult } from './features.ts';
import { decodeXml } from './text.ts';
import type { Bytes, FormatIssue, LoadOptions, LoadResult, XmlParser } from './types.ts';

type Doc = Parameters<typeof kml>[0];

interface Parsed {
  doc?: Doc;
  error?: string;
  line?: number;
  column?: number;
  warnings: string[];
}

async function defaultParser(warnings: string[]): Promise<XmlParser> {
  const Global = (globalThis as { DOMParser?: new () => XmlParser }).DOMParser;
  if (Global) return new Global();
  const { DOMParser } = await import('@xmldom/xmldom');
  return new DOMParser({
    onError: (level, message) => {
      if (level === 'warning') warnings.push(message.trim());
    },
  }) as XmlParser;
}

async function parseXml(text: string, parser: XmlParser | undefined): Promise<Parsed> {
  const warnings: string[] = [];
  try {
    const p = parser ?? (await defaultParser(warnings));
    const doc = p.parseFromString(text, 'text/xml') as Doc & {
      getElementsByTagName(name: string): {
        length: number;
        item(i: number): { textContent: string | null } | null;
      };
    };
    const parseError = doc.getElementsByTagName('parsererror');
    if (parseError.length > 0) {
      return { error: (parseError.item(0)?.textContent ?? 'invalid XML').trim(), warnings };
    }
    if (!doc.documentElement) return { error: 'no root element', warnings };
    return { doc, warnings };
  } catch (e) {
    // xmldom throws a ParseError with a locator { lineNumber, columnNumber }.
    const at = (e as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    return {
      error: (e instanceof Error ? e.message : String(e)).trim(),
      ...(at?.lineNumber ? { line: at.lineNumber } : {}),
      ...(at?.columnNumber ? { column: at.columnNumber } : {}),
      warnings,
    };
  }
}

async function loadXml(
  format: 'kml' | 'gpx',
  bytes: Bytes,
  name: string,
  options: LoadOptions,
): Promise<LoadResult> {
  const crs = options.crs ?? 'wgs84';
  const { text, encoding, warning } = decodeXml(bytes);
  const meta = { encoding };
  const file = name.split(/[\\/]/).pop() || 'the file';
  const warnings: FormatIssue[] = warning
    ? [{ field: 'encoding', ...say('xml_encoding', { file, ...nest('warning', warning) }) }]
    : [];
  const parsed = await parseXml(text, options.xmlParser);
  if (!parsed.doc) {
    return fatalResult(
      format,
      'features',
      {
        field: 'xml',
        ...(parsed.line
          ? say('xml_malformed_at', {
              line: parsed.line,
              column: parsed.column ?? '?',
              error: String(parsed.error),
            })
          : say('xml_malformed', { error: String(parsed.error) })),
        ...(parsed.line ? { line: parsed.line } : {}),
        ...(parsed.column ? { column: parsed.column } : {}),
      },
      crs,
      meta,
    );
  }
  const root = (parsed.doc as { documentElement: { localName?: string; nodeName: string } })
    .documentElement;
  const rootName = (root.localName ?? root.nodeName).toLowerCase();
  if (rootName !== format) {
    return fatalResult(
      format,
      'features',
      {
        field: 'xml',
        ...say('xml_not_format', { format: format.toUpperCase(), root: rootName }),
      },
      crs,
      meta,
    );
  }
  const fc = format === 'kml' ? kml(parsed.doc) : gpx(parsed.doc);
  warnings.push(
    ...parsed.warnings.map((message) => ({
      field: 'xml',
      ...say('xml_parser_warning', { message }),
    })),
  );
  return featureResult(format, fc.features, crs, meta, warnings);
}

export function loadKml(bytes: Bytes, name: string, options: LoadOptions = {}) {
  return loadXml('kml', bytes, name, options);
}

export function loadGpx(bytes: Bytes, name: string, options: LoadOptions = {}) {
  return loadXml('gpx', bytes, name, options);
}

const rootTag = (bytes: Uint8Array) =>
  /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z][\w:.-]*)/
    .exec(decodeXml(bytes.subarray(0, 1024)).text)?.[1]
    ?.split(':')
    .pop()
    ?.toLowerCase();

export const sniffKml = (bytes: Uint8Array) => rootTag(bytes) === 'kml';
export const sniffGpx = (bytes: Uint8Array) => rootTag(bytes) === 'gpx';
