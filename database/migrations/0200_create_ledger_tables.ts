import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The double-entry ledger (C1). The database itself enforces the
 * invariants, so no code path (or hand-written SQL) can break them:
 *
 * - every journal entry has at least two postings that sum to zero (deferred
 *   constraint triggers, checked at commit);
 * - postings and entries are immutable: corrections are new entries;
 * - `ledger_accounts.balance` is maintained by a trigger from the postings
 *   and `held` from the holds, and only those triggers may change them;
 * - no account but the treasury can go below zero (CHECK on the balance).
 *
 * A hold moves money from an account into a holding account (withdrawals
 * awaiting approval, a bounty's escrow) and is later captured (paid onwards)
 * or released (returned), in whole or in part.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('ledger_accounts', (table) => {
      table.bigIncrements('id')
      table
        .enum('kind', ['WALLET', 'ESCROW', 'HOLDING', 'TREASURY', 'SHOP'], {
          useNative: true,
          enumName: 'ledger_account_kind',
        })
        .notNullable()
      table.string('code', 64).nullable()
      table.uuid('user_id').nullable().references('users.id')
      table.uuid('bounty_id').nullable()
      table.decimal('balance', 14, 2).notNullable().defaultTo(0)
      table.decimal('held', 14, 2).notNullable().defaultTo(0)
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.raw(`
      ALTER TABLE ledger_accounts
        ADD CONSTRAINT ledger_accounts_no_overdraft CHECK (kind = 'TREASURY' OR balance >= 0),
        ADD CONSTRAINT ledger_accounts_held_not_negative CHECK (held >= 0),
        ADD CONSTRAINT ledger_accounts_owner CHECK (
          (kind = 'WALLET' AND user_id IS NOT NULL AND bounty_id IS NULL AND code IS NULL) OR
          (kind = 'ESCROW' AND bounty_id IS NOT NULL AND user_id IS NULL AND code IS NULL) OR
          (kind IN ('HOLDING', 'TREASURY', 'SHOP') AND code IS NOT NULL
            AND user_id IS NULL AND bounty_id IS NULL)
        );
      CREATE UNIQUE INDEX ledger_accounts_wallet_unique ON ledger_accounts (user_id) WHERE kind = 'WALLET';
      CREATE UNIQUE INDEX ledger_accounts_escrow_unique ON ledger_accounts (bounty_id) WHERE kind = 'ESCROW';
      CREATE UNIQUE INDEX ledger_accounts_code_unique ON ledger_accounts (code) WHERE code IS NOT NULL;
    `)

    this.schema.createTable('ledger_holds', (table) => {
      table.bigIncrements('id')
      table.bigInteger('source_account_id').notNullable().references('ledger_accounts.id')
      table.bigInteger('holding_account_id').notNullable().references('ledger_accounts.id')
      table.string('purpose', 32).notNullable()
      table.uuid('reference_id').nullable()
      table.decimal('amount', 14, 2).notNullable()
      table.decimal('captured_amount', 14, 2).notNullable().defaultTo(0)
      table.decimal('released_amount', 14, 2).notNullable().defaultTo(0)
      table.specificType(
        'remaining',
        'numeric(14,2) GENERATED ALWAYS AS (amount - captured_amount - released_amount) STORED'
      )
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('settled_at', { useTz: true }).nullable()
      table.index(['purpose', 'reference_id'])
    })
    this.schema.raw(`
      ALTER TABLE ledger_holds
        ADD CONSTRAINT ledger_holds_amount_positive CHECK (amount > 0),
        ADD CONSTRAINT ledger_holds_settlements_bounded CHECK (
          captured_amount >= 0 AND released_amount >= 0
          AND captured_amount + released_amount <= amount
        ),
        ADD CONSTRAINT ledger_holds_distinct_accounts CHECK (source_account_id <> holding_account_id);
      CREATE INDEX ledger_holds_open_by_source ON ledger_holds (source_account_id) WHERE remaining > 0;
      CREATE INDEX ledger_holds_open_by_holding ON ledger_holds (holding_account_id) WHERE remaining > 0;
    `)

    this.schema.createTable('ledger_entries', (table) => {
      table.bigIncrements('id')
      table.string('kind', 16).notNullable()
      table.text('description').notNullable()
      table.bigInteger('hold_id').nullable().references('ledger_holds.id')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['hold_id'])
    })
    this.schema.raw(`
      ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_kind CHECK (
        kind IN ('TRANSFER', 'HOLD', 'CAPTURE', 'RELEASE')
      )
    `)

    this.schema.createTable('ledger_postings', (table) => {
      table.bigIncrements('id')
      table.bigInteger('entry_id').notNullable().references('ledger_entries.id')
      table.bigInteger('account_id').notNullable().references('ledger_accounts.id')
      table.decimal('amount', 14, 2).notNullable()
      table.index(['entry_id'])
      // An account's entries: its history, balances by day, the admin explorer.
      table.index(['account_id', 'entry_id'], 'ledger_postings_account_entry')
    })
    this.schema.raw(`
      ALTER TABLE ledger_postings ADD CONSTRAINT ledger_postings_amount_not_zero CHECK (amount <> 0)
    `)

    this.schema.raw(TRIGGERS)
  }

  async down() {
    this.schema.dropTable('ledger_postings')
    this.schema.dropTable('ledger_entries')
    this.schema.dropTable('ledger_holds')
    this.schema.dropTable('ledger_accounts')
    this.schema.raw(`
      DROP FUNCTION IF EXISTS ledger_refuse_change();
      DROP FUNCTION IF EXISTS ledger_check_entry_balanced();
      DROP FUNCTION IF EXISTS ledger_apply_postings();
      DROP FUNCTION IF EXISTS ledger_apply_holds();
      DROP FUNCTION IF EXISTS ledger_guard_hold();
      DROP FUNCTION IF EXISTS ledger_guard_cached_balances();
      DROP TYPE IF EXISTS ledger_account_kind;
    `)
  }
}

