import type { BountyPriority } from '#enums/bounty'
import type Money from '#ledger/money'

/**
 * How completed work turns into points and points into levels (E1). The one
 * place the rule is written: awards, leaderboards, `gamification:rebuild` and
 * the "how points work" page all read it from here.
 *
 * A completion earns a base by the bounty's priority plus one point per whole
 * unit of money paid for it, so both what the work was worth to the poster
 * and how urgent it was count, and a cheap critical fix still beats nothing.
 */
export const POINTS_BY_PRIORITY: Record<BountyPriority, number> = {
  LOW: 10,
  MEDIUM: 20,
  HIGH: 35,
  CRITICAL: 50,
}

/**
 * Points for one approved completion (one claim paid out).
 */
export function pointsForCompletion(priority: BountyPriority, payout: Money): number {
  const wholeUnits = payout.cents > 0n ? Number(payout.cents / 100n) : 0
  return POINTS_BY_PRIORITY[priority] + wholeUnits
}

/**
 * Level L starts at 50 × L × (L − 1) points: 0, 100, 300, 600, 1000 … so each
 * level asks for 100 more points than the one before.
 */
export function pointsForLevel(level: number): number {
  return 50 * level * (level - 1)
}

export type LevelProgress = {
  level: number
  points: number
  levelStart: number
  nextLevelAt: number
  /** 0–100, how far through the current level. */
  percent: number
}

export function levelFor(points: number): LevelProgress {
  const safe = Math.max(0, Math.floor(points))
  let level = Math.max(1, Math.floor((1 + Math.sqrt(1 + (4 * safe) / 50)) / 2))
  while (pointsForLevel(level + 1) <= safe) level++
  while (level > 1 && pointsForLevel(level) > safe) level--
  const levelStart = pointsForLevel(level)
  const nextLevelAt = pointsForLevel(level + 1)
  const percent = Math.floor(((safe - levelStart) * 100) / (nextLevelAt - levelStart))
  return { level, points: safe, levelStart, nextLevelAt, percent }
}
