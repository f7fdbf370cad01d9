import BountyEventTransformer from '#transformers/bounty_event_transformer'

/**
 * A line of the member's recent activity: a bounty event with the bounty it
 * happened on (its title read by `BountyEvent.recentFor`).
 */
export default class ActivityTransformer extends BountyEventTransformer {
  toObject() {
    const event = this.resource
    return {
      ...super.toObject(),
      bounty: { id: event.bountyId, title: String(event.$extras.bounty_title) },
    }
  }
}
