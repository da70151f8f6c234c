/**
 * `npm run ops -- <command>`: what a practice admin does by hand, against the deployed service
 * (credentials and region from the usual AWS settings; the table and user pool found through
 * the SSM parameters the data stack writes) or the local one (`--local`, while `npm start`
 * runs). Prints ids, kinds, counts and dates only: never a name, an address or anyone's words.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { DEFAULT_PRACTICE_ID } from '../shared/domain/practice.js';
import { email, personName, policyId, practiceId } from '../shared/domain/schemas.js';
import {
  dueSoon,
  inviteTherapist,
  liftSuppression,
  listDeadLetters,
  listSuppressed,
  resendDeadLetter,
  type OpsDeps,
} from '../shared/use-cases/operations.js';
import { connectAws, connectLocal } from './connect.js';

export const USAGE = `Afterword operations

Usage: npm run ops -- <command> [options]

Commands
  add-therapist --email <address> --name "<full name>" [--practice <id>] [--admin]
                               Invite a therapist to a practice (default: "default"), as an
                               admin does from the portal: Cognito emails them the practice's
                               invitation with a temporary password (valid 7 days); locally
                               they can sign in at once. --admin also makes them a practice
                               admin (without it, someone already in the practice keeps
                               their role).
  dead-letters                 Emails and scheduled jobs that failed every retry.
  resend <policyId> <jobId>    Send one dead-lettered email again (after fixing the cause).
  resend --all                 Send every dead-lettered email again.
  suppressed                   Arrangements whose client address is stopped after a bounce
                               or complaint.
  lift-suppression <policyId>  Resume mail to that client (also removes the address from
                               SES's account-level suppression list).
  due [--hours <n>]            What the dispatcher will send in the next n hours (24), by kind.

Options
  --local          Use the service \`npm start\` is running on this machine.
  --region <name>  AWS region of the deployment (default: AWS_REGION or AWS_DEFAULT_REGION).
  --json           Print JSON instead of text.
  --help           Show this help.
`;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** A mistake in how the command was called: shown with a pointer to --help, exit code 2. */
export class UsageError extends Error {}

/** Up to a year ahead: check-ins are months away. */
const hours = z.coerce
  .number()
  .check(
    z.int('Give a whole number of hours, 1 to 8784.'),
    z.gte(1, 'Give a whole number of hours, 1 to 8784.'),
    z.lte(24 * 366, 'Give a whole number of hours, 1 to 8784.'),
  );

