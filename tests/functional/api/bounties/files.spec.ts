import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import drive from '@adonisjs/drive/services/main'
import Attachment from '#models/attachment'
import BountyClaim from '#models/bounty_claim'
import type User from '#models/user'
import AddComment from '#actions/bounties/add_comment'
import ClaimBounty from '#actions/bounties/claim_bounty'
import DeleteBounty from '#actions/bounties/delete_bounty'
import { isolateDatabase } from '#tests/helpers/database'
import { bearerFor } from '#tests/functional/api/support'
import { funded, member, postBounty } from '#tests/helpers/bounties'
import { removeFromTeam, teamOf } from '#tests/helpers/teams'
import '#tests/helpers/openapi'

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64'
)
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n')
const TEXT = Buffer.from('Steps to reproduce:\n1. Open the page\n')

let disk: ReturnType<typeof drive.fake>

async function upload(
  client: ApiClient,
  user: User | null,
  file: { bytes: Buffer; name: string },
  fields: Record<string, string> = {}
) {
  const request = client.post('/api/v1/files/upload')
  if (user) request.header('authorization', await bearerFor(user))
  for (const [name, value] of Object.entries(fields)) request.field(name, value)
  return request.file('file', file.bytes, { filename: file.name })
}

async function download(client: ApiClient, user: User | null, id: string) {
  const request = client.get(`/api/v1/files/${id}`)
  if (user) request.header('authorization', await bearerFor(user))
  return request
}

test.group('Files: upload and download', (group) => {
  isolateDatabase(group)
  group.each.setup(() => {
    disk = drive.fake()
    return () => drive.restore()
  })

  test('an upload answers the documented shape and only its uploader sees it until attached', async ({
    client,
    assert,
  }) => {
    const uploader = await member()

    const response = await upload(client, uploader, { bytes: PNG, name: 'shot.png' })

    response.assertStatus(201)
    const data = response.body().data
    assert.deepEqual(Object.keys(data).sort(), ['fileSize', 'filename', 'id', 'mimeType', 'url'])
    assert.equal(data.mimeType, 'image/png')
    assert.equal(data.fileSize, PNG.length)
    assert.equal(data.url, `/api/v1/files/${data.id}`)
    const stored = await Attachment.findOrFail(data.id)
    disk.assertExists(stored.storageKey)

    const own = await download(client, uploader, data.id)
    own.assertStatus(200)
    own.assertHeader('content-type', 'image/png')
    own.assertHeader('x-content-type-options', 'nosniff')
    assert.match(own.header('content-disposition') ?? '', /^inline; filename="shot.png"/)
    const other = await download(client, await member(), data.id)
    other.assertStatus(404)
  })

  test('documents and text download as attachments with their stored type', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const bounty = await postBounty(poster)

    const pdf = await upload(
      client,
      poster,
      { bytes: PDF, name: 'brief.pdf' },
      { bountyId: bounty.id }
    )
    const html = await upload(
      client,
      poster,
      { bytes: Buffer.from('<script>alert(1)</script>'), name: 'page.txt' },
      { bountyId: bounty.id }
    )
    pdf.assertStatus(201)
    html.assertStatus(201)

    const reader = await member('unverified')
    const pdfResponse = await download(client, reader, pdf.body().data.id)
    pdfResponse.assertStatus(200)
    pdfResponse.assertHeader('content-type', 'application/pdf')
    assert.match(
      pdfResponse.header('content-disposition') ?? '',
      /^attachment; filename="brief.pdf"/
    )

    const textResponse = await download(client, reader, html.body().data.id)
    textResponse.assertHeader('content-type', 'text/plain; charset=utf-8')
    textResponse.assertHeader('x-content-type-options', 'nosniff')
    assert.match(textResponse.header('content-disposition') ?? '', /^attachment;/)
    assert.include(textResponse.header('content-security-policy') ?? '', 'sandbox')
    assert.equal(textResponse.text(), '<script>alert(1)</script>')

    const detail = await client
      .get(`/api/v1/bounties/${bounty.id}`)
      .header('authorization', await bearerFor(reader))
    assert.lengthOf(detail.body().data.attachments, 2)
  })

  test('refuses other types, disguised content and files over 10 MB; stores nothing', async ({
    client,
    assert,
  }) => {
    const uploader = await member()
    const cases = [
      { bytes: Buffer.from('<html></html>'), name: 'page.html' },
      { bytes: Buffer.from('<svg onload="alert(1)"/>'), name: 'icon.svg' },
      { bytes: Buffer.from('MZ\x90\x00'), name: 'tool.exe' },
      { bytes: TEXT, name: 'fake.png' },
      { bytes: PNG, name: 'really-an-image.txt' },
      { bytes: Buffer.from([0x41, 0x00, 0x42, 0x43]), name: 'binary.txt' },
      { bytes: PDF, name: 'report.zip' },
      { bytes: Buffer.alloc(10 * 1024 * 1024 + 1, 0x61), name: 'huge.txt' },
      { bytes: Buffer.alloc(0), name: 'empty.txt' },
    ]

    for (const file of cases) {
      const response = await upload(client, uploader, file)
      assert.equal(response.status(), 422, file.name)
      assert.equal(response.body().error.details[0].field, 'file', file.name)
    }
    assert.lengthOf(await Attachment.all(), 0)
  })

  test('quotes and separators in a file name never reach the header raw', async ({
    client,
    assert,
  }) => {
    const response = await upload(client, await member(), {
      bytes: TEXT,
      name: 'notes "quoted"; x=1.txt',
    })
    response.assertStatus(201)
    const anonymous = await download(client, null, response.body().data.id)
    anonymous.assertStatus(401)
    const stored = await Attachment.findOrFail(response.body().data.id)
    assert.notInclude(stored.contentDisposition.split('filename*=')[0], '"quoted"')
  })

  test('team bounty files show to its members and leaders; outsiders, former members (their uploader too) get 404', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const teammate = await member()
    const team = await teamOf([poster, teammate])
    const bounty = await postBounty(poster, { teamId: team.id })
    const file = await upload(
      client,
      poster,
      { bytes: TEXT, name: 'plan.txt' },
      { bountyId: bounty.id }
    )
    const id = file.body().data.id
    const statusFor = async (user: User | null) => {
      const response = await download(client, user, id)
      return response.status()
    }

    assert.equal(await statusFor(teammate), 200)
    assert.equal(await statusFor(await member('admin')), 200)
    assert.equal(await statusFor(await member()), 404)
    assert.equal(await statusFor(null), 401)

    await removeFromTeam(team.id, poster)
    assert.equal(await statusFor(poster), 404)
  })
})

