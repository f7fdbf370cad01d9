import { LedgerHoldSchema } from '#database/schema'

/**
 * Money set aside in a holding account (a pending withdrawal, a bounty's
 * escrow) until it is captured or released. Read side only: holds change
 * through app/ledger.
 */
export default class LedgerHold extends LedgerHoldSchema {
  get purposeLabel() {
    if (this.purpose === 'WITHDRAWAL') return 'Withdrawal'
    if (this.purpose === 'BOUNTY_ESCROW') return 'Bounty escrow'
    return this.purpose.toLowerCase().replace(/_/g, ' ')
  }
}