export async function runOps(
  argv: string[],
  io: Io,
  connect: (options: { local: boolean; region?: string | undefined }) => Promise<OpsDeps> = defaultConnect,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        local: { type: 'boolean' },
        region: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        email: { type: 'string' },
        name: { type: 'string' },
        admin: { type: 'boolean' },
        practice: { type: 'string' },
        all: { type: 'boolean' },
        hours: { type: 'string' },
      },
    });
  } catch (err) {
    io.err(`${err instanceof Error ? err.message : String(err)}\nRun npm run ops -- --help to see the commands.`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help || !command) {
    io.out(USAGE);
    return command || values.help ? 0 : 2;
  }
  const print = (text: string, json: unknown) => io.out(values.json ? JSON.stringify(json, null, 2) : text);
  let failed = false;

  try {
    const command_ = COMMANDS[command];
    if (!command_) throw new UsageError(`There is no command "${command}".`);
    if (values.local && values.region) throw new UsageError('Give --local or --region, not both.');
    if (args.length > command_.positionals)
      throw new UsageError(`${command} does not take "${args.slice(command_.positionals).join(' ')}".`);
    // Check the arguments before connecting, so a typo never waits on AWS.
    const run = command_.parse(args, values);
    const ops = await connect({ local: Boolean(values.local), region: values.region });
    await run(ops, print, () => (failed = true));
    return failed ? 1 : 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\nRun npm run ops -- --help to see the commands.`);
      return 2;
    }
    io.err(err instanceof Error ? err.message : String(err));
    return 1;
  }
}

type Print = (text: string, json: unknown) => void;
type Values = Record<string, string | boolean | undefined>;
/** `fail` marks the run as not done (exit 1) after printing why, e.g. nothing to re-send. */
type Run = (ops: OpsDeps, print: Print, fail: () => void) => Promise<void>;
interface Command {
  positionals: number;
  parse: (args: string[], values: Values) => Run;
}

const valid = <T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T => {
  if (value === undefined) throw new UsageError(`${what} is missing.`);
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(`${what}: ${result.error.issues.map((i) => i.message).join('; ')}`);
  return result.data;
};

const table = (rows: string[][]) => rows.map((r) => r.join('  ')).join('\n');

const COMMANDS: Record<string, Command> = {
  'add-therapist': {
    positionals: 0,
    parse: (_args, values) => {
      const address = valid(email, values.email, '--email');
      const name = valid(personName, values.name, '--name');
      const practice =
        values.practice === undefined ? DEFAULT_PRACTICE_ID : valid(practiceId, values.practice, '--practice');
      return async (ops, print) => {
        const invited = await inviteTherapist(ops, {
          email: address,
          name,
          admin: Boolean(values.admin),
          practiceId: practice,
        });
        const role = invited.role === 'admin' ? 'a practice admin' : 'a therapist';
        const text = {
          invited: values.local
            ? `Added to the practice "${practice}" as ${role} (id ${invited.therapistId}). Locally they sign in at /local/sign-in with that address.`
            : `Invited to the practice "${practice}" as ${role} (id ${invited.therapistId}). They will get the practice's invitation with a temporary password.`,
          'already-exists': `There is already an account with that email; it is in the practice "${practice}" as ${role} (id ${invited.therapistId}). To send a fresh invitation, use the Cognito console (Users → Resend invitation).`,
        }[invited.outcome];
        print(text, invited);
      };
    },
  },
  'dead-letters': {
    positionals: 0,
    parse: () => async (ops, print) => {
      const letters = await listDeadLetters(ops);
      print(
        letters.length
          ? table([
              ['dead since', 'kind', 'tries', 'policy', 'job'],
              ...letters.map((l) => [l.deadAt, l.kind, String(l.attempts), l.policyId, l.jobId]),
            ])
          : 'Nothing is dead-lettered.',
        letters,
      );
    },
  },
  resend: {
    positionals: 2,
    parse: (args, values) => {
      if (values.all)
        return async (ops, print) => {
          const letters = await listDeadLetters(ops);
          const outcomes = await Promise.all(letters.map((l) => resendDeadLetter(ops, l.policyId, l.jobId)));
          const queued = outcomes.filter((o) => o === 'queued').length;
          print(`${queued} of ${letters.length} queued again; the dispatcher sends them within a minute.`, {
            queued,
            total: letters.length,
          });
        };
      const [policy, job] = args;
      if (!policy || !job) throw new UsageError('resend needs a policy id and a job id (see dead-letters), or --all.');
      const id = valid(policyId, policy, 'policy id');
      return async (ops, print, fail) => {
        const outcome = await resendDeadLetter(ops, id, job);
        if (outcome !== 'queued') fail();
        print(
          outcome === 'queued'
            ? 'Queued again; the dispatcher sends it within a minute.'
            : 'Nothing was re-sent: that job is not dead-lettered (already re-sent, or the ids are wrong; see dead-letters).',
          { outcome },
        );
      };
    },
  },
  suppressed: {
    positionals: 0,
    parse: () => async (ops, print) => {
      const list = await listSuppressed(ops);
      print(
        list.length
          ? table([['policy', 'therapist'], ...list.map((s) => [s.policyId, s.therapistId])])
          : 'No client address is stopped.',
        list,
      );
    },
  },
  'lift-suppression': {
    positionals: 1,
    parse: (args) => {
      const id = valid(policyId, args[0], 'policy id');
      return async (ops, print) => {
        const { lifted, accountList } = await liftSuppression(ops, id);
        const account =
          {
            removed: ' and removed from SES’s account suppression list',
            'not-listed': '; SES’s account list did not hold it',
            'none-here': '',
          }[accountList] ?? '';
        print(lifted ? `Mail to this client resumes${account}.` : `Mail to this client was not stopped${account}.`, {
          lifted,
          accountList,
        });
      };
    },
  },
  due: {
    positionals: 0,
    parse: (_args, values) => {
      const within = values.hours === undefined ? 24 : valid(hours, values.hours, '--hours');
      return async (ops, print) => {
        const due = await dueSoon(ops, within);
        const kinds = Object.entries(due.byKind).sort(([a], [b]) => a.localeCompare(b));
        print(
          [
            `${due.total} due in the next ${within} hours (until ${due.until}).`,
            due.overdue
              ? `${due.overdue} overdue by more than 5 minutes: is the dispatcher running? (npm run ops -- dead-letters, and its alarms)`
              : 'Nothing is overdue.',
            ...kinds.map(([k, n]) => `  ${k}: ${n}`),
          ].join('\n'),
          due,
        );
      };
    },
  },
};

function defaultConnect(options: { local: boolean; region?: string | undefined }): Promise<OpsDeps> {
  return options.local ? connectLocal() : connectAws(options.region);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // The SDK's notice about its future Node versions is not for a practice admin.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const code = await runOps(process.argv.slice(2), {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
  });
  process.exit(code);
}
