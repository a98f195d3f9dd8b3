// Open311 GeoReport v2 wire formats: the format is the path's extension (.json or .xml), answers are
// lists, XML has one root element per resource, and errors are a list of {code, description}.
import { XMLBuilder } from 'fast-xml-parser';

export type Open311Format = 'json' | 'xml';

export const OPEN311_PATH_PREFIX = '/open311/';
/** The spec serves XML as text/xml. */
export const XML_CONTENT_TYPE = 'text/xml; charset=utf-8';

/** XML root and element names of one resource: <services><service>…</service></services>. */
export interface Open311XmlShape {
  root: string;
  item: string;
}

export const SERVICES_XML: Open311XmlShape = { root: 'services', item: 'service' };
export const SERVICE_REQUESTS_XML: Open311XmlShape = { root: 'service_requests', item: 'request' };
const ERRORS_XML: Open311XmlShape = { root: 'errors', item: 'error' };

export interface Open311Error {
  code: number;
  description: string;
}

export const isOpen311Path = (path: string): boolean => path.startsWith(OPEN311_PATH_PREFIX);

export const open311FormatOf = (path: string): Open311Format => (path.toLowerCase().endsWith('.xml') ? 'xml' : 'json');

/** One error entry per message, each carrying the HTTP status as its code. */
export function open311Errors(status: number, message: string | string[]): Open311Error[] {
  const messages = [message].flat();
  return (messages.length > 0 ? messages : ['error']).map((description) => ({ code: status, description }));
}

const builder = new XMLBuilder({ ignoreAttributes: false, format: false, suppressEmptyNode: true });

/** Characters XML 1.0 cannot carry at all (C0 controls other than tab and line breaks, unpaired surrogates, U+FFFE/F). */
// oxlint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const xmlSafe = (value: unknown): unknown => (typeof value === 'string' ? value.replace(NOT_XML_CHAR, '') : value);

/** A list as an XML document; text is escaped by the builder, null becomes an empty element. */
export function toOpen311Xml(shape: Open311XmlShape, items: readonly object[]): string {
  const elements = items.map((item) => Object.fromEntries(Object.entries(item).map(([key, value]) => [key, xmlSafe(value)])));
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    [shape.root]: elements.length > 0 ? { [shape.item]: elements } : '',
  }) as string;
}

/** The body and content type of an Open311 error answer in the format the path asks for. */
export function renderOpen311Errors(path: string, status: number, message: string | string[]): { contentType: string; body: string } {
  const errors = open311Errors(status, message);
  return open311FormatOf(path) === 'xml'
    ? { contentType: XML_CONTENT_TYPE, body: toOpen311Xml(ERRORS_XML, errors) }
    : { contentType: 'application/json; charset=utf-8', body: JSON.stringify(errors) };
}
