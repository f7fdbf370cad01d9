/**
 * Slots of a multi-slot bounty (B4) that nobody holds or used up: shared by
 * the Bounty model and the lists' BountyCard.
 */
export function slotsOpen(bounty: {
  maxCompletions: number
  liveClaims: { isActive: boolean; isCompleted: boolean }[]
}) {
  const taken = bounty.liveClaims.filter((claim) => claim.isActive || claim.isCompleted).length
  return Math.max(0, bounty.maxCompletions - taken)
}
