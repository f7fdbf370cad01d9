export const PROFILE_VISIBILITIES = ['PUBLIC', 'PRIVATE', 'FRIENDS_ONLY'] as const
export type ProfileVisibility = (typeof PROFILE_VISIBILITIES)[number]

export const EXPERIENCE_LEVELS = ['BEGINNER', 'INTERMEDIATE', 'ADVANCED', 'EXPERT'] as const
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number]