const TRIGGERS = `
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are immutable: record a correcting entry instead', TG_TABLE_NAME
    USING ERRCODE = 'integrity_constraint_violation';
END $$;

CREATE TRIGGER ledger_entries_immutable BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_postings_immutable BEFORE UPDATE OR DELETE ON ledger_postings
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_holds_no_delete BEFORE DELETE ON ledger_holds
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();

-- Fired at commit for every new entry and every new posting: an entry must
-- have two or more postings summing to zero, also when a posting is added to
-- an entry committed earlier.
CREATE FUNCTION ledger_check_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  checked_entry bigint;
  total numeric;
  postings integer;
BEGIN
  IF TG_TABLE_NAME = 'ledger_entries' THEN
    checked_entry := NEW.id;
  ELSE
    checked_entry := NEW.entry_id;
  END IF;
  SELECT coalesce(sum(amount), 0), count(*) INTO total, postings
    FROM ledger_postings WHERE entry_id = checked_entry;
  IF postings < 2 OR total <> 0 THEN
    RAISE EXCEPTION 'ledger entry % is unbalanced (% postings summing to %)', checked_entry, postings, total
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_entries_balanced';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_entry_balanced();
CREATE CONSTRAINT TRIGGER ledger_postings_balanced AFTER INSERT ON ledger_postings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_entry_balanced();

-- The cached balances change only here, once per statement, so they always
-- equal the sum of the postings (ledger:verify checks that nobody bypassed it).
CREATE FUNCTION ledger_apply_postings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('ledger.applying', 'on', true);
  UPDATE ledger_accounts AS account SET balance = account.balance + delta.total
    FROM (SELECT account_id, sum(amount) AS total FROM new_postings GROUP BY account_id) AS delta
    WHERE account.id = delta.account_id;
  PERFORM set_config('ledger.applying', 'off', true);
  RETURN NULL;
END $$;

CREATE TRIGGER ledger_postings_apply AFTER INSERT ON ledger_postings
  REFERENCING NEW TABLE AS new_postings
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_apply_postings();

CREATE FUNCTION ledger_apply_holds() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  delta numeric := CASE WHEN TG_OP = 'INSERT' THEN NEW.remaining ELSE NEW.remaining - OLD.remaining END;
BEGIN
  IF delta <> 0 THEN
    PERFORM set_config('ledger.applying', 'on', true);
    UPDATE ledger_accounts SET held = held + delta WHERE id = NEW.source_account_id;
    PERFORM set_config('ledger.applying', 'off', true);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER ledger_holds_apply AFTER INSERT OR UPDATE ON ledger_holds
  FOR EACH ROW EXECUTE FUNCTION ledger_apply_holds();

-- A hold only ever settles: what it holds, from where and into which
-- account never changes, and captured or released amounts never shrink.
CREATE FUNCTION ledger_guard_hold() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.amount <> OLD.amount
    OR NEW.source_account_id <> OLD.source_account_id
    OR NEW.holding_account_id <> OLD.holding_account_id
    OR NEW.purpose <> OLD.purpose
    OR NEW.reference_id IS DISTINCT FROM OLD.reference_id
    OR NEW.captured_amount < OLD.captured_amount
    OR NEW.released_amount < OLD.released_amount THEN
    RAISE EXCEPTION 'ledger hold % can only be captured or released', OLD.id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER ledger_holds_guard BEFORE UPDATE ON ledger_holds
  FOR EACH ROW EXECUTE FUNCTION ledger_guard_hold();

CREATE FUNCTION ledger_guard_cached_balances() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('ledger.applying', true) IS DISTINCT FROM 'on' THEN
    RAISE EXCEPTION 'ledger account balances follow the postings and holds; they cannot be set'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER ledger_accounts_guard BEFORE UPDATE ON ledger_accounts
  FOR EACH ROW WHEN (NEW.balance IS DISTINCT FROM OLD.balance OR NEW.held IS DISTINCT FROM OLD.held)
  EXECUTE FUNCTION ledger_guard_cached_balances();
`
