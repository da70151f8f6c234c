/** A therapist's member record: their practice, role and standing, beside their profile. */
import * as z from 'zod/mini';
import { MEMBER_STATUSES, ROLES } from '../../../domain/practice.js';
import type { Member } from '../../../ports/store.js';
import { keys } from '../table-design.js';
import { parseItem, storedAs } from '../stored-schema.js';
import type { Item } from '../table-client.js';

export const memberSchema = storedAs<Member>()(
  z.object({
    therapistId: z.string(),
    practiceId: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    status: z.enum(MEMBER_STATUSES),
    since: z.string(),
    handover: z.optional(
      z.nullable(
        z.object({
          to: z.nullable(z.string()),
          note: z.nullable(z.string()),
          startedAt: z.string(),
          arrangements: z.optional(z.array(z.string())),
          finishedAt: z.optional(z.string()),
        }),
      ),
    ),
    version: z.number(),
  }),
);

const memberItem = z.object({ member: memberSchema });

export function memberItemOf(member: Member): Record<string, unknown> {
  return {
    ...keys.member(member.therapistId),
    // Removed therapists leave the practice's list; their record stays so they cannot sign back in.
    ...(member.status === 'removed' ? {} : keys.byPracticeMember(member.practiceId, member.therapistId)),
    version: member.version,
    member,
  };
}

export function memberFromItem(item: Item): Member {
  return parseItem(memberItem, item).member;
}
