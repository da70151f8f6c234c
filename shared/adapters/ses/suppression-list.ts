/** The SuppressionList port on SES's account-level suppression list (SES v2). */
import { DeleteSuppressedDestinationCommand, NotFoundException, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { SuppressionList } from '../../ports/operations.js';

export function sesSuppressionList(client: SESv2Client): SuppressionList {
  return {
    async remove(address) {
      try {
        await client.send(new DeleteSuppressedDestinationCommand({ EmailAddress: address }));
        return 'removed';
      } catch (err) {
        if (err instanceof NotFoundException) return 'not-listed';
        throw err;
      }
    },
  };
}

/** Locally (the SES emulator) there is no account-level list. */
export const localSuppressionList: SuppressionList = { remove: async () => 'none-here' };
