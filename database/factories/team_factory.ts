import factory from '@adonisjs/lucid/factories'
import Team from '#models/team'

/**
 * A team with no members yet (give it some with `Team.addMember` under
 * `Team.lockForUpdate`, or tests/helpers/teams.ts). States: `listed` (not
 * private), `small` (a limit of two members).
 */
export const TeamFactory = factory
  .define(Team, ({ faker }) => ({
    name: `${faker.color.human()} ${faker.animal.type()}s`.slice(0, 100),
    description: faker.lorem.sentence(),
    accessCode: Team.newAccessCode(),
    isPrivate: true,
    maxMembers: 20,
    timezone: 'UTC',
    memberCount: 0,
  }))
  .state('listed', (team) => {
    team.isPrivate = false
  })
  .state('small', (team) => {
    team.maxMembers = 2
  })
  .build()
