import type { HttpContext } from '@adonisjs/core/http'
import SendTip from '#actions/wallet/send_tip'
import WalletPolicy from '#policies/wallet_policy'
import { sendTipValidator } from '#validators/wallet'
import { serialize } from '#transformers/envelope'
import TipTransformer from '#transformers/tip_transformer'

/**
 * POST /tips: pay another member from the caller's wallet (K4).
 */
export default class TipsController {
  async store({ auth, request, response, bouncer, idempotencyClaimId }: HttpContext) {
    const sender = auth.use('api').getUserOrFail()
    const { toUserId, toUsername, bountyId, ...data } = await request.validateUsing(
      sendTipValidator,
      { meta: { userId: sender.id, username: sender.username } }
    )
    await bouncer.with(WalletPolicy).authorize('moveMoney')
    const bounty = bountyId ? await SendTip.bountyFor(sender, bountyId) : null
    const tip = await SendTip.handle(
      sender,
      { to: { toUserId, toUsername }, bounty, ...data },
      { claimId: idempotencyClaimId, ip: request.ip() }
    )
    const recipientName = tip.metadata.counterpartyUsername
    response.status(201)
    return serialize(TipTransformer.transform(tip), {
      message: `Tip sent to @${recipientName}`,
    })
  }
}
