import { BaseTransformer } from '@adonisjs/core/transformers'
import type Bounty from '#models/bounty'
import type BountyCard from '#models/bounty_card'
import type { CardClaim } from '#models/bounty_card'
import type BountyClaim from '#models/bounty_claim'
import AttachmentTransformer from '#transformers/attachment_transformer'

/**
 * A bounty as the API contract fixes it, plus what a client needs to show it without
 * a second call: the rendered description, draft flag, category, slots and
 * who holds them. Takes a model with the `withCard` relations
 * (`Bounty.findVisibleOrFail`) or a list's BountyCard (`BountyCard.board`).
 */
export default class BountyTransformer extends BaseTransformer<Bounty | BountyCard> {
  toObject() {
    const bounty = this.resource
    return {
      id: bounty.id,
      title: bounty.title,
      description: bounty.description,
      descriptionHtml: bounty.descriptionHtml,
      bountyAmount: bounty.bountyAmount.toString(),
      estimatedHours: bounty.estimatedHours,
      deadline: bounty.deadline?.toUTC().toISO() ?? null,
      status: bounty.status,
      priority: bounty.priority,
      tags: bounty.tags.map((tag) => ({ name: tag.name, color: tag.color })),
      creator: person(bounty.creator),
      assignee: bounty.assignee ? person(bounty.assignee) : null,
      maxCompletions: bounty.maxCompletions,
      slotsRemaining: bounty.isDraft || bounty.isClosed ? 0 : bounty.openSlots,
      claims: bounty.liveClaims.map(claim),
      claimWindowDays: bounty.claimWindowDays,
      category: bounty.category
        ? { id: bounty.category.id, name: bounty.category.name, slug: bounty.category.slug }
        : null,
      teamId: bounty.teamId,
      isDraft: bounty.isDraft,
      publishedAt: bounty.publishedAt?.toUTC().toISO() ?? null,
      completedAt: bounty.completedAt?.toUTC().toISO() ?? null,
      cancelledAt: bounty.cancelledAt?.toUTC().toISO() ?? null,
      createdAt: bounty.createdAt.toUTC().toISO()!,
      updatedAt: bounty.updatedAt.toUTC().toISO()!,
    }
  }

  /**
   * GET /bounties/:id adds the bounty's own files (`attachments` loaded).
   */
  toDetail() {
    return {
      ...this.toObject(),
      attachments: AttachmentTransformer.transform((this.resource as Bounty).attachments),
    }
  }
}

function person(user: { id: string; username: string }) {
  return { id: user.id, username: user.username }
}

function claim(slot: BountyClaim | CardClaim) {
  return {
    id: slot.id,
    user: person(slot.user),
    status: slot.status,
    createdAt: slot.createdAt.toUTC().toISO()!,
    submittedAt: slot.submittedAt?.toUTC().toISO() ?? null,
    completedAt: slot.completedAt?.toUTC().toISO() ?? null,
  }
}
