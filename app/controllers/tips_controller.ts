import type { HttpContext } from '@adonisjs/core/http'
import SendTip from '#actions/wallet/send_tip'
import { forBounty } from '#actions/wallet/tip_wording'
import Ledger, { accounts } from '#ledger/ledger'
import type User from '#models/user'
import WalletPolicy from '#policies/wallet_policy'
import { sendTipValidator } from '#validators/wallet'
import { canonicalUuid } from '#validators/rules/uuid'

/**
 * Tip another member from your wallet (K4). `?to=username` fills in the
 * recipient, so a profile can link straight here.
 */
export default class TipsController {
  async create({ auth, request, view }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const { balance } = await Ledger.balances(accounts.wallet(user.id))
    const { to, bounty } = request.qs()
    return view.render('pages/tips/create', {
      balance,
      recipient: typeof to === 'string' ? to.toLowerCase() : '',
      bounty: await this.#bountyNamed(user, bounty),
    })
  }

  /**
   * The bounty of `?bounty=` (a link from a bounty page), when it is one the
   * member may tip for; otherwise the form is a plain tip.
   */
  async #bountyNamed(user: User, id: unknown) {
    const bountyId = canonicalUuid(id)
    if (!bountyId) return null
    return SendTip.bountyFor(user, bountyId).catch(() => null)
  }

  async store({ auth, request, response, session, bouncer }: HttpContext) {
    const sender = auth.use('web').getUserOrFail()
    const { toUserId, toUsername, bountyId, ...data } = await request.validateUsing(
      sendTipValidator,
      { meta: { userId: sender.id, username: sender.username } }
    )
    await bouncer.with(WalletPolicy).authorize('moveMoney')
    const bounty = bountyId ? await SendTip.bountyFor(sender, bountyId) : null
    const tip = await SendTip.handle(
      sender,
      { to: { toUserId, toUsername }, bounty, ...data },
      { ip: request.ip() }
    )
    const recipientName = tip.metadata.counterpartyUsername
    session.flash(
      'success',
      `You tipped @${recipientName} ${tip.amount.format()}${forBounty(bounty)}.`
    )
    return response.redirect().toRoute('wallet.show')
  }
}
