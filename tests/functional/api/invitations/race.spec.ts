import { test } from '@japa/runner'
import { TeamInvitationFactory } from '#database/factories/team_invitation_factory'
import { bearerFor } from '#tests/functional/api/support'
import { member } from '#tests/helpers/bounties'
import { truncateEachTest } from '#tests/helpers/ledger'
import { countRows } from '#tests/helpers/accounts'
import { invitationRow, memberCountOf, teamWith } from '#tests/helpers/teams'
import '#tests/helpers/openapi'

test.group('Invitations API: the last seat', (group) => {
  truncateEachTest(group)

  test('an invitation accepted while someone joins by code: exactly one gets the last seat', async ({
    client,
    assert,
  }) => {
    for (let round = 0; round < 3; round++) {
      const [admin, invitee, joiner] = await Promise.all([member(), member(), member()])
      const team = await teamWith([[admin, 'ADMIN']], { maxMembers: 2 })
      const invitation = await TeamInvitationFactory.merge({
        teamId: team.id,
        inviteeId: invitee.id,
        inviterId: admin.id,
      }).create()
      const [inviteeAuth, joinerAuth] = await Promise.all([bearerFor(invitee), bearerFor(joiner)])

      const [accepted, joined] = await Promise.all([
        client
          .post(`/api/v1/invitations/${invitation.id}/accept`)
          .header('authorization', inviteeAuth),
        client
          .post('/api/v1/teams/join')
          .header('authorization', joinerAuth)
          .json({ accessCode: team.accessCode }),
      ])

      assert.sameMembers([accepted.status(), joined.status()], [200, 409])
      const loser = accepted.status() === 409 ? accepted : joined
      assert.equal(loser.body().error.code, 'TEAM_FULL')
      assert.equal(await memberCountOf(team), 2)
      assert.equal(await countRows('team_memberships', { team_id: team.id }), 2)
      const row = await invitationRow(invitation.id)
      assert.equal(row.status, accepted.status() === 200 ? 'ACCEPTED' : 'PENDING')
    }
  })
})
