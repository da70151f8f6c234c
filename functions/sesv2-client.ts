/**
 * The SES v2 client alone, for `import()` on the first email (functions/aws-deps.ts). Importing
 * the package itself on demand would keep its whole namespace (every command and schema, about
 * 40 KB minified); through this module the bundler keeps only the client.
 */
export { SESv2Client } from '@aws-sdk/client-sesv2';
