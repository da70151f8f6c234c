/**
 * The skeleton of every HTML document the service writes, an email or the client's page:
 * English, UTF-8, sized for a phone. What goes in the head and body is each one's own.
 */

export interface HtmlParts {
  /** Head elements after the charset and viewport, already escaped. */
  head: string[];
  /** The opening body tag: an email carries its background inline, a page in its stylesheet. */
  bodyTag: string;
  /** The lines inside <body>, already escaped. */
  content: string[];
}

export function htmlDocument(parts: HtmlParts): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...parts.head,
    '</head>',
    parts.bodyTag,
    ...parts.content,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
