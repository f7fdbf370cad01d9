import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * How a notification is stored, as one SQL function: Notify calls it on its
 * own, and a workflow written as one statement (a tip) calls it beside its
 * movement, so both follow the same rules.
 *
 * `p_audience` is `[{ user_id, title, message }]`. Everyone in it who wants
 * the type (their preference, or `p_default_channel`; not "off") gets one,
 * unless their account is deleted or deactivated. Emailed when the channel
 * is email and their settings allow email; live unless they turned live
 * notifications off. Stamped with the clock, not the transaction's start, so
 * several in one transaction keep their order. Each comes back with its
 * member's unread count as they will see it once this commits: what was
 * unread before (the statement's snapshot) and the new one.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
CREATE FUNCTION notifications_store(
  p_audience jsonb, p_type text, p_default_channel text, p_actor uuid, p_url text, p_data jsonb,
  p_expires_at timestamptz, p_mail_job text
) RETURNS TABLE (
  id uuid, user_id uuid, actor_id uuid, type text, title text, message text, url text, data jsonb,
  read_at timestamptz, emailed_at timestamptz, expires_at timestamptz, created_at timestamptz,
  live boolean, emailed boolean, unread bigint
) LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
    WITH audience AS (
      SELECT audience.user_id, audience.title, audience.message,
             coalesce(preference.channel::text, p_default_channel) = 'email'
               AND settings.email_notifications IS NOT FALSE AS emailed,
             settings.push_notifications IS NOT FALSE AS live
        FROM jsonb_to_recordset(p_audience) AS audience (user_id uuid, title text, message text)
        -- Each member's rows by key (LATERAL probes with LIMIT): joined
        -- plainly, the cached plan cannot see how few members the jsonb
        -- holds and scans every user.
       CROSS JOIN LATERAL (SELECT id FROM users
                            WHERE users.id = audience.user_id
                              AND users.deleted_at IS NULL AND users.is_active
                            LIMIT 1) AS member
        LEFT JOIN LATERAL (SELECT email_notifications, push_notifications FROM user_settings
                            WHERE user_settings.user_id = member.id LIMIT 1) AS settings ON true
        LEFT JOIN LATERAL (SELECT channel FROM notification_preferences
                            WHERE notification_preferences.user_id = member.id
                              AND notification_preferences.type = p_type
                            LIMIT 1) AS preference ON true
       WHERE coalesce(preference.channel::text, p_default_channel) <> 'off'
    ),
    stored AS (
      INSERT INTO notifications
        (user_id, actor_id, type, title, message, url, data, emailed_at, expires_at, created_at)
      SELECT audience.user_id, p_actor, p_type, audience.title, audience.message, p_url, p_data,
             CASE WHEN audience.emailed THEN clock_timestamp() END, p_expires_at, clock_timestamp()
        FROM audience
      RETURNING *
    ),
    mailed AS (
      -- The mail owed for each emailed one, in the job outbox (migration
      -- 0500), committed with it: a crash cannot lose it.
      INSERT INTO job_outbox (job, payload)
      SELECT p_mail_job, jsonb_build_object('notificationId', stored.id)
        FROM stored WHERE stored.emailed_at IS NOT NULL
    )
    SELECT stored.id, stored.user_id, stored.actor_id, stored.type::text, stored.title::text,
           stored.message, stored.url::text, stored.data, stored.read_at, stored.emailed_at,
           stored.expires_at, stored.created_at, audience.live, audience.emailed,
           (SELECT count(*) FROM notifications AS unread
             WHERE unread.user_id = stored.user_id AND unread.read_at IS NULL
               AND (unread.expires_at IS NULL OR unread.expires_at > now()))
           + CASE WHEN stored.expires_at IS NULL OR stored.expires_at > now() THEN 1 ELSE 0 END
      FROM stored JOIN audience ON audience.user_id = stored.user_id;
END $$;
`)
  }

  async down() {
    this.schema.raw(
      'DROP FUNCTION IF EXISTS notifications_store(jsonb, text, text, uuid, text, jsonb, timestamptz, text)'
    )
  }
}
