import type { HttpContext } from '@adonisjs/core/http'
import SendTip from '#actions/wallet/send_tip'
import Ledger, { accounts } from '#ledger/ledger'
import User from '#models/user'
import WalletPolicy from '#policies/wallet_policy'
import { sendTipValidator } from '#validators/wallet'

/**
 * Tip another member from your wallet (K4). `?to=username` fills in the
 * recipient, so a profile can link straight here.
 */
export default class TipsController {
  async create({ auth, request, view }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const { balance } = await Ledger.balances(accounts.wallet(user.id))
    const to = request.qs().to
    return view.render('pages/tips/create', {
      balance,
      recipient: typeof to === 'string' ? to.toLowerCase() : '',
    })
  }

  async store({ auth, request, response, session, bouncer }: HttpContext) {
    const sender = auth.use('web').getUserOrFail()
    const { toUserId, toUsername, ...data } = await request.validateUsing(sendTipValidator, {
      meta: { userId: sender.id, username: sender.username },
    })
    const recipient = await User.findByOrFail(toUserId ? 'id' : 'username', toUserId ?? toUsername)
    await bouncer.with(WalletPolicy).authorize('tip', recipient)
    const tip = await SendTip.handle(sender, { recipient, ...data })
    session.flash('success', `You tipped @${recipient.username} ${tip.amount.format()}.`)
    return response.redirect().toRoute('wallet.show')
  }
}
