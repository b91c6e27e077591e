const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
// Characters XML 1.0 cannot carry at all, even escaped: dropped rather than producing a file
// that JUnit consumers refuse.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch] ?? ch);
}

// XML parsers normalise a literal newline or tab inside an attribute value to a space (XML 1.0,
// 3.3.3 Attribute-Value Normalization): a multi-line failure message would arrive on one line.
// Character references survive normalisation.
const ATTRIBUTE_WHITESPACE: Record<string, string> = { '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

/** For attribute values: escapeXml plus newlines, carriage returns and tabs as character references. */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/[\n\r\t]/g, (ch) => ATTRIBUTE_WHITESPACE[ch] ?? ch);
}
