import RelayOutboxJob from '#jobs/relay_outbox_job'
import ExpireBountiesJob from '#jobs/expire_bounties_job'
import SendDigestsJob from '#jobs/send_digests_job'
import PruneNotificationsJob from '#jobs/prune_notifications_job'
import RemindCheckInsJob from '#jobs/remind_check_ins_job'
import VerifyLedgerJob from '#jobs/verify_ledger_job'
import AwardTopEarnersJob from '#jobs/award_top_earners_job'

/**
 * Recurring work, run by whichever worker claims it first (the queue's
 * scheduler locks each due schedule): no cron lines. Every worker writes
 * these at start (`node ace jobs:work`); writing them again updates them.
 * Times are UTC.
 */
export async function registerSchedules() {
  await RelayOutboxJob.schedule({}).id('relay-outbox').every('10s')
  await ExpireBountiesJob.schedule({}).id('expire-bounties').every('5m')
  await SendDigestsJob.schedule({ hours: 24 }).id('notification-digest').cron('0 7 * * *')
  await PruneNotificationsJob.schedule({ readDays: 30 }).id('prune-notifications').cron('0 3 * * *')
  // Hourly so each team is reminded at its own Friday morning; once a week per team.
  await RemindCheckInsJob.schedule({}).id('checkin-reminders').cron('5 * * * *')
  await VerifyLedgerJob.schedule({}).id('ledger-verify').cron('30 2 * * *')
  // Just after each month ends (UTC); the job covers every finished month.
  await AwardTopEarnersJob.schedule({}).id('top-earner-badges').cron('10 0 1 * *')
}
