import { BaseSchema } from '@adonisjs/lucid/schema'

const METRICS = ['earnings', 'completions', 'points']

/**
 * Whether a member is on the leaderboards (active, not deleted, not opted
 * out: K9), kept on their `member_totals` rows so a board's top and a
 * member's rank are each one range of a partial index over listed rows,
 * instead of filtering unlisted members row by row. Before this, ranking a
 * member subtracted every unlisted member ahead of them with a lookup each,
 * which grew with the number of unlisted members (docs/performance.md).
 *
 * Triggers keep the flag, in the transaction of the change:
 * - a new row takes its member's flag (payouts, `MemberTotals.rebuild`,
 *   any other insert), reading the member's user and settings rows FOR
 *   SHARE so a concurrent deactivation or opt-out waits for the payout to
 *   commit, then sees its rows, or the payout waits and sees the change;
 * - deactivating, reactivating or deleting an account (users.is_active,
 *   users.deleted_at) and opting out or in (user_settings) set it again on
 *   all of that member's rows.
 * Triggers rather than calls in each action: every way those columns
 * change (admin console, account deletion, settings page and API, scripts)
 * keeps the boards right.
 */
export default class extends BaseSchema {
  protected tableName = 'member_totals'

  async up() {
    this.schema.raw(`
      ALTER TABLE member_totals ADD COLUMN listed boolean NOT NULL DEFAULT true;

      CREATE FUNCTION leaderboard_listed(member uuid) RETURNS boolean
        LANGUAGE plpgsql STABLE AS $$
      BEGIN
        RETURN EXISTS (SELECT 1 FROM users
                        WHERE id = member AND is_active AND deleted_at IS NULL)
           AND NOT EXISTS (SELECT 1 FROM user_settings
                            WHERE user_id = member AND leaderboard_opt_out);
      END $$;

      UPDATE member_totals SET listed = false WHERE NOT leaderboard_listed(user_id);

      CREATE FUNCTION member_totals_take_listed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM users WHERE id = NEW.user_id FOR SHARE;
        PERFORM 1 FROM user_settings WHERE user_id = NEW.user_id FOR SHARE;
        NEW.listed := leaderboard_listed(NEW.user_id);
        RETURN NEW;
      END $$;
      CREATE TRIGGER member_totals_take_listed BEFORE INSERT ON member_totals
        FOR EACH ROW EXECUTE FUNCTION member_totals_take_listed();

      CREATE FUNCTION member_totals_relist(member uuid) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        now_listed boolean := leaderboard_listed(member);
      BEGIN
        UPDATE member_totals SET listed = now_listed
         WHERE user_id = member AND listed IS DISTINCT FROM now_listed;
      END $$;

      CREATE FUNCTION users_relist_totals() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM member_totals_relist(NEW.id);
        RETURN NULL;
      END $$;
      CREATE TRIGGER users_relist_totals AFTER UPDATE OF is_active, deleted_at ON users
        FOR EACH ROW
        WHEN (OLD.is_active IS DISTINCT FROM NEW.is_active
              OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
        EXECUTE FUNCTION users_relist_totals();

      CREATE FUNCTION user_settings_relist_totals() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A settings row deleted with its user (the cascade of deleting the
        -- account's row) leaves no rows to relist: skip them, or deleting
        -- many members would update each one's rows just before they go.
        IF TG_OP = 'DELETE' THEN
          IF EXISTS (SELECT 1 FROM users WHERE id = OLD.user_id) THEN
            PERFORM member_totals_relist(OLD.user_id);
          END IF;
        ELSE
          PERFORM member_totals_relist(NEW.user_id);
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER user_settings_relist_totals_on_change
        AFTER UPDATE OF leaderboard_opt_out ON user_settings
        FOR EACH ROW WHEN (OLD.leaderboard_opt_out IS DISTINCT FROM NEW.leaderboard_opt_out)
        EXECUTE FUNCTION user_settings_relist_totals();
      CREATE TRIGGER user_settings_relist_totals_on_insert_delete
        AFTER INSERT OR DELETE ON user_settings
        FOR EACH ROW EXECUTE FUNCTION user_settings_relist_totals();

      DROP INDEX IF EXISTS users_unlisted;
      DROP INDEX IF EXISTS user_settings_leaderboard_opt_out;
    `)
    for (const metric of METRICS) {
      this.schema.raw(`DROP INDEX member_totals_by_${metric}`)
      this.schema.raw(
        `CREATE INDEX member_totals_listed_by_${metric}
           ON member_totals (period, period_start, ${metric} DESC) WHERE listed`
      )
    }
  }

  async down() {
    for (const metric of METRICS) {
      this.schema.raw(`DROP INDEX member_totals_listed_by_${metric}`)
      this.schema.raw(
        `CREATE INDEX member_totals_by_${metric} ON member_totals (period, period_start, ${metric} DESC)`
      )
    }
    this.schema.raw(`
      CREATE INDEX user_settings_leaderboard_opt_out ON user_settings (user_id) WHERE leaderboard_opt_out;
      CREATE INDEX users_unlisted ON users (id) WHERE NOT is_active OR deleted_at IS NOT NULL;
      DROP TRIGGER user_settings_relist_totals_on_insert_delete ON user_settings;
      DROP TRIGGER user_settings_relist_totals_on_change ON user_settings;
      DROP FUNCTION user_settings_relist_totals();
      DROP TRIGGER users_relist_totals ON users;
      DROP FUNCTION users_relist_totals();
      DROP FUNCTION member_totals_relist(uuid);
      DROP TRIGGER member_totals_take_listed ON member_totals;
      DROP FUNCTION member_totals_take_listed();
      DROP FUNCTION leaderboard_listed(uuid);
      ALTER TABLE member_totals DROP COLUMN listed;
    `)
  }
}