test.group('Files: submissions and comments', (group) => {
  isolateDatabase(group)
  group.each.setup(() => {
    disk = drive.fake()
    return () => drive.restore()
  })

  async function submittedWithFile(client: ApiClient) {
    const poster = await funded('100.00')
    const worker = await member()
    const bounty = await postBounty(poster)
    await ClaimBounty.handle(worker, bounty)
    const file = await upload(client, worker, { bytes: PDF, name: 'delivery.pdf' })
    const submitted = await client
      .post(`/api/v1/bounties/${bounty.id}/submit`)
      .header('authorization', await bearerFor(worker))
      .json({ note: 'Here it is', attachmentIds: [file.body().data.id] })
    submitted.assertStatus(200)
    return { poster, worker, bounty, fileId: file.body().data.id as string }
  }

  test('submitted work’s files show to its author and reviewers only', async ({
    client,
    assert,
  }) => {
    const { poster, worker, fileId } = await submittedWithFile(client)
    const expectations: [User, number][] = [
      [poster, 200],
      [worker, 200],
      [await member('pillar'), 404],
      [await member('admin'), 200],
      [await member(), 404],
      [await member('unverified'), 404],
    ]
    for (const [user, status] of expectations) {
      const response = await download(client, user, fileId)
      assert.equal(response.status(), status, user.role)
    }
    const guest = await download(client, null, fileId)
    guest.assertStatus(401)
  })

  test('reviewers see every submission, a claimant their own, others none', async ({
    client,
    assert,
  }) => {
    const { poster, worker, bounty } = await submittedWithFile(client)
    const counts: [User, number][] = [
      [poster, 1],
      [worker, 1],
      [await member('pillar'), 0],
      [await member('admin'), 1],
      [await member(), 0],
      [await member('unverified'), 0],
    ]
    for (const [user, count] of counts) {
      const response = await client
        .get(`/api/v1/bounties/${bounty.id}/submissions`)
        .header('authorization', await bearerFor(user))
      response.assertStatus(200)
      assert.lengthOf(response.body().data, count)
    }
    const guest = await client.get(`/api/v1/bounties/${bounty.id}/submissions`)
    guest.assertStatus(401)
    const mine = await client
      .get(`/api/v1/bounties/${bounty.id}/submissions`)
      .header('authorization', await bearerFor(worker))
    assert.equal(mine.body().data[0].attachments[0].filename, 'delivery.pdf')
  })

  test('a submission can only name the submitter’s own unused uploads', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const worker = await member()
    const stranger = await member()
    const bounty = await postBounty(poster)
    await ClaimBounty.handle(worker, bounty)
    const theirs = await upload(client, stranger, { bytes: TEXT, name: 'theirs.txt' })

    const response = await client
      .post(`/api/v1/bounties/${bounty.id}/submit`)
      .header('authorization', await bearerFor(worker))
      .json({ note: 'Stolen goods', attachmentIds: [theirs.body().data.id] })

    response.assertStatus(404)
    assert.equal(response.body().error.details[0].field, 'attachmentIds')
    const claim = await BountyClaim.findByOrFail('bounty_id', bounty.id)
    assert.equal(claim.status, 'IN_PROGRESS')
    const untouched = await Attachment.findOrFail(theirs.body().data.id)
    assert.isNull(untouched.submissionId)
  })

  test('deleting: the uploader or a leader; submitted work only a leader', async ({
    client,
    assert,
  }) => {
    const poster = await funded('100.00')
    const bounty = await postBounty(poster)
    const file = await upload(
      client,
      poster,
      { bytes: TEXT, name: 'spec.txt' },
      { bountyId: bounty.id }
    )
    const id = file.body().data.id
    const stored = await Attachment.findOrFail(id)

    const byMember = await client
      .delete(`/api/v1/files/${id}`)
      .header('authorization', await bearerFor(await member()))
    byMember.assertStatus(403)

    const byPoster = await client
      .delete(`/api/v1/files/${id}`)
      .header('authorization', await bearerFor(poster))
    byPoster.assertStatus(200)
    assert.isNull(await Attachment.find(id))
    disk.assertMissing(stored.storageKey)

    const { worker, fileId } = await submittedWithFile(client)
    const byWorker = await client
      .delete(`/api/v1/files/${fileId}`)
      .header('authorization', await bearerFor(worker))
    byWorker.assertStatus(403)
    const byLeader = await client
      .delete(`/api/v1/files/${fileId}`)
      .header('authorization', await bearerFor(await member('admin')))
    byLeader.assertStatus(200)
  })

  test('a comment’s files come from its author', async ({ client, assert }) => {
    const poster = await funded('100.00')
    const author = await member()
    const bounty = await postBounty(poster)
    const comment = await AddComment.handle(author, bounty, { content: 'See attached' })

    const own = await upload(
      client,
      author,
      { bytes: PNG, name: 'a.png' },
      { commentId: comment.id }
    )
    const other = await upload(
      client,
      await member(),
      { bytes: PNG, name: 'b.png' },
      { commentId: comment.id }
    )

    own.assertStatus(201)
    other.assertStatus(403)
    const listed = await client
      .get(`/api/v1/bounties/${bounty.id}/comments`)
      .header('authorization', await bearerFor(poster))
    assert.equal(listed.body().data[0].attachments[0].filename, 'a.png')
  })

  test('deleting a draft deletes its files from the disk', async ({ client }) => {
    const poster = await funded('100.00')
    const draft = await postBounty(poster, { draft: true })
    const file = await upload(
      client,
      poster,
      { bytes: TEXT, name: 'draft.txt' },
      { bountyId: draft.id }
    )
    const stored = await Attachment.findOrFail(file.body().data.id)

    await DeleteBounty.handle(poster, draft)

    disk.assertMissing(stored.storageKey)
  })
})
