/** The SendingAccount port on SES v2 GetAccount: the account's sending rate and whether it is paused. */
import { GetAccountCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { SendingAccount } from '../../ports/sending.js';

export function sesSendingAccount(client: SESv2Client): SendingAccount {
  return {
    async limits() {
      const out = await client.send(new GetAccountCommand({}));
      return {
        maxSendRate: out.SendQuota?.MaxSendRate ?? 1,
        // An account under review may still send; only an explicit "not enabled" holds mail.
        sendingEnabled: out.SendingEnabled !== false,
      };
    },
  };
}
